"""Words as the search compares them: lower case (casefold, so "Straße" meets "strasse"), split
at everything that is not a letter or digit, in any script."""

import re

WORD = re.compile(r"\w+")


def words(text):
    return [word.casefold() for word in WORD.findall(text or "") if word != "_"]


def spaced(*texts):
    """The words of the texts, each after a space: " eller " meets " eller" (a word starting
    so) but " hellerhof " does not, so a place name is matched as a whole word."""
    return " " + " ".join(word for text in texts for word in words(text)) + " "


ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")  # vowel signs: rarely typed, sometimes pasted
ALEFS = str.maketrans("أإآ", "ااا")
ARABIC_ARTICLES = ("وال", "بال", "لل", "ال")


def normal(word):
    """A word as synonyms are looked up: Arabic without vowel signs, alef forms unified and
    the article taken off ("اللغة" is "لغة"), so that everyday spellings meet the list."""
    word = ARABIC_MARKS.sub("", word)
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(word) > len(article) + 2:
            word = word[len(article) :]
            break
    return word.translate(ALEFS)
