from django_tasks import task

from .documents import rebuild


@task()
def rebuild_search_texts():
    """Every page's search texts, after a change that touches many (a vocabulary's names)."""
    rebuild()
