"""Grammars for the recognisers, built from the intent templates (data, not code).

The understander expands its templates into plain sentences; here they become a JSGF grammar
for pocketsphinx and a phrase list for vosk. Narrowing to the intents that make sense right now
keeps the grammar small (smaller grammars mishear less), but the intents a person may need at
any moment (crisis, stop, pause) are always in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    "want to": "wanna", "going to": "gonna",
}  # fmt: skip
_FULL = re.compile(r"(?<![\w'])(" + "|".join(re.escape(k) for k in CONTRACTIONS) + r")(?![\w'])")


def with_contractions(template: str) -> str:
    """'(i am|we are) done' -> '((i am|i'm)|(we are|we're)) done' (JSGF/hassil syntax)."""
    return _FULL.sub(lambda m: f"({m.group(1)}|{CONTRACTIONS[m.group(1)]})", template)


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


def _rule(name: str) -> str:
    return "<" + re.sub(r"[^a-z0-9_]", "_", name.lower()) + ">"


def jsgf_from_templates(
    understander,
    intents: frozenset[str] | None,
    garbage_words: list[str] | None = None,
    garbage_weight: float = 0.05,
) -> tuple[str, set[str]]:
    """A JSGF grammar straight from the hassil-style templates (compact, complete: every
    slot value in every template), and the set of words it uses."""
    templates = understander.templates()
    slot_values = understander.slot_values()
    chosen = {k: v for k, v in templates.items() if intents is None or k in intents}
    lines = ["#JSGF V1.0;", "grammar letitout;"]
    used_slots: set[str] = set()
    words: set[str] = set()
    intent_rules = []
    for intent, items in sorted(chosen.items()):
        bodies = []
        for template in items:
            body = with_contractions(template)
            used_slots.update(re.findall(r"\{(\w+)\}", body))
            body = re.sub(r"\{(\w+)\}", lambda m: _rule("slot_" + m.group(1)), body)
            bodies.append(f"( {body} )")
            words.update(re.findall(r"[a-z']+", re.sub(r"<[^>]*>", " ", body)))
        rule = _rule("intent_" + intent)
        intent_rules.append(rule)
        lines.append(f"{rule} = {' | '.join(bodies)};")
    for slot in sorted(used_slots):
        phrases = sorted({with_contractions(spoken_form(p)) for p in slot_values.get(slot, [])})
        phrases = [p for p in phrases if p]
        for p in phrases:
            words.update(re.findall(r"[a-z']+", p))
        body = " | ".join(f"( {p} )" for p in phrases) if phrases else "<VOID>"
        lines.append(f"{_rule('slot_' + slot)} = {body};")
    command = " | ".join(intent_rules) if intent_rules else "<VOID>"
    lines.append(f"<command> = {command};")
    if garbage_words:
        lines.append(f"<garbage> = ( {' | '.join(garbage_words)} )+;")
        lines.append(f"public <utterance> = /1/ <command> | /{garbage_weight:g}/ <garbage>;")
    else:
        lines.append("public <utterance> = <command>;")
    return "\n".join(lines) + "\n", words


def jsgf(
    sentences: list[str],
    garbage_words: list[str] | None = None,
    garbage_weight: float = 0.05,
) -> str:
    """A JSGF grammar: one of the sentences, or (when given) a loop of garbage phones.

    The garbage loop is the out-of-grammar model: speech that fits no sentence is cheaper to
    explain as a string of phones, so it comes out as garbage rather than a wrong command.
    """
    lines = ["#JSGF V1.0;", "grammar letitout;"]
    body = " | ".join(f"( {s} )" for s in sentences) if sentences else "<VOID>"
    lines.append(f"<command> = {body};")
    if garbage_words:
        lines.append(f"<garbage> = ( {' | '.join(garbage_words)} )+;")
        lines.append(f"public <utterance> = /1/ <command> | /{garbage_weight:g}/ <garbage>;")
    else:
        lines.append("public <utterance> = <command>;")
    return "\n".join(lines) + "\n"


def words_of(sentences: Iterable[str]) -> set[str]:
    return {w for s in sentences for w in s.split()}


def word_graph(sentences: Iterable[str]) -> tuple[int, list[tuple[int, int, str]], set[int]]:
    """A minimal deterministic word graph accepting exactly these sentences.

    Shared prefixes and suffixes are merged, so the recogniser explores each distinct word
    once per position instead of once per sentence (thousands of parallel paths are slow).
    Returns (number of states, arcs (from, to, word), accepting states); state 0 is the start.
    """
    # 1. a trie
    children: list[dict[str, int]] = [{}]
    accepting = [False]
    for sentence in sentences:
        state = 0
        for word in sentence.split():
            nxt = children[state].get(word)
            if nxt is None:
                nxt = len(children)
                children.append({})
                accepting.append(False)
                children[state][word] = nxt
            state = nxt
        accepting[state] = True
    # 2. merge equivalent states, deepest first (states are created after their parents)
    canonical: dict[tuple, int] = {}
    replace = list(range(len(children)))
    for state in range(len(children) - 1, -1, -1):
        arcs = tuple(sorted((w, replace[t]) for w, t in children[state].items()))
        signature = (accepting[state], arcs)
        if signature in canonical:
            replace[state] = canonical[signature]
        else:
            canonical[signature] = state
            children[state] = dict(arcs)
    # 3. renumber the surviving states
    keep = sorted(set(canonical.values()))
    number = {old: new for new, old in enumerate(keep)}
    arcs_out = [
        (number[s], number[t], w) for s in keep for w, t in sorted(children[s].items())
    ]
    finals = {number[s] for s in keep if accepting[s]}
    return len(keep), arcs_out, finals


def fsg_text(sentences: Iterable[str], name: str = "commands", garbage: list[str] | None = None,
             garbage_weight: float = 0.05) -> str:
    """The sentences as a pocketsphinx FSG (its own text format), optionally with a garbage
    loop of filler words as an alternative path from the start."""
    n, arcs, finals = word_graph(sentences)
    final = n
    total = n + 1
    out_arcs: dict[int, list[tuple[int, str | None]]] = {}
    for s, t, w in arcs:
        out_arcs.setdefault(s, []).append((t, w))
    for s in finals:
        out_arcs.setdefault(s, []).append((final, None))
    garbage_state = None
    if garbage:
        garbage_state = total
        total += 1
    lines = [f"FSG_BEGIN {name}", f"NUM_STATES {total}", "START_STATE 0", f"FINAL_STATE {final}"]
    for s, targets in out_arcs.items():
        share = (1.0 - (garbage_weight if s == 0 and garbage else 0.0)) / len(targets)
        for t, w in targets:
            lines.append(f"TRANSITION {s} {t} {share:.6g}" + (f" {w}" if w else ""))
    if garbage_state is not None:
        lines.append(f"TRANSITION 0 {garbage_state} {garbage_weight:.6g}")
        share = 0.5 / len(garbage)
        for w in garbage:
            lines.append(f"TRANSITION {garbage_state} {garbage_state} {share:.6g} {w}")
        lines.append(f"TRANSITION {garbage_state} {final} 0.5")
    lines.append("FSG_END")
    return "\n".join(lines) + "\n"


def balanced_corpus(
    understander, intents: frozenset[str] | None, max_repeat: int = 30, short_boost: int = 10
) -> str:
    """Training text for a command language model in which every intent weighs the same.

    Intents with slot lists expand to hundreds of sentences and would otherwise drown the
    one-word commands ("stop", "next") that matter most.
    """
    names = sorted(intents) if intents is not None else list(understander.intent_names)
    per_intent = {name: grammar_sentences(understander, frozenset({name})) for name in names}
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
    return "\n".join(lines)
