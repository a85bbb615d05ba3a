"""The nearest of many template texts by spelling (rapidfuzz's fuzz.ratio), found quickly.

The understander looks for the template nearest to a text dozens of times per utterance a
recogniser heard as no command (its words, its runner-ups, every split into two parts and every
clause), over pools of up to 33,000 templates: one rapidfuzz scan of a pool took about 3 ms,
most of a no-command utterance's time. Most templates cannot reach the cutoff at all: two
strings share at most, letter by letter, the smaller of their counts of it, so

    fuzz.ratio(a, b) <= 200 * sum over letters of min(count in a, count in b) / (len a + len b)

(fuzz.ratio is 200 * the longest common subsequence / (len a + len b)). Only the templates
whose bound reaches the cutoff are scanned, in their own order, so the answer is the one a
scan of the whole pool gives, ties included (the first template with the best score).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from rapidfuzz import fuzz, process


class NearestText:
    """A fixed list of texts, searchable for the one nearest to a text above a cutoff."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        letters = sorted(set("".join(texts)))
        self._row = {letter: i for i, letter in enumerate(letters)}
        lengths = np.array([len(text) for text in texts], np.float64)
        # Columns shortest text first: the texts a length can reach are one slice of them.
        self._order = np.argsort(lengths, kind="stable")
        self._lengths = lengths[self._order]
        # letter -> its count in each text (a row per letter: a query reads only its own)
        counts = np.zeros((len(letters), len(texts)), np.int16)
        for column, text in enumerate(texts):
            for letter, count in Counter(text).items():
                counts[self._row[letter], column] = count
        self._counts = counts[:, self._order]

    def nearest(self, text: str, cutoff: float) -> tuple[int, float] | None:
        """(index, score 0..100) of the first text with the best fuzz.ratio at or above
        cutoff, as process.extractOne over all the texts would answer; None when none is."""
        if not self.texts:
            return None
        reachable = self._reachable(text, cutoff)
        if len(reachable) == 0:
            return None
        found = process.extractOne(text, [self.texts[i] for i in reachable],
                                   scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is None:
            return None
        return int(reachable[found[2]]), float(found[1])

    def _reachable(self, text: str, cutoff: float) -> np.ndarray:
        """Indices (ascending) of the texts whose letter bound reaches the cutoff."""
        # (a hair under the cutoff: the bound and rapidfuzz's score round differently)
        bar = min(cutoff, 100.0) - 1e-6
        n = len(text)
        first, end = 0, len(self.texts)
        if bar > 0.0:
            # the bound is at most 200 * min(len a, len b) / (len a + len b): lengths in reach
            first = int(np.searchsorted(self._lengths, bar * n / (200.0 - bar) - 1e-9, "left"))
            end = int(np.searchsorted(self._lengths, n * (200.0 - bar) / bar + 1e-9, "right"))
        if first >= end:
            return np.zeros(0, np.int64)
        shared = np.zeros(end - first, np.int16)
        taken = np.empty(end - first, np.int16)
        for letter, count in Counter(text).items():
            row = self._row.get(letter)
            if row is not None:
                np.minimum(self._counts[row, first:end], min(count, 32767), out=taken)
                shared += taken
        within = np.flatnonzero(shared >= bar / 200.0 * (self._lengths[first:end] + n))
        return np.sort(self._order[first + within])
