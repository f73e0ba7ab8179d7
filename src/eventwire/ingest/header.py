"""The plain-text article header and page furniture, found line by line and reported as spans.

Text copied from a news page carries the page around the story: a headline, a byline, the
publication line, image alt text and captions, app promotions, "Read More:" links, share buttons and
a copyright footer. Nothing is cut out: each piece becomes an ``Article.boilerplate`` span, and the
headline, byline and publication date fill the article's fields.

The cascade, in order:
1. Lines that are furniture wherever they stand: related links ("Read More: ..."), captions
   ("Caption: ...", "Photo: ..."), promotions and footers (app stores, "Follow us", "Subscribe",
   "Copyright ...", "Advertisement"). Only whole, short lines: prose that mentions an app stays prose, and so
   does a line of hard-wrapped prose whose break before or after plainly falls inside a sentence ("... said
   on\nTwitter that ...": see `_inside_sentence`) or that stands inside a paragraph of lines of even width
   (`_wrapped_interior`).
2. The header block: the lines before the first paragraph that reads as body prose (a sentence-final
   mark and at least four words, two sentences of twelve words or more, or at least 25 words), the lines
   of hard-wrapped prose joined first (see `_paragraph_runs`), so a body wrapped at ~70 columns is body
   from its first line. In it the first line is the headline when it does not end with a full stop
   (unless the input gave the title); "By ..." lines are bylines; "Published ..."/"Updated ..." lines and
   bare dates are publication lines; every other short line there without a sentence-final mark is
   image alt text or a caption.
3. A news dateline opening the first body paragraph ("KABUL, Aug 15 (Sample Wire) — ").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from eventwire.types import Article, Boilerplate, BoilerplateKind

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A sentence ending inside a line, the next one starting ("... in November. In 2016 ...").
_INNER_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?][\"'”’)\]]*\s+[\"'“‘(]?[A-Z]")
_LOWER_START = re.compile(r"^[\"'“‘(\[]*[^\W\d_A-Z]", re.UNICODE)
# A line ending where no headline ends: a comma, a dash or a word that needs what follows.
_OPEN_END = re.compile(
    r"(?:[,–—-]|\b(?:the|a|an|of|to|in|on|at|by|for|with|and|or|but|that|which|who|from|as|its|their|his|"
    r"her|our|into|than|was|were|is|are|has|have|had|said|says|would|will|could|not))\s*$"
)

_RELATED_STRICT = re.compile(
    r"^\s*(?:read more|read also|also read|see also|related|watch|listen|more|recommended|must read|"
    r"don['’]t miss)\s*[:|»>–—-]",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^\s*[(\[]?\s*(?:caption|photo|photograph|image|picture|pic|file photo|file image|photo credit|"
    r"image credit|credit|video|graphic|illustration)s?\b\s*(?:[:|/–—-]|by\b|courtesy\b)",
    re.IGNORECASE,
)
# Promotions and footers that are furniture whatever their punctuation.
_PROMO_STRONG = re.compile(
    r"(?:copyright|©|all rights reserved|^\s*advertisement\s*$|^\s*sponsored\b|^\s*share\s*$|"
    r"^\s*share (?:this|on)\b|^\s*tags?\s*:|^\s*topics?\s*:|^\s*filed under\b|comments?\s*\(\d+\)|"
    r"^\s*print\s*$|^\s*e-?mail\s*$|^\s*skip to\b|^\s*log ?in\b|^\s*sign in\b)",
    re.IGNORECASE,
)
# Words of promotions: furniture only in a short line that is not a sentence, or that starts with
# the imperative a promotion uses ("Download the app", "Follow us on ...").
_PROMO_WEAK = re.compile(
    r"(?:\bapps?\b|google play|app store|play store|\bandroid\b|\bios\b|subscribe|newsletter|sign up|"
    r"stay tuned|follow us|like us|join us|\bfacebook\b|\btwitter\b|\binstagram\b|\bwhatsapp\b|"
    r"\btelegram\b|\byoutube\b|click here|tap here)",
    re.IGNORECASE,
)
_PROMO_IMPERATIVE = re.compile(
    r"^\s*(?:download|subscribe|follow|sign up|click|tap|get (?:it|the|our)|stay tuned|join|like us|"
    r"install|listen on|watch on)\b",
    re.IGNORECASE,
)
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_SENTENCE_END = re.compile(r"[。！？!?.][」』”’)）]*\s*$")
# Cookie walls, consent banners and "enable JavaScript" notices: never article prose.
_CONSENT = re.compile(
    r"\bcookies?\b|\bconsent\b|privacy (?:policy|settings|preferences)|\bjavascript\b|"
    r"(?:your|this) browser\b|ad ?blocker|terms of (?:use|service)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:by|written by|reporting by|reported by|words by|author)\s*[:\-–—]?\s+(?P<name>\S.{0,100}?)\s*$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^\s*(?P<label>published|updated|last updated|posted|first published|date|posted on|published on|"
    r"updated on|dated)\s*(?:on|at)?\s*[:\-–—]?\s*(?P<when>\S.{3,80}?)\s*$",
    re.IGNORECASE,
)
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_HAS_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!:)|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z][A-Z.'’-]+)(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s+(?:[A-Z][A-Za-z.'’-]+\s?){1,3}(?:\s*\d{1,2})?)?"
    # A hyphen needs spaces round it ("KABUL - "), so "NATO-member ..." is no dateline; dashes need none.
    r"(?:\s*\([^()\n]{1,40}\))?(?:\s*[—–]{1,2}\s*|\s+-{1,2}\s+))\S"
)


# Hard-wrapped text: lines of at least this many characters, each but a paragraph's last this share of the widest.
WRAP_MIN = 60
WRAP_FILL = 0.8
WRAP_SHARE = 0.8
# Every character str.splitlines breaks at (form feed and the information separators included).
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # end of the visible text, before the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def split_lines(text: str) -> list[Line]:
    """Every line of `text` with its offsets (newline characters excluded)."""
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip(_LINE_BREAKS)
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


def _trimmed(line: Line) -> tuple[int, int]:
    """The line's offsets without its leading and trailing white space (NBSP included)."""
    lead = len(line.text) - len(line.text.lstrip())
    trail = len(line.text) - len(line.text.rstrip())
    return line.start + lead, line.end - trail


