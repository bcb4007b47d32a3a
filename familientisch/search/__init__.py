"""The site's one search: the site search, the navigator's and the events' text filters and the
API's `q` all ask `find()` (query.py).

Every page is found by the words of each of its language versions, stemmed by the rules of
that language, and by the names of the vocabulary entries it links to (category, target group,
district and its quarters, quarter, language spoken) in every language (documents.py): so an
Arabic word for a category finds the German-only offers of that category. A query is widened
by the synonyms editors keep per language (synonyms.py), and a query that finds nothing is
retried in German by the translation engine, where one is configured (query_translation.py),
then with the nearest known words ("did you mean", fuzzy.py).
"""
