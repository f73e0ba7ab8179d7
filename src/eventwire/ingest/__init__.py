"""Readers: plain text, HTML, JSON Lines, feeds, directories, standard input and URLs."""
