"""Grammars for the recognisers, built from the intent templates (data, not code).

The understander expands its templates into plain sentences; here they become the training
text of pocketsphinx's small command language model and a phrase list for vosk. (JSGF grammars,
a minimal word graph and a phone-loop garbage model were measured and dropped: 2 to 10 times
slower than real time here; see assistant/listen/pocketsphinx_engine.py.) Narrowing to the
intents that make sense right now keeps the grammar small (smaller grammars mishear less), but
the intents a person may need at any moment (crisis, stop, pause) are always in.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable

from assistant.listen import grammar_cache
from assistant.numbers import spoken_ranges

ALWAYS_EXPECTED = frozenset({"crisis", "stop", "pause"})

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """0..999 as English words (the recognisers hear words, never digits)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("" if ones == 0 else " " + _ONES[ones])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    return " ".join(_ONES[int(d)] for d in str(n))


def spoken_form(sentence: str) -> str:
    """Lowercase words only: digits spelled out, punctuation other than apostrophes dropped."""
    text = sentence.lower().replace("’", "'")
    text = re.sub(r"\d+", lambda m: " " + number_words(int(m.group())) + " ", text)
    text = re.sub(r"[^\w' ]+|_", " ", text)
    words = [w.strip("'") for w in text.split()]
    return " ".join(w for w in words if w)


def expected_intents(expect: Iterable[str] | None) -> frozenset[str] | None:
    """The intents to listen for: None means all of them."""
    if expect is None:
        return None
    return frozenset(expect) | ALWAYS_EXPECTED


# Templates are written in full forms ("i am"); people say "i'm". Both go into the grammar.
CONTRACTIONS = {
    "i am": "i'm", "let us": "let's", "do not": "don't", "can not": "can't", "that is": "that's",
    "it is": "it's", "i will": "i'll", "i would": "i'd", "we are": "we're",
    "is not": "isn't", "what is": "what's", "does not": "doesn't", "you are": "you're",
    "there is": "there's", "did not": "didn't", "was not": "wasn't", "are not": "aren't",
    "want to": "wanna", "going to": "gonna", "i have": "i've", "you have": "you've",
    "we have": "we've",
}  # fmt: skip
_FULL = re.compile(r"(?<![\w'])(" + "|".join(re.escape(k) for k in CONTRACTIONS) + r")(?![\w'])")


def contracted(sentence: str) -> str:
    return _FULL.sub(lambda m: CONTRACTIONS[m.group(1)], sentence)


def grammar_sentences(understander, intents: frozenset[str] | None) -> list[str]:
    """Unique spoken-form sentences for these intents (all intents when None), with the
    contracted form of each sentence too (vosk's phrase list)."""
    raw = understander.sentences(sorted(intents) if intents is not None else None)
    seen: dict[str, None] = {}
    for sentence in raw:
        spoken = spoken_form(sentence)
        if spoken:
            seen.setdefault(spoken, None)
            seen.setdefault(contracted(spoken), None)
    return list(seen)


RANGE_REPEAT = 3  # times each range is a line of balanced_corpus

# understander -> {intent: its grammar sentences}. A narrowed grammar reuses the lists the
# whole one made (the session's first narrowed grammar took 5 s to build, all of it
# re-expanding the same templates), and an understander loaded from a folder keeps them on
# disk between runs (grammar_cache.py).
_PER_INTENT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def sentences_by_intent(understander, intents: Iterable[str]) -> dict[str, list[str]]:
    """grammar_sentences of each intent, remembered for this understander."""
    source = getattr(understander, "source", None)
    try:
        remembered = _PER_INTENT.get(understander)
    except TypeError:  # an object that cannot be weakly referenced: nothing remembered
        remembered = None
    if remembered is None:
        path = grammar_cache.cache_path(source) if source is not None else None
        remembered = (path, grammar_cache.load(path))
        try:
            _PER_INTENT[understander] = remembered
        except TypeError:
            pass
    path, known = remembered
    missing = [name for name in intents if name not in known]
    for name in missing:
        known[name] = grammar_sentences(understander, frozenset({name}))
    if missing:
        grammar_cache.save(path, known)
    return {name: known[name] for name in intents}


def balanced_corpus(
    understander, intents: frozenset[str] | None, max_repeat: int = 30, short_boost: int = 10
) -> str:
    """Training text for a command language model in which every intent weighs the same.

    Intents with slot lists expand to hundreds of sentences and would otherwise drown the
    one-word commands ("stop", "next") that matter most.
    (Tried: a quarter of each intent's weight again with the understander's discourse words
    around or inside ("um ...", "... please", "i can't even cry"): unseen voices 83.0 ->
    83.3%, 14 clips fixed and 12 broken, clean 99.2 -> 98.3%, water 5 dB 83.3 -> 80.0%.)
    """
    names = sorted(intents) if intents is not None else list(understander.intent_names)
    per_intent = sentences_by_intent(understander, names)
    per_intent = {k: v for k, v in per_intent.items() if v}
    if not per_intent:
        return ""
    largest = max(len(v) for v in per_intent.values())
    lines: list[str] = []
    for sentences in per_intent.values():
        lines.extend(sentences * max(1, min(max_repeat, round(largest / len(sentences)))))
        # Bare commands ("stop", "next") are what people say most and are the hardest to
        # hear (one short word); give them weight so "<s> stop </s>" beats "<s> got </s>".
        short = [s for s in sentences if len(s.split()) <= 2]
        lines.extend(short * short_boost)
    if "set_duration" in per_intent:
        # Ranges ("ten or fifteen minutes") as lines of their own, RANGE_REPEAT times: in
        # the slot's list they were in every duration template and moved the whole model
        # (quick bench clean 99.2 -> 98.3%, talk 10 dB wrong 7.5 -> 10.8%); here they add
        # their few words.
        lines.extend(spoken_ranges() * RANGE_REPEAT)
    return "\n".join(lines)
