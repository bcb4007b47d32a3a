from wagtail import hooks

from .models import Category, District, Quarter, TargetGroup


@hooks.register("translation_overview_models")
def vocabularies_in_the_translation_overview():
    return [Category, TargetGroup, District, Quarter]
