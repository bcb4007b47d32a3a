"""The usual week at once: one row per weekday with its hours (and a second slot for a lunch
break), and "same as Monday" for the days that repeat Monday. Mon–Fri 9–12 is two times and
four ticks, where single slots take five blocks of three fields each.

The grid is for entering: OpeningHoursBlock.clean (hours.py) turns it into the slots that are
stored, so the week grid never appears in the stored opening hours.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SLOTS = [("opens", "closes"), ("opens_again", "closes_again")]


class DayHoursBlock(blocks.StructBlock):
    """One day of the grid: up to two slots; all empty: closed that day."""

    class Meta:
        form_classname = "week-grid__day"

    def clean(self, value):
        value = super().clean(value)
        if value.get("same_as_monday"):
            return value
        errors, last_close = {}, None
        for opens, closes in SLOTS:
            start, end = value.get(opens), value.get(closes)
            if (start is None) != (end is None):
                missing = closes if end is None else opens
                errors[missing] = ValidationError(_("Give both times of this slot, or neither."))
            elif start is not None and start >= end:
                errors[closes] = ValidationError(
                    _("The closing time must be after the opening time.")
                )
            elif start is not None and last_close is not None and start < last_close:
                errors[opens] = ValidationError(_("The second slot must start after the first."))
            last_close = end or last_close
        if errors:
            raise StructBlockValidationError(errors)
        return value


def day_block(label, repeats_monday):
    times = [
        ("opens", blocks.TimeBlock(required=False, label=_("opens"))),
        ("closes", blocks.TimeBlock(required=False, label=_("closes"))),
        ("opens_again", blocks.TimeBlock(required=False, label=_("opens again"))),
        ("closes_again", blocks.TimeBlock(required=False, label=_("closes again"))),
    ]
    same = [("same_as_monday", blocks.BooleanBlock(required=False, label=_("same as Monday")))]
    return DayHoursBlock((same if repeats_monday else []) + times, label=label)


def week_hours_block(weekdays):
    """The grid for `weekdays`, [(number, label)] with Monday first."""
    return blocks.StructBlock(
        [(DAY_NAMES[n], day_block(label, repeats_monday=n > 0)) for n, label in weekdays],
        label=_("Usual week (becomes time slots on saving)"),
        icon="table",
        form_classname="week-grid",
    )


def week_slots(week):
    """The slots of a filled-in grid as the slot block's data: [{weekday, opens, closes}]."""
    monday = week[DAY_NAMES[0]]
    slots = []
    for n, name in enumerate(DAY_NAMES):
        day = week.get(name)
        if day is None:
            continue
        times = monday if day.get("same_as_monday") else day
        for opens, closes in SLOTS:
            if times.get(opens) is not None and times.get(closes) is not None:
                slots.append(
                    {
                        "weekday": str(n),
                        "opens": times[opens].isoformat(),
                        "closes": times[closes].isoformat(),
                    }
                )
    return slots
