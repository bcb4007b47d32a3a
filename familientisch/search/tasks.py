from django.core.cache import cache
from django_tasks import task

from .documents import rebuild

REBUILD_PENDING = "search-rebuild-pending"


@task()
def rebuild_search_texts():
    """Every page's search texts, after a change that touches many (a vocabulary's names)."""
    cache.delete(REBUILD_PENDING)
    rebuild()
