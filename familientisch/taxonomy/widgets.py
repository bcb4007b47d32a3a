from django import forms

from .models import District


class QuarterSelect(forms.Select):
    """The quarters of each district under the district's name (an <optgroup>), in the order
    of the districts: an editor finds "Bilk" under "Stadtbezirk 3" instead of among 50 names."""

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        districts = {district.pk: str(district) for district in District.objects.all()}
        grouped = []
        for _group, options, index in groups:
            choice = options[0]["value"]
            instance = getattr(choice, "instance", None)
            label = districts.get(instance.district_id) if instance is not None else None
            if grouped and label is not None and grouped[-1][0] == label:
                grouped[-1][1].extend(options)
            else:
                grouped.append((label, list(options), index))
        return grouped
