from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class HintContactPanel(Panel):
    """Shows editors who sent an event hint, read-only: the contact lives outside the page so
    that it never enters a revision and can be deleted on time."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Sent in by"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/hint_contact_panel.html"

        def contact(self):
            # The page's reverse one-to-one link: None (not an error) when nobody sent it in.
            return getattr(self.instance, "hint_contact", None)

        def is_shown(self):
            return self.contact() is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["contact"] = self.contact()
            context["page"] = self.instance
            return context
