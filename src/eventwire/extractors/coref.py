"""In-article actor resolution: mentions of one actor merged, pronouns and descriptions resolved.

`resolve(doc)` builds the mention clusters of an article once (cached on the Doc) from the parse:

- mentions are the named people, organisations and places (spaCy's entities), and the noun phrases
  headed by a role or group word ("the official", "the Army Chief", "a senior administration official");
- a name joins the cluster of the same canonical name (the knowledge base makes "Biden", "President
  Joe Biden" and "Joseph R. Biden" one name), or of a person whose surname it is ("Akram", "Ms Doe");
- an abbreviation in brackets is remembered as an alias for the rest of the article: after a title
  ("Chief of Staff (COS) General Ann Doe") it names the person after the brackets, after a name
  ("Northern Relief Agency (NRA)") the organisation before them; the title becomes the person's role;
- a definite description ("the official", "the Army Chief", "the president") refers back to the latest
  cluster whose mentions or role use its head word and all its other words; a generic person word
  ("the dignitary", "the official") with a country word ("the US dignitary") to the latest person of
  that country; an indefinite one ("a US official") starts a cluster of its own;
- "the statement" / "the report" refers to whoever issued the statement ("X issued a statement").

Pronouns are resolved on demand (`antecedent`): he/she/him/her to the latest person who is the
subject of a clause before it, skipping people named inside quotation marks when the pronoun is outside
them and the quote's own speaker when it is inside ("“He also feels ...”" is not the speaker); honorifics
(Mr, Ms) must agree; they/them to the latest group or organisation; we/I/us inside a quote to the
quote's speaker; "it" as the subject of a reporting verb to the latest organisation, and as the subject of
a reported clause to the state or organisation that reports it ("Japan said it had halted aid").

The component `eventwire_coref` builds the clusters (`doc._.coref`) after places are resolved (an
actor placed in a place takes its country) and before quotes and events, which read them:
`actors_from` and `canonical_actor` give a mention the canonical name, kind, country, sector and role
of its cluster, keeping the mention's own text and offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire import vocab
from eventwire.extractors.mentions import (
    SECTOR_WORDS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    build_actor,
    coordinated_countries,
    entity_of,
    is_thing,
    kb_find,
)
from eventwire.extractors.paragraphs import doc_paragraphs, doc_quoted_stretches
from eventwire.nlp.extensions import doc_text, published_date
from eventwire.nlp.stage import Stage
from eventwire.types import Actor

_LEMMAS = "eventwire.tokens_by_lemma"
_ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_MENTION_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "dative", "poss", "ROOT", "npadvmod"}
# Words for a person whatever their office: "the dignitary" may be any official of the country named.
GENERIC_PERSON = vocab.words("actor", role="generic")
_ISSUE_VERBS = vocab.words("light", role="issue")
_SPEECH_VERBS = vocab.words("speech", role="attribution")
_MALE = {"mr", "mr.", "sir"}
_FEMALE = {"ms", "ms.", "mrs", "mrs.", "miss", "madam", "dame"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
_GROUP_PRONOUNS = {"they", "them", "their"}
_SPEAKER_PRONOUNS = {"we", "us", "our", "i", "me", "my"}
_STOP = {"the", "a", "an", "of", "to", "for", "and", "in", "'s", "’s", "s", "on", "at", "by"}
_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Z0-9&.\-]{1,9})\s*\)")


@dataclass
class Mention:
    head: Token
    actor: Actor
    cluster: int = -1
    definite: bool = False
    entity: bool = False


@dataclass
class Cluster:
    id: int
    mentions: list[Mention] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    gender: str | None = None
    # Mentions are only ever added: `best` and `canonical` keep what they found for the first n mentions (and the
    # role), so that asking again costs nothing, not a pass over a cluster that grows with the article.
    _best: tuple[int, Mention] | None = field(default=None, repr=False, compare=False)
    _canonical: tuple[int, str | None, Actor] | None = field(default=None, repr=False, compare=False)

    @property
    def best(self) -> Mention:
        """The mention that names the actor best: a named entity known to the knowledge base, the longest."""
        def score(m: Mention) -> tuple[int, int, int, int]:
            return (int(m.entity), int(m.actor.country is not None), len(m.actor.name.split()), -m.head.i)
        if self._best is None or self._best[0] != len(self.mentions):
            # Scores differ in the head's position, so the best of the old best and the new mentions is the best.
            seen, pool = (self._best[0], [self._best[1]]) if self._best is not None and \
                self._best[0] < len(self.mentions) else (0, [])
            self._best = (len(self.mentions), max([*pool, *self.mentions[seen:]], key=score))
        return self._best[1]

    def canonical(self) -> Actor:
        if self._canonical is None or self._canonical[:2] != (len(self.mentions), self.role):
            self._canonical = (len(self.mentions), self.role, self._canonical_now())
        return replace(self._canonical[2])  # a copy, as before: a caller may change what it gets

    def _canonical_now(self) -> Actor:
        best = self.best.actor
        country = best.country or next((m.actor.country for m in self.mentions if m.actor.country), None)
        sector = best.sector or next((m.actor.sector for m in self.mentions if m.actor.sector), None)
        kind = best.kind
        if any(m.actor.kind == "person" for m in self.mentions) and kind == "group":
            kind = "person"
        # A title written in the article ("Ambassador to the United Nations, Munir Akram") before the
        # knowledge base's generic one.
        titled = next((m.actor.role for m in self.mentions if m.actor.role and m.actor.text != m.actor.name), None)
        role = self.role or titled or best.role or next((m.actor.role for m in self.mentions if m.actor.role), None)
        return replace(best, kind=kind, country=country, sector=sector, role=role)


@dataclass
class Resolution:
    mentions: list[Mention]
    clusters: list[Cluster]
    by_token: dict[int, Mention]
    quote_spans: list[tuple[int, int]]
    quote_ends: list[int] | None = None  # see `_in_quotes`


# -- building the clusters ---------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w’'-]+", text.lower()) if w not in _STOP}


def _is_description_head(token: Token) -> bool:
    word, lemma = token.lower_, token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and entity_of(token) is None and token.dep_ in _MENTION_DEPS and (
        word in SECTOR_WORDS or lemma in SECTOR_WORDS or word in TITLE_WORDS or lemma in TITLE_WORDS or
        word in GENERIC_PERSON or lemma in GENERIC_PERSON)


def _determiner(token: Token) -> str | None:
    for child in token.lefts:
        if child.dep_ in ("det", "poss"):
            return child.lower_
    return None


def _gender(token: Token) -> str | None:
    doc = token.doc
    for t in doc[max(0, token.left_edge.i - 1): token.i + 1]:
        if t.lower_ in _MALE:
            return "m"
        if t.lower_ in _FEMALE:
            return "f"
    return None


def _in_quotes(spans: list[tuple[int, int]], pos: int, ends: list[int] | None = None) -> tuple[int, int] | None:
    """The first span holding `pos`. With `ends` (the spans' ends, given when both starts and ends are in order,
    as quoted stretches are) the spans holding it are a run found by bisection, not by a scan of them all."""
    if ends is not None:
        first = bisect_right(ends, pos)
        return spans[first] if first < len(spans) and spans[first][0] <= pos else None
    for start, end in spans:
        if start <= pos < end:
            return start, end
    return None


def _direct_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(s - 1, e + 1) for s, e, _closed, _cont in doc_quoted_stretches(doc)]


def resolve(doc: Doc) -> Resolution:
    """The mention clusters of `doc`: `doc._.coref` as the `eventwire_coref` component set it, else built
    now (for a Doc made outside the pipeline) and kept there."""
    cached = doc._.coref
    if isinstance(cached, Resolution):
        return cached
    on = published_date(doc)
    mentions: list[Mention] = []
    seen: set[int] = set()
    heads: list[Token] = []
    for named in doc.ents:
        if named.label_ not in _ENTITY_LABELS:
            continue
        root = named.root
        if named.label_ == "NORP" and (root.pos_ == "ADJ" or root.dep_ in ("amod", "compound")):
            continue  # "Afghan forces": a demonym modifying a noun names no actor of its own
        if named.label_ == "GPE" and root.dep_ == "compound":
            continue
        heads.append(root)
    heads += [t for t in doc if _is_description_head(t)]
    for head in sorted(set(heads), key=lambda t: t.i):
        if head.i in seen:
            continue
        seen.add(head.i)
        actor = build_actor(head, on)
        ent = entity_of(head)
        mentions.append(Mention(head=head, actor=actor, definite=_determiner(head) in ("the", "this", "that"),
                                entity=ent is not None and ent.label_ in ("PERSON", "ORG", "GPE")))
    clusters: list[Cluster] = []
    aliases = _abbreviations(doc)
    # An abbreviation joins the cluster of what it stands for, even where it is defined, before the name
    # ("Chief of Staff (COS) General Ann Doe"): those mentions are placed after all the others.
    targets = {alias: target for alias, (_title, target) in aliases.items()}
    ordered = [m for m in mentions if m.head.text not in targets] + [m for m in mentions if m.head.text in targets]
    by_head = {m.head.i: m for m in mentions}
    # Lower-cased name -> (the latest cluster with a mention of that name, the latest with a named entity of it):
    # looking a name up costs the same however many mentions came before (a scan of them all is quadratic).
    names: dict[str, tuple[int, int]] = {}

    def join(mention: Mention, cluster: Cluster) -> None:
        cluster.mentions.append(mention)
        mention.cluster = cluster.id
        key = mention.actor.name.lower()
        latest, latest_entity = names.get(key, (-1, -1))
        names[key] = (max(latest, cluster.id), max(latest_entity, cluster.id) if mention.entity else latest_entity)

    for mention in ordered:
        defined = by_head.get(targets.get(mention.head.text, -1))
        if defined is not None and defined is not mention and defined.cluster >= 0:
            join(mention, clusters[defined.cluster])
            continue
        earlier = _antecedent_cluster(mention, clusters, aliases, names)
        if earlier is None:
            cluster = Cluster(id=len(clusters))
            clusters.append(cluster)
        else:
            cluster = earlier
        join(mention, cluster)
        cluster.words |= _words(mention.actor.text) | _words(mention.actor.name) | _words(mention.actor.role or "")
        cluster.gender = cluster.gender or _gender(mention.head)
        head_ent = entity_of(mention.head)
        for alias, (title, target) in aliases.items():
            if target == mention.head.i:
                cluster.aliases.add(alias)
                cluster.words |= _words(title) | {alias.lower()}
                if mention.actor.kind == "person" or (head_ent is not None and head_ent.label_ == "PERSON"):
                    cluster.role = cluster.role or title
    by_token: dict[int, Mention] = {}
    for mention in mentions:
        span = entity_of(mention.head)
        tokens = range(span.start, span.end) if span is not None else [mention.head.i]
        for i in tokens:
            by_token.setdefault(i, mention)
    spans = _direct_spans(doc)
    in_order = all(a[0] <= b[0] and a[1] <= b[1] for a, b in pairwise(spans))
    result = Resolution(mentions=mentions, clusters=clusters, by_token=by_token, quote_spans=spans,
                        quote_ends=[end for _, end in spans] if in_order else None)
    doc._.coref = result
    return result


def _abbreviations(doc: Doc) -> dict[str, tuple[str, int]]:
    """Abbreviations defined in brackets: alias -> (the words it stands for, the head token it names)."""
    found: dict[str, tuple[str, int]] = {}
    text = doc_text(doc)
    for match in _ABBREVIATION.finditer(text):
        alias = match.group(1).rstrip(".")
        before = doc.char_span(max(0, match.start() - 200), match.start(), alignment_mode="contract")
        after = doc.char_span(match.end(), min(len(text), match.end() + 120), alignment_mode="contract")
        if before is None or not len(before):
            continue
        # The words the letters stand for: the capitalised run right before the bracket.
        run: list[Token] = []
        for token in reversed(list(before)):
            if token.is_space:
                break
            if token.is_title or token.is_upper or (token.lower_ in _STOP and run):
                run.insert(0, token)
                continue
            break
        while run and run[0].lower_ in _STOP:
            run = run[1:]
        if not run:
            continue
        title = " ".join(t.text for t in run)
        initials = "".join(t.text[0] for t in run if t.lower_ not in _STOP).upper()
        if not alias.upper().startswith(initials[:1]) and alias.upper() != initials:
            continue
        person = None
        if after is not None and len(after):
            first = next((t for t in after if not t.is_space), None)
            # "Chief of Army Staff (COAS) General Qamar Javed Bajwa": the title of the person named next.
            for token in after[:6] if first is not None else []:
                ent = entity_of(token)
                if ent is not None and ent.label_ == "PERSON" and token.idx - match.end() < 40:
                    person = ent.root
                    break
        if person is not None and (run[-1].lower_ in TITLE_WORDS or any(t.lower_ in TITLE_WORDS for t in run)):
            found[alias] = (title, person.i)
        else:
            found[alias] = (title, run[-1].i if entity_of(run[-1]) is None else entity_of(run[-1]).root.i)  # type: ignore[union-attr]
    return found


def _antecedent_cluster(mention: Mention, clusters: list[Cluster], aliases: dict[str, tuple[str, int]],
                        names: dict[str, tuple[int, int]]) -> Cluster | None:
    """The earlier cluster a mention joins; `names`: each lower-cased name's latest cluster, and its latest
    cluster with a named entity of it (kept by `resolve`)."""
    actor, head = mention.actor, mention.head
    name = actor.name.lower()
    ent = entity_of(head)
    if mention.entity or actor.kind in ("person", "organization"):
        # The latest cluster with a mention of the same name (a named entity, unless this one is or has a name).
        latest, latest_entity = names.get(name, (-1, -1))
        same_name = latest if mention.entity or name.split() else latest_entity
        if same_name >= 0:
            return clusters[same_name]
        text = head.text
        for cluster in reversed(clusters):
            if text in cluster.aliases or text.upper() in cluster.aliases:
                return cluster
        if ent is not None and ent.label_ == "PERSON":
            surname = ent[-1].text.lower()
            for cluster in reversed(clusters):
                best = cluster.best
                best_ent = entity_of(best.head)
                if best_ent is not None and best_ent.label_ == "PERSON" and \
                        best.actor.name.split()[-1].lower() == surname:
                    return cluster
        if mention.definite and head.pos_ == "PROPN" and len(name.split()) == 1:
            # "the UN Security Council ... the Council": the last word of an organisation named before.
            for cluster in reversed(clusters):
                if name in cluster.words and len(cluster.words) > 1 and cluster.canonical().kind == "organization":
                    return cluster
        if mention.entity:
            return None
    if not mention.definite or mention.entity:
        return None
    return description_antecedent(head, mention.actor, clusters)


def description_antecedent(head: Token, actor: Actor, clusters: list[Cluster]) -> Cluster | None:
    """The latest cluster a definite description ("the Army Chief", "the US dignitary") refers to."""
    word = head.lower_
    modifiers = [t for t in head.doc[actor_start(head): head.i] if not (t.is_punct or t.lower_ in _STOP)]
    country_words = {t.lower_ for t in modifiers if t.ent_type_ in ("GPE", "NORP") or kb_find(head.doc, t.text, None)}
    other = {t.lower_ for t in modifiers} - country_words
    for cluster in reversed(clusters):
        named = word in cluster.words or head.lemma_.lower() in cluster.words
        # The description's own country, wherever it is written ("the US dignitary", "the president of
        # Armenia"), must agree with the cluster's.
        if named and other <= cluster.words and _country_agrees(actor, cluster):
            return cluster
    if word in GENERIC_PERSON or head.lemma_.lower() in GENERIC_PERSON:
        for cluster in reversed(clusters):
            best = cluster.canonical()
            if best.kind != "person" or any(m.head.i >= head.i for m in cluster.mentions[:1]):
                continue
            if not _country_agrees(actor, cluster):
                continue
            if not country_words and not other <= cluster.words:
                continue
            return cluster
    return None


def actor_start(head: Token) -> int:
    start = head.i
    for child in head.lefts:
        start = min(start, child.left_edge.i)
    return start


def _country_agrees(actor: Actor, cluster: Cluster) -> bool:
    mine = actor.country
    theirs = cluster.canonical().country
    return mine is None or theirs is None or mine == theirs


# -- resolution on demand ----------------------------------------------------------------------------------


def set_quote_speakers(doc: Doc, quotes: list[tuple[int, int, Token | None]]) -> None:
    """Record the content span and speaker token of every quote (for "we" and "I" inside them)."""
    doc._.quote_speakers = quotes


def _quote_speaker(doc: Doc, pos: int) -> Token | None:
    for start, end, speaker in doc._.quote_speakers or []:
        if start <= pos < end and speaker is not None:
            return speaker  # type: ignore[no-any-return]
    return None


def antecedent(token: Token, depth: int = 0) -> Token | None:
    """The head token of the mention `token` (a pronoun or a description) refers to, or None.

    The head returned is the best-named mention of the cluster ("Munir Akram" for "the ambassador").
    """
    if depth > 4:
        return None
    doc = token.doc
    res = resolve(doc)
    word = token.lower_
    if token.pos_ == "PRON" or word in _PRONOUN_GENDER or word in _SPEAKER_PRONOUNS:
        found = _pronoun_antecedent(token, res)
        if found is None:
            return None
        mention = res.by_token.get(found.i)
        if found.pos_ == "PRON" or found.lemma_.lower() in STATEMENT_NOUNS or \
                (mention is not None and mention.definite and not mention.entity):
            return antecedent(found, depth + 1) or found
        return _best_head(found, res, depth)
    if token.lemma_.lower() in STATEMENT_NOUNS or word in STATEMENT_NOUNS:
        issuer = _issuer(token)
        if issuer is not None:
            return _best_head(issuer, res, depth)
    mention = res.by_token.get(token.i)
    if mention is None:
        return None
    return res.clusters[mention.cluster].best.head


def _best_head(token: Token, res: Resolution, depth: int) -> Token:
    if token.pos_ == "PRON" and depth < 4:
        return antecedent(token, depth + 1) or token
    mention = res.by_token.get(token.i)
    return token if mention is None else res.clusters[mention.cluster].best.head


def _issuer(token: Token) -> Token | None:
    """Who issued the statement `token` refers back to ("the US Embassy issued a statement ...")."""
    lemma = token.lemma_.lower()
    doc = token.doc
    by_lemma = doc.user_data.get(_LEMMAS)
    if by_lemma is None:  # the tokens of each lemma, found once per Doc: a walk back over the whole text per
        by_lemma = {}     # statement noun is quadratic in a long article
        for t in doc:
            by_lemma.setdefault(t.lemma_.lower(), []).append(t.i)
        doc.user_data[_LEMMAS] = by_lemma
    same = by_lemma.get(lemma, [])
    # The noun itself first ("according to a statement issued by X", "X's report", "a report by X found"),
    # then the earlier mentions of the same noun ("X issued a statement. ... the statement said").
    for i in reversed(same[: bisect_right(same, token.i)]):
        earlier: Token = doc[i]
        owner = next((c for c in earlier.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        if owner is not None:
            return owner
        by_phrase = [g for c in earlier.children if c.dep_ in ("prep", "acl") and c.i > earlier.i
                     for p in [c, *c.children] if p.lower_ in ("by", "from") and p.dep_ in ("prep", "agent")
                     for g in p.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")]
        if by_phrase:  # "a statement issued by the governor's office", "a report by the institute"
            return by_phrase[0]
        verb = earlier.head
        if earlier.dep_ == "dobj" and verb.lemma_.lower() in _ISSUE_VERBS:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
        if earlier.dep_ == "pobj" and verb.head.lemma_.lower() in ("accord",):
            continue
        by = [g for c in earlier.children if c.dep_ in ("prep", "acl") for g in c.subtree
              if g.dep_ == "pobj" and entity_of(g) is not None]
        if by:  # "a statement issued by the ISPR"
            return by[0]
    return None


def _is_person(mention: Mention, res: Resolution) -> bool:
    cluster = res.clusters[mention.cluster]
    canonical = cluster.canonical()
    if canonical.kind == "person":
        return True
    head = mention.head
    return head.pos_ == "NOUN" and head.tag_ == "NN" and (
        head.lower_ in TITLE_WORDS or head.lower_ in GENERIC_PERSON or SECTOR_WORDS.get(head.lower_) in ("GOV", "DIP"))


def _pronoun_antecedent(token: Token, res: Resolution, depth: int = 0) -> Token | None:
    doc = token.doc
    if depth > 3:  # a speaker named only by a pronoun inside another quote: stop rather than cycle
        return None
    word = token.lower_
    quote = _in_quotes(res.quote_spans, token.idx, res.quote_ends)
    if word in _SPEAKER_PRONOUNS:
        return _quote_speaker(doc, token.idx)
    if word in ("who", "which", "that", "whom"):
        verb = token.head
        return verb.head if verb.dep_ == "relcl" else None
    speaker = _quote_speaker(doc, token.idx) if quote is not None else None
    speaker_cluster = None
    if speaker is not None:
        sm = res.by_token.get(speaker.i)
        if sm is None and speaker.pos_ == "PRON":
            resolved = _pronoun_antecedent(speaker, res, depth + 1)
            sm = res.by_token.get(resolved.i) if resolved is not None else None
        speaker_cluster = sm.cluster if sm is not None else None
    paragraph_floor = _window_start(doc, token)
    # The mentions are in text order: those in the window are a slice (not a scan of the article's mentions).
    candidates = res.mentions[bisect_left(res.mentions, paragraph_floor, key=lambda m: m.head.idx):
                              bisect_left(res.mentions, token.i, key=lambda m: m.head.i)]
    if word in _PRONOUN_GENDER:
        gender = _PRONOUN_GENDER[word]
        persons = [m for m in candidates if _is_person(m, res)]
        persons = [m for m in persons if res.clusters[m.cluster].gender in (None, gender)]
        if quote is None:
            persons = [m for m in persons if _in_quotes(res.quote_spans, m.head.idx, res.quote_ends) is None]
        else:
            persons = [m for m in persons if m.cluster != speaker_cluster]
        subjects = [m for m in persons if m.head.dep_ in ("nsubj", "nsubjpass") or
                    (m.head.dep_ == "appos" and m.head.head.dep_ in ("nsubj", "nsubjpass"))]
        pick = (subjects or persons)
        return pick[-1].head if pick else None
    if word in _GROUP_PRONOUNS:
        groups = [m for m in candidates if m.actor.kind in ("organization", "group") or
                  (m.actor.kind == "country" and m.head.dep_ != "pobj")]
        groups = [m for m in groups if not _is_person(m, res)]
        return groups[-1].head if groups else None
    if word == "it" and token.dep_ in ("nsubj", "nsubjpass"):
        # "Japan said it had halted aid", "The United States announced it would ...": "it" in the reported clause
        # is the state or organisation that reports it.
        reporter = _reporting_subject(token, res)
        if reporter is not None:
            return reporter
    if word == "it" and token.dep_ == "nsubj" and token.head.lemma_.lower() in ("say", "add", "write", "state"):
        orgs = [m for m in candidates if m.actor.kind == "organization"]
        return orgs[-1].head if orgs else None
    return None


def _reporting_subject(token: Token, res: Resolution) -> Token | None:
    """The subject of the reporting verb whose reported clause has `token` ("it") as its subject, when that subject
    is a country, an organisation or a group (a person is "he" or "she")."""
    verb = token.head
    for _ in range(3):
        if verb.dep_ == "conj":
            verb = verb.head
            continue
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _SPEECH_VERBS:
            return None
        reporter = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        mention = res.by_token.get(reporter.i) if reporter is not None else None
        if mention is None or mention.actor.kind not in ("country", "organization", "group") or \
                _is_person(mention, res):
            return None
        return reporter
    return None


def _window_start(doc: Doc, token: Token) -> int:
    """Where the search for an antecedent stops: the start of the paragraph three before the pronoun's."""
    breaks = doc_paragraphs(doc)
    before = bisect_right(breaks, token.idx)  # the paragraph starts at or before the pronoun
    return int(breaks[before - 4]) if before >= 4 else 0


