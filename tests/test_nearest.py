"""The quick template search answers exactly as a rapidfuzz scan of every template would."""

import random

from rapidfuzz import fuzz, process

from assistant.nearest import NearestText
from assistant.understand import Understander


def _scan(text, texts, cutoff):
    found = process.extractOne(text, texts, scorer=fuzz.ratio, score_cutoff=cutoff)
    return None if found is None else (found[2], float(found[1]))


def test_the_nearest_template_is_the_one_a_full_scan_finds():
    understander = Understander.load()
    texts = [text for text, _, _, _ in understander._skeletons][:6000]
    index = NearestText(texts)
    rng = random.Random(7)
    queries = rng.sample(texts, 40)
    # misheard: a word dropped, two words swapped, letters changed, talk around a command
    for text in rng.sample(texts, 80):
        words = text.split()
        if len(words) > 2:
            i = rng.randrange(len(words))
            queries.append(" ".join(words[:i] + words[i + 1:]))
        letters = list(text)
        for _ in range(3):
            letters[rng.randrange(len(letters))] = rng.choice("aeiou st")
        queries.append("".join(letters))
        queries.append(f"well you know {text} i guess")
    queries += ["", "a", "zzzz qqq", "the kids were loud at breakfast"]
    for query in queries:
        for cutoff in (0.0, 60.0, 80.0, 92.0, 100.0):
            assert index.nearest(query, cutoff) == _scan(query, texts, cutoff), (query, cutoff)


def test_ties_go_to_the_first_text_as_in_a_scan():
    texts = ["go slower", "slow down", "go slower", "go lower", "so slower"]
    index = NearestText(texts)
    for query in ("go slowr", "go slower", "slow dow", "lower"):
        for cutoff in (50.0, 80.0):
            assert index.nearest(query, cutoff) == _scan(query, texts, cutoff)
    assert NearestText([]).nearest("stop", 60.0) is None
