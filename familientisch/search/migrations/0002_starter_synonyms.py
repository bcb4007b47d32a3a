"""The reviewed starter list of synonyms (search/data/synonyms.json), for editors to extend."""

from django.db import migrations


def load_starter_list(apps, schema_editor):
    from familientisch.search.synonyms import starter_groups
    from familientisch.search.words import words

    SynonymGroup = apps.get_model("familientisch_search", "SynonymGroup")
    SearchWord = apps.get_model("familientisch_search", "SearchWord")
    groups = list(starter_groups())
    SynonymGroup.objects.bulk_create(
        [
            SynonymGroup(concept=concept, language=language, words="\n".join(phrases))
            for concept, language, phrases in groups
        ],
        ignore_conflicts=True,
    )
    # Known to "did you mean" from the start (documents.learn_synonyms does this later).
    known = {word for _c, _l, phrases in groups for p in phrases for word in words(p)}
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in known if len(word) >= 4], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [("familientisch_search", "0001_initial")]

    operations = [migrations.RunPython(load_starter_list, migrations.RunPython.noop)]