def actor_for(head: Token, on: date | None) -> Actor | None:
    """The canonical actor of the mention headed by `head` (a name, description or pronoun), with the
    mention's own text and offsets; None for a pronoun that cannot be resolved."""
    doc = head.doc
    res = resolve(doc)
    target = head
    if head.pos_ == "PRON" or head.lower_ in _SPEAKER_PRONOUNS or head.lemma_.lower() in STATEMENT_NOUNS or \
            (res.by_token.get(head.i) is not None and res.by_token[head.i].definite):
        target = antecedent(head) or head
    if target.pos_ == "PRON":
        return None
    actor = build_actor(head if target is head else target, on)
    mention = res.by_token.get(target.i)
    if mention is not None:
        actor = _canonical_fields(actor, res.clusters[mention.cluster])
    if target is not head:
        own = build_actor(head, on) if head.pos_ != "PRON" else None
        text, start, end = (own.text, own.start, own.end) if own is not None else \
            (head.text, head.idx, head.idx + len(head.text))
        actor = replace(actor, text=text, start=start, end=end)
    return actor


def _canonical_fields(actor: Actor, cluster: Cluster) -> Actor:
    canon = cluster.canonical()
    return replace(actor, name=canon.name, kind=canon.kind, country=canon.country or actor.country,
                   sector=canon.sector or actor.sector, role=canon.role or actor.role)


