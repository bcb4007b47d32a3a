"""The inbox in the admin: one list of everything sent in, newest first, filtered by state,
kind and who is on it, with the count of new entries beside its menu item."""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from .models import InboxItem
from .signals import sources


def handlers():
    """Who may be assigned an entry: those who may work on the inbox."""
    return (
        get_user_model()
        .objects.with_perm(
            "familientisch_inbox.change_inboxitem",
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(is_active=True)
        .order_by("last_name", "username")
    )


class InboxFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(label=_("state"), choices=InboxItem.State.choices)
    content_type = django_filters.ModelChoiceFilter(
        label=_("kind"), queryset=ContentType.objects.none()
    )
    assigned_to = django_filters.ModelChoiceFilter(label=_("assigned to"), queryset=None)

    class Meta:
        model = InboxItem
        fields = ["state", "content_type", "assigned_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = ContentType.objects.get_for_models(*sources()).values()
        self.filters["content_type"].queryset = ContentType.objects.filter(
            pk__in=[kind.pk for kind in kinds]
        )
        self.filters["content_type"].field.label_from_instance = lambda kind: (
            kind.model_class()._meta.verbose_name
        )
        self.filters["assigned_to"].queryset = handlers()


def relations_to_pages(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and issubclass(field.related_model, Page)
    ]


def source_url(item):
    """Where the sender's own words are: the report's page in the admin, or the hint's."""
    meta = item.content_type.model_class()._meta
    try:
        name = f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit"
        return reverse(name, args=[item.object_id])
    except NoReverseMatch:
        return item.page_id and reverse("wagtailadmin_pages:edit", args=[item.page_id])


class ConcernedColumn(Column):
    """The page concerned: in the admin when there is one, else the address the visitor gave."""

    def get_value(self, item):
        if item.page_id:
            url = reverse("wagtailadmin_pages:edit", args=[item.page_id])
            return format_html('<a href="{}">{}</a>', url, item.page.title)
        address = getattr(item.source, "page_url", "")
        return format_html('<a href="{}">{}</a>', address, address) if address else "-"


class InboxIndexView(IndexView):
    def get_base_queryset(self):
        # Each kind of source with the page its title names, in one query per kind.
        sources_with_pages = [
            model.objects.select_related(*relations_to_pages(model)) for model in sources()
        ]
        return InboxItem.objects.select_related(
            "content_type", "page", "assigned_to"
        ).prefetch_related(GenericPrefetch("source", sources_with_pages))


class InboxViewSet(ModelViewSet):
    index_view_class = InboxIndexView
    model = InboxItem
    icon = "mail"
    menu_label = _("Inbox")
    add_to_admin_menu = True
    menu_order = 190
    form_fields = ["state", "assigned_to"]
    filterset_class = InboxFilterSet
    list_per_page = 50
    ordering = ["-received_at"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = handlers()
        return super().formfield_for_dbfield(db_field, **kwargs)

    @property
    def list_display(self):
        return [
            TitleColumn("title", label=_("sent in"), get_url=source_url, accessor="__str__"),
            Column("kind", label=_("kind")),
            ConcernedColumn("page", label=_("page concerned")),
            Column("state", label=_("state"), accessor="get_state_display"),
            Column("assigned_to", label=_("assigned to")),
            DateColumn("received_at", label=_("received")),
        ]

    @property
    def menu_item_class(self):
        shown_class = super().menu_item_class

        class InboxMenuItem(shown_class):
            def render_component(self, request):
                component = super().render_component(request)
                new = InboxItem.objects.filter(state=InboxItem.State.NEW).count()
                if new:
                    component.label = _("Inbox (%(count)s new)") % {"count": new}
                return component

        return InboxMenuItem
