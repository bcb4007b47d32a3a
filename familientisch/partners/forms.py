from wagtail.admin.forms import WagtailAdminPageForm

from .logos import validate_logo_image

APPROVE_LOGO_PERMISSION = "familientisch_partners.approve_partnerpage_logo"


class PartnerPageForm(WagtailAdminPageForm):
    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo is not None and "logo" in self.changed_data:
            validate_logo_image(logo)
        return logo

    def save(self, commit=True):
        page = super().save(commit=False)
        # A new logo needs new consent: a partner's own replacement is not approved until an
        # editor with the right to approve logos ticks the box again. Until then the logo as
        # last approved stays on the wall (partners.signals keeps it in step with approval).
        may_approve = self.for_user is not None and self.for_user.has_perm(APPROVE_LOGO_PERMISSION)
        if "logo" in self.changed_data and not may_approve:
            page.logo_approved = False
            page.logo_consent_date = None
        withdrawn = may_approve and "logo_approved" in self.changed_data and not page.logo_approved
        if withdrawn or page.logo is None:
            # Consent withdrawn, or the logo taken away: nothing of it is shown any more.
            page.last_approved_logo = None
        if commit:
            page.save()
            self.save_m2m()
        return page
