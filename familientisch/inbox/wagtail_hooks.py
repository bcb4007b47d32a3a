from wagtail import hooks

from .views import InboxViewSet


@hooks.register("register_admin_viewset")
def register_inbox():
    return InboxViewSet("inbox")
