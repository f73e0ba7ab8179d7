"""Every reader sets Article.language from the body text; undecidable texts stay "en"."""

from __future__ import annotations

import json

import pytest

from eventwire.config import load_config
from eventwire.errors import InputError
from eventwire.ingest.formats import read_feed, read_jsonl
from eventwire.ingest.html import read_html
from eventwire.ingest.language import detect_language
from eventwire.ingest.sources import read_bytes
from eventwire.ingest.text import read_text
from eventwire.types import Article

# Short paragraphs of our own, one per language.
PARAGRAPHS = {
    "en": "The interior minister said on Tuesday that talks with the opposition would resume next week "
          "in the capital, after two months of protests over the election results.",
    "fr": "Le ministre de l'Intérieur a déclaré mardi que les discussions avec l'opposition reprendraient "
          "la semaine prochaine dans la capitale, après deux mois de manifestations.",
    "de": "Der Innenminister sagte am Dienstag, die Gespräche mit der Opposition würden nächste Woche in "
          "der Hauptstadt fortgesetzt, nach zwei Monaten voller Proteste gegen das Wahlergebnis.",
    "es": "El ministro del Interior dijo el martes que las conversaciones con la oposición se reanudarán "
          "la próxima semana en la capital, tras dos meses de protestas por los resultados electorales.",
    "ar": "قال وزير الداخلية يوم الثلاثاء إن المحادثات مع المعارضة ستستأنف الأسبوع المقبل في العاصمة، "
          "بعد شهرين من الاحتجاجات على نتائج الانتخابات.",
    "ru": "Министр внутренних дел заявил во вторник, что переговоры с оппозицией возобновятся на следующей "
          "неделе в столице после двух месяцев протестов против итогов выборов.",
}


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_language_of_a_short_paragraph_is_detected(language: str) -> None:
    assert detect_language(PARAGRAPHS[language]) == language


@pytest.mark.parametrize("text", ["", "   \n", "2021-08-15", "Talks", "Hello!", "12 - 7 (3) 45", "OK, ok."])
def test_language_undecidable_short_text_stays_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_language_english_headline_of_a_few_words_stays_english() -> None:
    assert detect_language("Phila. suspect to stand trial in Lock Haven.") == "en"


def test_language_of_a_long_text_reads_only_its_beginning() -> None:
    french = "\n\n".join([PARAGRAPHS["fr"]] * 15)
    assert len(french) > 2000
    assert detect_language(french + "\n\n" + PARAGRAPHS["en"] * 200) == "fr"


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_language_is_set_by_the_text_reader(language: str) -> None:
    assert read_text(PARAGRAPHS[language], "a.txt").language == language
    assert read_text(PARAGRAPHS[language].encode("utf-8"), "a.txt").language == language


def test_language_is_set_by_the_html_reader() -> None:
    page = f"<html><head><title>Titre</title></head><body><article><p>{PARAGRAPHS['de']}</p></article></body></html>"
    assert read_html(page, "a.html").language == "de"


def test_language_is_set_by_the_feed_reader() -> None:
    feed = (f"<rss><channel><title>W</title><item><title>Uno</title><description>{PARAGRAPHS['es']}"
            f"</description></item><item><title>Two</title><description>{PARAGRAPHS['en']}</description></item>"
            "</channel></rss>")
    languages = [a.language for a in read_feed(feed, "w.rss") if isinstance(a, Article)]
    assert languages == ["es", "en"]


def test_language_is_set_on_every_path_through_read_bytes() -> None:
    items = list(read_bytes(PARAGRAPHS["ar"].encode("utf-8"), "<stdin>", config=load_config()))
    assert [a.language for a in items if isinstance(a, Article)] == ["ar"]


def test_language_jsonl_field_wins_over_detection() -> None:
    lines = [
        json.dumps({"text": PARAGRAPHS["en"], "language": "pt-BR"}),
        json.dumps({"text": PARAGRAPHS["ru"]}),
        json.dumps({"html": f"<p>{PARAGRAPHS['fr']}</p>", "language": "EN"}),
    ]
    items = list(read_jsonl("\n".join(lines), "w.jsonl"))
    assert [a.language for a in items if isinstance(a, Article)] == ["pt", "ru", "en"]


@pytest.mark.parametrize("value", ["english", "e", "12", "en us"])
def test_language_jsonl_field_that_is_no_code_is_e115(value: str) -> None:
    items = list(read_jsonl(json.dumps({"text": PARAGRAPHS["en"], "language": value}), "w.jsonl"))
    assert [(i.code, i.fields["line"]) for i in items if isinstance(i, InputError)] == [("E115", 1)]


@pytest.mark.parametrize("text", [
    "Nigerian police said gunmen abducted Chukwuemeka Obi and Ngozi Adeyemi near Enugu on Friday.",
    "On Monday, Ghanaian deputy minister Kwame Boateng summoned Togo's envoy Komlan Agbeko to protest over the raids.",
])
def test_language_english_full_of_west_african_names_stays_english(text: str) -> None:
    assert detect_language(text) == "en"