def parse_date(value: str) -> str | None:
    """An ISO 8601 string for a written date ('03:08 PM, 14 Apr, 2021' -> '2021-04-14T15:08:00').

    Date only when the text gives no time; None unless a year and a day are both written.
    """
    if not _YEAR.search(value) or not (_HAS_DATE.search(value) or re.search(r"\d{4}-\d\d-\d\d", value)):
        return None
    # Imported here: dateutil comes with htmldate and is only needed when a header has a date.
    from dateutil import parser as dateparser

    cleaned = re.sub(r"\b(\d{1,2})\.(\d{2})\b(?!\.\d)", r"\1:\2", value)  # "18.02 BST" -> "18:02"
    cleaned = re.sub(r"\b(a|p)\.m\.", r"\1m", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"[|•·]", " ", cleaned)
    try:
        when = dateparser.parse(cleaned, fuzzy=True, ignoretz=True, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if when.year == 1900:
        return None
    has_time = _TIME.search(cleaned) is not None and not re.fullmatch(r"\s*\d{4}-\d\d-\d\d\s*", cleaned)
    iso: str = when.isoformat(timespec="seconds") if has_time else when.date().isoformat()
    return iso


@dataclass(slots=True)
class Header:
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    boilerplate: list[Boilerplate] | None = None


def _anywhere_kind(line: Line) -> BoilerplateKind | None:
    """Furniture recognisable wherever it stands (whole short lines only)."""
    text, words = line.stripped, line.words
    if not text:
        return None
    if _RELATED_STRICT.match(text) and words <= 30:
        return "related-link"
    if _CAPTION.match(text) and words <= 60:
        return "caption"
    if _PROMO_STRONG.search(text) and words <= 20:
        return "promo"
    if _PROMO_WEAK.search(text) and words <= 16 and (
        not _SENTENCE_END.search(text) or _PROMO_IMPERATIVE.match(text)
    ):
        return "promo"
    return None


def _reads_as_body(text: str) -> bool:
    """A full sentence (four words or more), two sentences of some length, or a long stretch of words."""
    words = len(_WORD.findall(text))
    return ((words >= 4 and _SENTENCE_END.search(text) is not None) or words >= 25
            or (words >= 12 and _INNER_SENTENCE_END.search(text) is not None))


def prose_words(text: str) -> int:
    """The number of words in the lines of `text` that read as article prose.

    A line counts when it reads as body prose (a sentence of four words or more, or 25 words; in Chinese,
    Japanese or Thai a sentence of eight characters or more, two characters counting as a word) and is
    neither page furniture (menus, "Read more" links, promotions, a copyright line) nor a cookie or
    consent notice. Menus, link lists and footers count nothing: the HTML reader refuses a page whose
    extracted text has too few such words (no article body, E106).
    """
    total = 0
    for line in split_lines(text):
        text_i = line.stripped
        # Scripts written without spaces (Chinese, Japanese, Thai): about two characters a word.
        unspaced = len(_UNSPACED.findall(text_i)) // 2
        prose = _reads_as_body(text_i) or (unspaced >= 4 and _CJK_SENTENCE_END.search(text_i) is not None)
        if prose and _anywhere_kind(line) is None and not _CONSENT.search(line.text):
            total += max(line.words, unspaced)
    return total


def _breaks_sentence(line: Line, following: Line) -> bool:
    """True when the line break between `line` and `following` is plainly inside a sentence: the next
    line starts in lower case, or `line` ends with a comma, a dash or a small word that cannot end a
    headline ("the", "of", "and" ...)."""
    text, nxt = line.stripped, following.stripped
    return bool(text and nxt and not _SENTENCE_END.search(text)
                and (_LOWER_START.match(nxt) or _OPEN_END.search(text)))


def _inside_sentence(lines: list[Line], i: int) -> bool:
    """Whether line `i` is part of a hard-wrapped sentence: the break before or after it plainly falls inside
    one ("... said on\nTwitter that ...", "... flood walls\nafter the authority said on Twitter ..."). Such a line
    is a piece of prose, not a whole line of furniture, whatever words it holds."""
    return (i > 0 and _breaks_sentence(lines[i - 1], lines[i])) or \
        (i + 1 < len(lines) and _breaks_sentence(lines[i], lines[i + 1]))


def _can_continue(line: Line, following: Line) -> bool:
    """Whether `following` may carry on `line` at all: not after a full stop, a colon or a semicolon, and
    never into a byline or a publication line -- which never starts in lower case: a wrapped line "by heavy
    flooding in ..." or "seen in a Tuesday, March 17, 2009 photo" goes on with the sentence."""
    text, nxt = line.stripped, following.stripped
    return bool(text and nxt and not _SENTENCE_END.search(text) and not text.endswith((":", ";"))
                and (_LOWER_START.match(nxt) or (not _BYLINE.match(nxt) and not _publication(nxt)[0])))


def _paragraph_runs(lines: list[Line], skip: set[int]) -> Iterator[list[int]]:
    """The non-empty lines grouped into runs of hard-wrapped prose (lines in `skip` stand alone), lazily,
    as only the runs up to the first body paragraph are needed.

    Within a block of consecutive non-empty lines, a break continues the sentence when it plainly does
    (`_breaks_sentence`); in a block of three lines or more where at least half the breaks plainly do, or one
    whose lines have the even widths of text wrapped at a column (`_wrapped_widths`: ~70 columns), every break
    that `_can_continue` does too ("... met her counterpart
    Jonas / Lindqvist in Geneva ..."). A headline and its standfirst, or a header of a title, a byline and
    a date, have no such breaks and stay apart.
    """
    for block in _blocks(lines):
        pairs = list(pairwise(block))
        plain = [_breaks_sentence(lines[a], lines[b]) for a, b in pairs]
        wrapped = (len(pairs) >= 2 and 2 * sum(plain) >= len(pairs)) or _wrapped_widths([lines[i] for i in block])
        run = [block[0]]
        for (a, b), joined in zip(pairs, plain, strict=True):
            if a not in skip and b not in skip and _can_continue(lines[a], lines[b]) and (joined or wrapped):
                run.append(b)
            else:
                yield run
                run = [b]
        yield run


def _wrapped_widths(block: list[Line]) -> bool:
    """Whether a block of lines has the widths of text wrapped at a column: WRAP_SHARE of its lines but the last
    at least WRAP_FILL of the widest, which is WRAP_MIN characters or more ("... said on Sunday that the
    new\nPresident of the council had resigned ..."). A headline over its standfirst is seldom that long and even."""
    widths = [len(line.stripped) for line in block]
    if len(widths) < 2 or max(widths) < WRAP_MIN:
        return False
    full = sum(1 for width in widths[:-1] if width >= WRAP_FILL * max(widths))
    return full >= WRAP_SHARE * (len(widths) - 1)


def _wrapped_interior(lines: list[Line]) -> set[int]:
    """The lines inside a paragraph of hard-wrapped text (by `_wrapped_widths`), its first and last left out:
    a line there is a piece of prose, whatever words it holds ("... High School in Columbus. Telegram photo ...")."""
    inner: set[int] = set()
    for block in _blocks(lines):
        if len(block) >= 3 and _wrapped_widths([lines[i] for i in block]):
            inner.update(block[1:-1])
    return inner


def _blocks(lines: list[Line]) -> Iterator[list[int]]:
    """Indices of the runs of consecutive non-empty lines."""
    block: list[int] = []
    for i, line in enumerate(lines):
        if line.stripped:
            block.append(i)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _publication(text: str) -> tuple[bool, str | None]:
    """(is a publication line, its ISO date)."""
    m = _PUBLISHED.match(text)
    if m:
        return True, parse_date(m.group("when"))
    if len(_WORD.findall(text)) <= 12 and (_HAS_DATE.search(text) and _YEAR.search(text)):
        when = parse_date(text)
        return when is not None, when
    return False, None


def _same_title(line: str, title: str) -> bool:
    return " ".join(line.split()).casefold() == " ".join(title.split()).casefold()


def find_header(text: str, *, title: str | None = None) -> Header:
    """Title, byline, publication date and furniture spans of a plain-text article.

    With a `title` given by the input, the first line is not taken for a title: it is furniture of kind
    "title" when it repeats that title, a byline or publication line when it reads as one, and otherwise
    body text (not a caption either: the input said where its title is).
    """
    lines = split_lines(text)
    spans: list[Boilerplate] = []
    header = Header(boilerplate=spans)
    marked: set[int] = set()

    def mark(i: int, kind: BoilerplateKind) -> None:
        start, end = _trimmed(lines[i])
        if end > start:
            spans.append(Boilerplate(start, end, kind))
            marked.add(i)

    interior = _wrapped_interior(lines)
    for i, line in enumerate(lines):
        kind = _anywhere_kind(line)
        if kind is not None and i not in interior and not _inside_sentence(lines, i):
            mark(i, kind)

    nonempty = [i for i, line in enumerate(lines) if line.stripped]
    # The body starts with the first paragraph that reads as prose, its lines joined when hard-wrapped.
    body_first = next((run[0] for run in _paragraph_runs(lines, marked)
                       if run[0] not in marked and _reads_as_body(" ".join(lines[i].stripped for i in run))),
                      None)
    if body_first is not None:
        head = [i for i in nonempty if i < body_first]
        published_seen: str | None = None
        for n, i in enumerate(head):
            if i in marked:
                continue
            line = lines[i]
            text_i = line.stripped
            is_pub, when = _publication(text_i)
            byline = _BYLINE.match(text_i)
            if byline and line.words <= 12:
                header.byline = header.byline or byline.group("name").strip(" ,|")
                mark(i, "byline")
            elif is_pub:
                # The first publication line wins; "Updated" after "Published" only adds furniture.
                if when and published_seen is None:
                    published_seen = when
                mark(i, "dateline")
            elif n == 0 and title is not None:
                if _same_title(text_i, title):
                    mark(i, "title")
            elif n == 0 and title is None and line.words <= 30 and not text_i.endswith("."):
                header.title = text_i
                mark(i, "title")
            elif line.words <= 20 and not _SENTENCE_END.search(text_i):
                mark(i, "caption")
        header.published = published_seen
        dateline = _DATELINE.match(lines[body_first].text)
        if dateline and len(_WORD.findall(dateline.group("dl"))) <= 8:
            start = lines[body_first].start
            spans.append(Boilerplate(start, start + len(dateline.group("dl").rstrip()), "dateline"))
    spans.sort(key=lambda b: (b.start, b.end))
    return header


def apply_header(article: Article) -> Article:
    """Fill `article` from its own header lines; fields already set by the reader are kept."""
    header = find_header(article.text, title=article.title)
    article.boilerplate = sorted([*article.boilerplate, *(header.boilerplate or [])],
                                 key=lambda b: (b.start, b.end))
    article.title = article.title or header.title
    article.byline = article.byline or header.byline
    if article.published is None and header.published is not None:
        article.published = header.published
        article.published_from = "text"
    return article
