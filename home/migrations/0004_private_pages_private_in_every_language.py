"""Privacy set on one language version of a page before home.restrictions mirrored it: every
other version without restrictions of its own gets a copy (nothing is made public here)."""

from django.db import migrations


def mirror_existing_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    for restriction in PageViewRestriction.objects.select_related("page"):
        others = Page.objects.filter(translation_key=restriction.page.translation_key).exclude(
            pk=restriction.page_id
        )
        for other in others.filter(view_restrictions__isnull=True):
            copy = PageViewRestriction.objects.create(
                page=other,
                restriction_type=restriction.restriction_type,
                password=restriction.password,
            )
            copy.groups.set(restriction.groups.all())


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_standard_page_site_links_barrier_report"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror_existing_restrictions, migrations.RunPython.noop)]
