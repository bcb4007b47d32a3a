from .barrier_reports import BarrierReport
from .pages import HomePage, StandardPage
from .site_links import SiteLinks

__all__ = ["BarrierReport", "HomePage", "SiteLinks", "StandardPage"]
