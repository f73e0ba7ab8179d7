"""PLOVER's tie-breaks for what is announced rather than done, with the CAMEO code of each outcome.

An announced intent turns cooperation into AGREE and conflict into THREATEN (CAMEO 03 and 13); a withdrawal
still to come is CONCEDE, the withdrawal itself RETREAT. Each code chosen here has, in the CAMEO table, the type
given with it, but for one deliberate difference said below (a test walks them all).
"""

from __future__ import annotations

from eventwire.ontology import cameo

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
# CAMEO codes of intent: to meet (036), cooperate (031), give aid (033), yield (035), and of threats.
INTENT_CAMEO = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035",
                "RETREAT": "035"}
THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "PROTEST": "133"}
# A deliberate difference from the CAMEO table, which types 0356 AGREE: PLOVER codes an announced withdrawal
# still to come CONCEDE, and CAMEO's code for it is intent to de-escalate militarily (verbal cooperation, quad 1;
# ConfliBERT's gold agrees: with 080, quad 2, quad accuracy fell from 0.612 to 0.607).
COMING_WITHDRAWAL = "0356"


def announced(etype: str, mode: str | None, code: str, *, ahead: bool, intended: bool) -> tuple[str, str | None, str]:
    """(type, mode, CAMEO code) of an act of `etype` that is still `ahead` (future or hypothetical, not in a
    condition) and, when `intended`, announced as an intention; unchanged otherwise."""
    if etype == "RETREAT" and mode == "withdraw" and ahead:
        return "CONCEDE", None, COMING_WITHDRAWAL
    if intended and etype in COOPERATIVE:
        return "AGREE", None, INTENT_CAMEO.get(etype, "030")
    if intended and etype in CONFLICTUAL:
        threat = THREAT_CAMEO.get(etype, "130")
        return "THREATEN", cameo(threat).plover_mode, threat
    return etype, mode, code


__all__ = ["COMING_WITHDRAWAL", "INTENT_CAMEO", "THREAT_CAMEO", "announced"]
