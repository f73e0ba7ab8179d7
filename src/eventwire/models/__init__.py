"""Learned components, trained only on sentences the eventwire developers wrote and labelled (data/README.md).

- ``features``: the hashed word, lemma and dependency features of one sentence.
- ``classifier``: a multinomial logistic regression over those features (numpy only), saved as a small
  ``.npz`` shipped in this package and loaded once per process.
- ``train``: ``python -m eventwire.models.train`` rebuilds the shipped weights from data/event_sentences.jsonl,
  deterministically.
- ``review``: how the event coder uses the sentence classifier (behind ``events.learned`` in the config).
"""
