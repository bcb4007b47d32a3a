from .audience import AudienceMixin, PlaceMixin
from .pages import HomePage, SectionIndexPage
from .taxonomies import Category, District, Language, Quarter, TargetGroup

__all__ = [
    "AudienceMixin",
    "Category",
    "District",
    "HomePage",
    "Language",
    "PlaceMixin",
    "Quarter",
    "SectionIndexPage",
    "TargetGroup",
]
