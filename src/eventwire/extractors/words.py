"""Word lists that several stages read (reporting, request, light and aspectual verbs).

Kept apart from the stages so that no stage imports another only for a word list.
"""

from __future__ import annotations

# Verbs that report words, beliefs or findings.
SPEECH_VERBS = {"say", "tell", "state", "add", "announce", "report", "claim", "insist", "note", "stress",
                "explain", "declare", "write", "tweet", "reiterate", "confirm", "acknowledge", "argue", "assert",
                "contend", "maintain", "emphasize", "emphasise", "mention", "reply", "respond", "comment",
                "brief", "believe", "think", "feel", "warn", "allege", "caution", "predict", "admit", "suggest",
                "highlight", "point", "recall", "observe", "remark", "disclose", "reveal", "quote", "cite",
                "estimate", "signal", "indicate", "hope", "describe", "deny"}
# Verbs that ask someone for something.
REQUEST_VERBS = {"ask", "urge", "call", "demand", "request", "appeal", "press", "implore", "plead", "invite",
                 "want", "wish", "encourage", "push", "beg", "petition"}

# Verbs that take their event from their object noun ("had a telephone conversation").
LIGHT_VERBS = {"have", "hold", "conduct", "make", "carry", "launch", "stage", "mount", "wage", "begin", "start",
               "resume", "continue", "issue", "give", "take", "reach", "announce", "complete", "finish",
               "undertake", "initiate", "order", "approve", "impose", "provide", "send", "deliver", "offer",
               "extend", "pursue", "be", "renew", "organize", "organise", "open", "call"}

# Verbs that say how an event noun goes on ("the withdrawal would begin").
ASPECTUAL_VERBS = {"begin", "start", "continue", "resume", "end", "erupt", "break", "escalate", "intensify",
                   "take", "happen", "occur", "proceed", "finish", "conclude", "stall", "collapse"}
