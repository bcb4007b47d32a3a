from .audience import AudienceMixin, PlaceMixin
from .barrier_reports import BarrierReport
from .pages import HomePage, SectionIndexPage, StandardPage
from .site_links import SiteLinks
from .taxonomies import Category, District, Language, Quarter, TargetGroup

__all__ = [
    "AudienceMixin",
    "BarrierReport",
    "Category",
    "District",
    "HomePage",
    "Language",
    "PlaceMixin",
    "Quarter",
    "SectionIndexPage",
    "SiteLinks",
    "StandardPage",
    "TargetGroup",
]
