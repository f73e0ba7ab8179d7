"""The language of an article's text, from py3langid's model (shipped inside its wheel; nothing is downloaded).

The rule (`detect_language`):

1. Only the beginning of the text is read (`SAMPLE_CHARS` characters): enough for a sure answer, and the
   cost stays the same for an article of any length.
2. A sample with fewer than `MIN_LETTERS` letters (empty text, a bare date, a number, one or two words)
   is undecidable: the answer is ``"en"``.
3. Otherwise the model's best language wins when its probability is at least `MIN_CONFIDENCE`; below
   that (a short headline, a table of scores, a mix of languages) the text is undecidable and the answer
   is ``"en"``. So an English article is never refused for being short or odd: only a text the model is
   sure about is reported as another language.
4. The answer is an ISO 639-1 code (``"fr"``); a variety the model tells apart maps to its language's
   code (Egyptian and Moroccan Arabic -> ``"ar"``, Cantonese and Wu -> ``"zh"``); a language without a
   two-letter code keeps its ISO 639-3 code (``"ace"`` for Acehnese). Nigerian Pidgin is read as English (the
   model takes English text full of West African names for it).

Measured on the English article bodies of the peer corpora (749 texts with at least 20 letters, the first
2,000 characters of each): no English text is reported as another language, and the 20 non-English pages
of the article-extraction benchmark are all found (Portuguese, Russian, German, Japanese ...).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

UNDECIDED = "en"
SAMPLE_CHARS = 2000
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5

# The model's labels that are not ISO 639-1 codes but varieties of a language that has one.
_TO_ISO_639_1 = {"ary": "ar", "arz": "ar", "uzs": "uz", "wuu": "zh", "yue": "zh", "hbo": "he"}
# English-lexified pidgins the model tells apart from English: it gives them English news that names West
# African people and places ("Nigerian police said gunmen abducted Chukwuemeka Obi near Enugu" is "pcm" at
# 0.94), and our English rules are the right ones for the pidgins themselves too. Read as English.
_READ_AS_ENGLISH = {"pcm"}
# "zxx": no linguistic content.
_NO_LANGUAGE = {"zxx"}


def is_english(code: str | None) -> bool:
    """Whether our English rules apply to text of language `code` (no code: they do)."""
    return str(code or UNDECIDED).lower().startswith("en")


@cache
def _identifier() -> Any:
    """The model, loaded once per process (about two seconds) on the first article."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of `text`; "en" when the text is too short or unclear to tell."""
    sample = text.lstrip()[:SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return UNDECIDED
    label, confidence = _identifier().classify(sample)
    code = str(label)
    if float(confidence) < MIN_CONFIDENCE or code in _NO_LANGUAGE or code in _READ_AS_ENGLISH:
        return UNDECIDED
    return _TO_ISO_639_1.get(code, code)
