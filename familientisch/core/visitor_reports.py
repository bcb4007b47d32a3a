"""The one rule for reports that visitors send (barrier reports, mistake reports): a report's
reply address is removed after the app's retention period, and the report itself once it is
handled and that old (its text may name people)."""

import datetime as dt


def purge_reports(reports, days, now):
    """Delete the handled reports older than `days` and blank the address of the others."""
    due = reports.filter(created_at__lt=now - dt.timedelta(days=days))
    deleted, _ = due.filter(handled=True).delete()
    blanked = due.exclude(email="").update(email="")
    return deleted, blanked