def canonical_actor(doc: Doc, actor: Actor) -> Actor:
    """`actor` (a mention) with the name, kind, country, sector and role of its cluster."""
    res = resolve(doc)
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return actor
    tokens = list(span)
    root = span.root.i  # by index: spaCy makes a new Token object on every access, so `is` never holds
    for token in sorted(tokens, key=lambda t: (t.i != root, t.i)):
        mention = res.by_token.get(token.i)
        if mention is not None:
            cluster = res.clusters[mention.cluster]
            if mention.definite and not mention.entity:
                found = antecedent(token)
                if found is not None and res.by_token.get(found.i) is not None:
                    cluster = res.clusters[res.by_token[found.i].cluster]
            canonical = _canonical_fields(actor, cluster)
            if token.i != root and actor.kind == "person" and canonical.kind != "person":
                continue  # "US Secretary of State Antony J Blinken": "US" and "State" say whose, not who
            if coordinated_countries(span.root, None):
                # "Hungarian and Romanian officials": each actor of the phrase keeps its own country.
                canonical = replace(canonical, country=actor.country)
            return canonical
    return actor


def actors_from(head: Token, on: date | None) -> list[Actor]:
    """Actors of the mention headed by `head` and of the mentions coordinated with it ("X and Y"), as
    written (a pronoun takes the actor it refers to; `canonical_actor` gives the cluster's names)."""
    heads = [head]
    for joined in heads:  # "X, Y and Z": each conjunct hangs on the one before it, so follow the chain
        heads += [c for c in joined.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")
                  and not is_thing(c) and c not in heads]
    out: list[Actor] = []
    for h in heads:
        target = h
        if h.pos_ == "PRON":
            resolved = antecedent(h)
            if resolved is None:
                continue
            actor = build_actor(resolved, on)
            out.append(replace(actor, text=h.text, start=h.idx, end=h.idx + len(h.text)))
            continue
        actor = build_actor(target, on)
        out.append(actor)
        # "Hungarian and Romanian officials": one phrase, the officials of two states; an actor for each.
        out += [replace(actor, country=code) for code in coordinated_countries(target, on) if code != actor.country]
    return out


class Coreference(Stage):
    """The ``eventwire_coref`` component: the article's mention clusters, built once (`doc._.coref`)."""

    def process(self, doc: Doc) -> None:
        doc._.coref = None
        resolve(doc)


@Language.factory("eventwire_coref", assigns=["doc._.coref"],
                  requires=["doc._.kb", "doc._.places", "doc.ents", "token.dep", "token.lemma"])
def make_coreference(nlp: Language, name: str) -> Coreference:
    return Coreference(name)


__all__ = ["Cluster", "Coreference", "Mention", "Resolution", "actor_for", "actors_from", "antecedent",
           "canonical_actor", "make_coreference", "resolve", "set_quote_speakers"]
