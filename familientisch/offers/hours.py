"""Structured opening hours: per weekday any number of time slots, or "by appointment only";
a weekday without an entry is closed. Times are local to the city (Europe/Berlin)."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .week_grid import week_hours_block, week_slots

CITY_TIME_ZONE = zoneinfo.ZoneInfo("Europe/Berlin")

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
# schema.org names the days in English, whatever the page's language.
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class WeekdayBlock(blocks.ChoiceBlock):
    def __init__(self, **kwargs):
        super().__init__(choices=[(str(n), label) for n, label in WEEKDAYS], **kwargs)


class TimeSlotBlock(blocks.StructBlock):
    weekday = WeekdayBlock(label=_("weekday"))
    opens = blocks.TimeBlock(label=_("opens"))
    closes = blocks.TimeBlock(label=_("closes"))

    class Meta:
        label = _("Open")
        icon = "time"

    def clean(self, value):
        value = super().clean(value)
        if value["opens"] >= value["closes"]:
            raise StructBlockValidationError(
                {"closes": ValidationError(_("The closing time must be after the opening time."))}
            )
        return value


class AppointmentDayBlock(blocks.StructBlock):
    weekday = WeekdayBlock(label=_("weekday"))

    class Meta:
        label = _("By appointment only")
        icon = "date"


class ClosureBlock(blocks.StructBlock):
    first_day = blocks.DateBlock(label=_("closed from"))
    last_day = blocks.DateBlock(label=_("closed until (inclusive)"))

    class Meta:
        label = _("Closed (holidays, renovation)")
        icon = "cross"

    def clean(self, value):
        value = super().clean(value)
        if value["last_day"] < value["first_day"]:
            raise StructBlockValidationError(
                {"last_day": ValidationError(_("The last day must not be before the first."))}
            )
        return value


class OpeningHoursBlock(blocks.StreamBlock):
    """Stored as slots, appointment days and closures; the week grid (week_grid.py) is a
    quicker way to enter the slots of a usual week and becomes slots when the page is saved,
    so everything that reads opening hours (the navigator's index, the cards, the API) reads
    slots only."""

    slot = TimeSlotBlock()
    appointment = AppointmentDayBlock()
    closure = ClosureBlock()
    week = week_hours_block(WEEKDAYS)

    def clean(self, value):
        value = super().clean(value)
        children = []
        for child in value:
            if child.block_type == "week":
                slot = self.child_blocks["slot"]
                children += [("slot", slot.to_python(s), None) for s in week_slots(child.value)]
            else:
                children.append((child.block_type, child.value, child.id))
        return blocks.StreamValue(self, children)


def coming_closures(opening_hours, today=None):
    """[(first day, last day)] of the closures not yet over, soonest first."""
    today = today or timezone.localdate()
    return sorted(
        (child.value["first_day"], child.value["last_day"])
        for child in opening_hours
        if child.block_type == "closure" and child.value["last_day"] >= today
    )


def week_table(opening_hours):
    """[(weekday label, [slots], by appointment)] for all seven days, Monday first."""
    days = {n: {"slots": [], "appointment": False} for n, _label in WEEKDAYS}
    for child in opening_hours:
        if child.block_type == "closure":
            continue
        day = days[int(child.value["weekday"])]
        if child.block_type == "slot":
            day["slots"].append((child.value["opens"], child.value["closes"]))
        elif child.block_type == "appointment":
            day["appointment"] = True
    return [(label, sorted(days[n]["slots"]), days[n]["appointment"]) for n, label in WEEKDAYS]


def is_open_at(opening_hours, moment):
    local = timezone.localtime(moment, CITY_TIME_ZONE)
    weekday, now = local.weekday(), local.time()
    if any(first <= local.date() <= last for first, last in coming_closures(opening_hours)):
        return False
    return any(
        child.block_type == "slot"
        and int(child.value["weekday"]) == weekday
        and child.value["opens"] <= now < child.value["closes"]
        for child in opening_hours
    )


def schema_hours(opening_hours):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA_DAYS[int(child.value["weekday"])],
            "opens": child.value["opens"].strftime("%H:%M"),
            "closes": child.value["closes"].strftime("%H:%M"),
        }
        for child in opening_hours
        if child.block_type == "slot"
    ]
