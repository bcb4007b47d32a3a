from .barrier_reports import BarrierReport
from .help_line import HelpLine
from .pages import HomePage, StandardPage
from .site_links import SiteLinks

__all__ = ["BarrierReport", "HelpLine", "HomePage", "SiteLinks", "StandardPage"]
