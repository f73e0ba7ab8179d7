"""PLOVER's tie-breaks for what is announced, offered, refused or threatened rather than done, with the CAMEO code
of each outcome.

- An offer or stated willingness to cooperate ("is willing to withdraw", "offered to mediate") is AGREE, and an
  announced intent to act in conflict is THREATEN (CAMEO 03 and 13).
- A withdrawal still to come ("will withdraw its troops") is CONCEDE, and so is a ceasefire or disarmament
  announced as intended (PLOVER's CONCEDE: declarations of ceasefires, promises to withdraw); the act done is
  RETREAT. Other promised concessions ("will lift the ban", "will release the prisoners") are, as in CAMEO (035x)
  and in the PLOVER gold, AGREE; the easing done is CONCEDE.
- An act of cooperation refused in so many words ("will not accept", "would not meet", "cannot allow") is REJECT
  (CAMEO 12); an act merely not done ("did not sign", "failed to reach", "did not attack") keeps its type, negated.
- An act still to come under "unless" ("will withdraw its force unless ...") is an ultimatum: THREATEN.
- A promise whose content is an act of conflict ("vowed to attack", "swore to fight") is THREATEN.
- Peacekeepers deployed, sent or arriving are AID (protection, CAMEO 074), not MOBILIZE.
- An attack, clash or storming by protesters is a riot, and a blockade by them an obstruction: PROTEST (CAMEO 145,
  144), not ASSAULT or COERCE.
- An attack its actor is getting ready for ("the army prepared to resume shelling") is MOBILIZE (PLOVER: military
  moves short of the use of force, a show of readiness; CAMEO 152, raised alert), not the attack nor a threat.

Each code chosen here has, in the CAMEO table, the type given with it, but for one deliberate difference said below
(a test walks them all).
"""

from __future__ import annotations

from eventwire.ontology import cameo

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
# CAMEO codes of intent: to meet (036), cooperate (031), give aid (033), yield (035), and of threats.
INTENT_CAMEO = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035",
                "RETREAT": "035"}
THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "PROTEST": "133", "MOBILIZE": "138"}
# A deliberate difference from the CAMEO table, which types its intent-to-yield codes (035x) AGREE: PLOVER codes a
# concession still to come CONCEDE, and CAMEO's codes for it are the intents to yield (verbal cooperation, quad 1;
# ConfliBERT's gold agrees: with 080, quad 2, quad accuracy fell from 0.612 to 0.607). Keyed by RETREAT mode.
COMING_WITHDRAWAL = "0356"
COMING_CONCESSION = {"withdraw": COMING_WITHDRAWAL, "disarm": COMING_WITHDRAWAL, "ceasefire": COMING_WITHDRAWAL}
# Refusals (CAMEO 12) of each kind of cooperation, and of each kind of retreat by its mode.
REFUSAL_CAMEO = {"AGREE": "120", "SUPPORT": "120", "CONSULT": "125", "COOPERATE": "121", "AID": "122",
                 "CONCEDE": "124", "RETREAT": "124"}
REFUSED_RETREAT = {"release": "1243", "return": "1243", "withdraw": "1246", "disarm": "1246", "ceasefire": "1246",
                   "access": "1245"}
REFUSED_AGREEMENT = "127"  # a settlement plan or agreement rejected ("would not sign the accord")
ULTIMATUM = "139"
# Forces deployed or arriving to keep the peace give protection (CAMEO 074, AID), not a show of force (MOBILIZE).
PEACEKEEPING = "074"
# A call on others to join forces against a party: rallying opposition (verbal conflict, ACCUSE).
RALLY = "113"
# Violence or a blockade by protesters: a riot (CAMEO 145) or an obstruction (144).
RIOT = "145"
OBSTRUCTION = "144"
# An attack being readied: a show of force short of its use (CAMEO 152, raised military alert).
READIED = "152"
# An act that is only an option being weighed ("is considering sending aid"): CAMEO 014, consider policy option.
CONSIDERED = "014"


def announced(etype: str, mode: str | None, code: str, *, ahead: bool, intended: bool,
              offered: bool = False) -> tuple[str, str | None, str]:
    """(type, mode, CAMEO code) of an act of `etype` that is still `ahead` (future or hypothetical, not in a
    condition), when `intended` announced as an intention and when `offered` stated as a willingness or offer;
    unchanged otherwise."""
    if offered and ahead and etype in COOPERATIVE:
        return "AGREE", None, COMING_WITHDRAWAL if mode == "withdraw" else INTENT_CAMEO.get(etype, "030")
    if etype == "RETREAT" and mode in COMING_CONCESSION and (ahead if mode == "withdraw" else intended):
        return "CONCEDE", None, COMING_CONCESSION[mode]
    if intended and etype in COOPERATIVE:
        return "AGREE", None, INTENT_CAMEO.get(etype, "030")
    if intended and etype in CONFLICTUAL:
        threat = THREAT_CAMEO.get(etype, "130")
        return "THREATEN", cameo(threat).plover_mode, threat
    return etype, mode, code


def refused(etype: str, mode: str | None, code: str) -> tuple[str, str | None, str]:
    """(type, mode, code) of a refused act of `etype`: REJECT when it is cooperation, else unchanged."""
    if etype not in COOPERATIVE and etype != "AGREE":
        return etype, mode, code
    if etype == "RETREAT" and mode in REFUSED_RETREAT:
        chosen = REFUSED_RETREAT[mode]
    elif etype == "SUPPORT" and code == "057":
        chosen = REFUSED_AGREEMENT
    else:
        chosen = REFUSAL_CAMEO[etype]
    return "REJECT", cameo(chosen).plover_mode, chosen


def ultimatum(etype: str, mode: str | None, code: str) -> tuple[str, str | None, str]:
    """(type, mode, code) of an act still to come announced under "unless": a threat of it."""
    if etype in ("THREATEN", "REQUEST", "REJECT", "ACCUSE"):
        return etype, mode, code
    chosen = THREAT_CAMEO.get(etype, ULTIMATUM)
    return "THREATEN", cameo(chosen).plover_mode, chosen


def protested(etype: str, mode: str | None) -> tuple[str, str | None, str] | None:
    """(type, mode, code) of an act of `etype` (with `mode`) done by protesters: a riot when it is violence, an
    obstruction when it restricts movement, else None."""
    if etype == "ASSAULT":
        return "PROTEST", cameo(RIOT).plover_mode, RIOT
    if etype == "COERCE" and mode == "restrict":
        return "PROTEST", cameo(OBSTRUCTION).plover_mode, OBSTRUCTION
    return None


def readied(etype: str) -> tuple[str, str | None, str] | None:
    """(type, mode, code) of an act of `etype` its actor is preparing: MOBILIZE when it is an attack, else None."""
    if etype != "ASSAULT":
        return None
    return "MOBILIZE", cameo(READIED).plover_mode, READIED


def promised(etype: str) -> tuple[str, str | None, str] | None:
    """(type, mode, code) of a promise whose content is an act of `etype`: a threat when it is conflict, else None."""
    if etype not in CONFLICTUAL and etype != "MOBILIZE":
        return None
    chosen = THREAT_CAMEO[etype]
    return "THREATEN", cameo(chosen).plover_mode, chosen


__all__ = [
    "COMING_CONCESSION",
    "COMING_WITHDRAWAL",
    "INTENT_CAMEO",
    "PEACEKEEPING",
    "RALLY",
    "REFUSAL_CAMEO",
    "REFUSED_RETREAT",
    "THREAT_CAMEO",
    "announced",
    "promised",
    "protested",
    "readied",
    "refused",
    "ultimatum",
]
