from __future__ import annotations

import codecs

import pytest

from eventwire.errors import InputError
from eventwire.ingest.text import decode_bytes, read_text


def test_ingest_text_keeps_the_file_unchanged_including_crlf() -> None:
    raw = "Kabul fell on Sunday.\r\n\r\nOfficials said so.\r\n"
    assert read_text(raw.encode("utf-8"), "a.txt").text == raw


def test_ingest_text_decodes_byte_order_marks() -> None:
    text = "Talks in Doha “resumed” on Monday."
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x") == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8"), "x") == text


def test_ingest_text_detects_legacy_encodings() -> None:
    text = ("Le ministre a déclaré que les négociations à Doha reprendraient après l'été, "
            "selon un communiqué publié à Islamabad. ") * 3
    assert decode_bytes(text.encode("cp1252"), "x") == text


def test_ingest_text_undecodable_bytes_name_the_file() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(range(256)) * 8, "corpus/broken.txt")
    assert info.value.code == "E102"
    assert "corpus/broken.txt" in str(info.value)


def test_ingest_text_empty_input_is_an_error_naming_it() -> None:
    with pytest.raises(InputError) as info:
        read_text(b"  \n\n", "blank.txt")
    assert info.value.code == "E103" and "blank.txt" in info.value.message


def test_ingest_text_published_argument_overrides_the_header() -> None:
    raw = "Title here\n\nPublished: 14 Apr 2021\n\nThe talks went on for a second day in Doha, officials said.\n"
    article = read_text(raw, "a.txt", published="2021-04-15")
    assert (article.published, article.published_from) == ("2021-04-15", "input")
    assert read_text(raw, "a.txt").published_from == "text"
