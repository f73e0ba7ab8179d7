"""How the event coder uses the sentence classifier (config ``[events] learned``; off: the rules alone).

The classifier (eventwire.models.classifier, trained only on sentences we wrote, data/README.md) gives a
sentence a probability for each PLOVER type and for "none". The rules stay in charge; the classifier is
asked only about a sentence in which the rules found no event at all: when it names a type with probability
at least ``ADD_AT`` and the sentence's root is a verb, that verb becomes the trigger of one event of that
type, whose arguments, modality, date and place the event coder finds as for any rule trigger. When the
root is a reporting verb ("said", "warned"), the saying is the rules' to judge ("warned that the economy
would shrink" is a forecast, not a threat): the classifier adds only a material act (quad class 2 or 4)
and makes the reported clause's verb its trigger ("the ministry said troops were sent": MOBILIZE on "sent",
not on "said", whose subject is the speaker).

Tried on the development half (ConfliBERT and PLOVER ``--half even``) and left out: letting the root verb of
any sentence be the trigger (it scored about as well, but a reporting verb's subject became the actor of the
reported act, and a forecast "warned that ... would shrink if ..." became a threat, against the rules' own
decision); a gate dropping rule events when the classifier says "none" (no gain: its P(none) barely separates
the statements from the events the rules found, ROC AUC 0.55); re-typing a rule event when the classifier
disagrees strongly (type accuracy and quad F1 both fell at every threshold); and mixing the classifier's
probability into the events' confidence (no gain).

The weights are loaded once per process from the ``.npz`` shipped beside this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from eventwire import ontology
from eventwire.extractors.lexicon import Entry
from eventwire.extractors.modality import SPEECH_VERBS
from eventwire.models.classifier import SentenceClassifier
from eventwire.models.features import feature_strings, hashed
from eventwire.models.train import NONE

WEIGHTS_FILE = "event_sentences.npz"
# The least probability of its top type at which the classifier adds an event (tuned on --half even).
ADD_AT = 0.7


@lru_cache(maxsize=2)
def load_classifier(path: str = "") -> SentenceClassifier:
    """The shipped classifier (or the one at `path`), loaded once."""
    where = Path(path) if path else Path(str(resources.files("eventwire.models").joinpath(WEIGHTS_FILE)))
    return SentenceClassifier.load(where)


@dataclass(frozen=True)
class Reviewer:
    classifier: SentenceClassifier
    add_at: float = ADD_AT

    def scores(self, sent: Span) -> dict[str, float]:
        return self.classifier.scores(hashed(feature_strings(sent), self.classifier.bits))

    def added(self, sent: Span) -> tuple[Entry, Token] | None:
        """For a sentence the rules found no event in: the entry and trigger of the one event the classifier
        is sure of, or None."""
        root = sent.root
        if root.pos_ != "VERB":
            return None
        scores = self.scores(sent)
        best = max(scores, key=lambda label: scores[label])
        if best == NONE or scores[best] < self.add_at:
            return None
        if root.lemma_.lower() in SPEECH_VERBS:
            # "X said troops were sent": the reported material act is the event, its verb the trigger; a
            # verbal act of a reported sentence is the saying, which the rules have judged.
            said = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"]
            if not said or ontology.plover_type(best).quad_class not in (2, 4) or \
                    said[0].lemma_.lower() in SPEECH_VERBS:
                return None
            root = said[0]
        return Entry("verb", root.lemma_.lower(), "", best, None, ontology.cameo_for(best)), root


__all__ = ["ADD_AT", "NONE", "Reviewer", "load_classifier"]
