"""Temporal expressions (TIMEX3): found in the text and normalised against the publication date.

The modules, in the order a match goes through them:

- ``rules``: the patterns that find expressions (``RULES``, one compiled expression per kind), the windows of
  text they run over, the plausibility check of a bare month or year, and the resolution of overlapping matches;
- ``tense``: the tense of the clause an expression sits in, from the parse (or from its words without one);
- ``normalise``: each rule's value computation against an anchor date (the publication date, or the last day
  named before), and dateparser's reading of what no rule covers;
- ``component``: ``find_timexes`` (every expression of a Doc), ``normalise`` (one expression), and the
  ``eventwire_timexes`` spaCy component that sets ``doc._.timexes``.

Each module's docstring says what it does; ``component`` describes the whole cascade.
"""
