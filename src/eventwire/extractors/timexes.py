"""Where ``eventwire.nlp.loader.COMPONENTS`` imports the ``eventwire_timexes`` component from.

The code lives in ``eventwire.extractors.time`` (rules, tense, normalise, component); importing this module
registers the factory. Once the loader names ``eventwire.extractors.time.component``, this module can go.
"""

from __future__ import annotations

from eventwire.extractors.time.component import TimexFinder, find_timexes, make_timex_finder, normalise

__all__ = ["TimexFinder", "find_timexes", "make_timex_finder", "normalise"]
