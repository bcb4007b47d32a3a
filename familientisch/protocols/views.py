from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ProtocolUploadForm, index_pages_for
from .importing import import_protocol
from .reading import ProtocolImportError


class ImportProtocolView(WagtailAdminTemplateMixin, FormView):
    """Upload minutes and get a draft protocol page to check, as `import_protocol` does."""

    form_class = ProtocolUploadForm
    template_name = "protocols/admin/import.html"
    page_title = _("Import minutes")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated or not index_pages_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            with transaction.atomic():
                result = import_protocol(
                    upload.name, upload.read(), form.cleaned_data["parent"], self.request.user
                )
        except ProtocolImportError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Draft “%(title)s” created: %(summary)s. Please check it before publishing.")
            % {"title": result.page.title, "summary": result.summary()},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[result.page.pk]))
