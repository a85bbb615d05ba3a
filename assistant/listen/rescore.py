"""A second look at what the free first pass misheard: the nearest templates, by sound.

The first pass decodes with an n-gram model and can drift into words no command uses ("I've
been cutting myself again" heard as "i'm you are the myself again"). Its words still sound
somewhat like what was said, so the template sentences nearest to them in phones (words ->
phones from the recogniser's dictionary, edit distance on the phone strings) are a short list
of what the person may have said; the engine decodes the same audio again against a tiny
grammar of only those (JSGF over a few dozen sentences is fast, one over every template is not).

Measured in bench/speech_in.py this finds crisis language the first pass lost, but over all
intents it gave about as many wrong intents as right ones, and no acoustic score (the grammar
pass against the first pass's own words, per frame) told them apart; so the recogniser uses it
for crisis only (Settings.rescue_intents).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from assistant.listen.grammar import contracted, spoken_form
from assistant.templates import TemplateError, expand, parse_template

# CMU phones (the en-us model's set) -> one character each, so edit distance counts phones.
_PHONES = ("AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T "
           "TH UH UW V W Y Z ZH").split()
_CHAR = {p: chr(ord("A") + i) if i < 26 else chr(ord("a") + i - 26)
         for i, p in enumerate(_PHONES)}
_SLOT = re.compile(r"^\{(\w+)\}$")


class Phones:
    """A word string's phones as one character each, so edit distance counts phones; each
    word's remembered (unknown words: none)."""

    def __init__(self, lookup: Callable[[str], str | None]) -> None:
        """lookup: a word's phones ("T ER N") from the recogniser's dictionary, or None."""
        self._lookup = lookup
        self._known: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        out = []
        for word in text.split():
            phones = self._known.get(word)
            if phones is None:
                found = self._lookup(word) or ""
                phones = "".join(_CHAR.get(p, "") for p in found.split())
                self._known[word] = phones
            out.append(phones)
        return "".join(out)


@dataclass(frozen=True)
class Candidate:
    """One template sentence shape: words, with "{slot}" tokens for slot values."""

    words: tuple[str, ...]
    intent: str


class PhoneticIndex:
    """The template sentences of some intents (all when None), searchable by how they sound."""

    def __init__(self, understander, lookup: Callable[[str], str | None],
                 intents: Iterable[str] | None = None) -> None:
        """lookup: a word's phones ("T ER N") from the recogniser's dictionary, or None."""
        self._phones = Phones(lookup)
        self.slot_values = {name: [v for v in values if v]
                            for name, values in understander.slot_values().items()}
        wanted = set(intents) if intents is not None else None
        candidates: dict[tuple[str, ...], str] = {}
        for intent, templates in understander.templates().items():
            if wanted is not None and intent not in wanted:
                continue
            for template in templates:
                try:
                    expansions = expand(parse_template(template), {})
                except TemplateError:
                    continue
                for words in expansions:
                    for form in _spoken_forms(words):
                        candidates.setdefault(form, intent)
        self.candidates = [Candidate(words, intent) for words, intent in candidates.items()]
        self._keys: list[str] | None = None  # built on first use, once every word is known
        self._narrowed: dict[frozenset[str], tuple[list[str], list[int]]] = {}

    def words(self) -> set[str]:
        """Every word the candidates and slot values use (all must be pronounceable)."""
        out = {w for c in self.candidates for w in c.words if not _SLOT.match(w)}
        for values in self.slot_values.values():
            for value in values:
                out.update(value.split())
        return out

    def sound(self, text: str) -> str:
        """The phones of a word string as one character each (unknown words: none)."""
        return self._phones(text)

    def nearest(self, heard: Iterable[str], k: int, allowed: frozenset[str] | None = None
                ) -> list[tuple[Candidate, float]]:
        """The k candidates nearest in sound to any of the heard word strings, best first,
        each with its closeness (0..100), among the allowed intents' (all when None)."""
        keys, where = self._among(allowed)
        scored: dict[int, float] = {}
        for text in heard:
            query = self.sound(text)
            if not query:
                continue
            for _key, score, found in process.extract(query, keys, scorer=fuzz.ratio, limit=k):
                index = where[found] if where is not None else found
                scored[index] = max(score, scored.get(index, 0.0))
        best = sorted(scored, key=lambda i: -scored[i])[:k]
        return [(self.candidates[i], scored[i]) for i in best]

    def slot_choices(self, heard: Iterable[str], names: Iterable[str], m: int
                     ) -> dict[str, list[str]]:
        """For each slot, the m values that sound most like some part of what was heard:
        a grammar with every place or technique name decodes far too slowly (minutes)."""
        sounds = [self.sound(t) for t in heard]
        out = {}
        for name in names:
            values = self.slot_values.get(name, [])

            def closeness(value: str) -> float:
                said = self.sound(value)
                return max((fuzz.partial_ratio(said, s) for s in sounds if s), default=0.0)

            out[name] = sorted(values, key=closeness, reverse=True)[:m]
        return out

    def _among(self, allowed: frozenset[str] | None):
        keys = self._sounds()
        if allowed is None:
            return keys, None
        if allowed not in self._narrowed:
            where = [i for i, c in enumerate(self.candidates) if c.intent in allowed]
            self._narrowed[allowed] = ([keys[i] for i in where], where)
        return self._narrowed[allowed]

    def _sounds(self) -> list[str]:
        """Each candidate's phones. A slot is heard as one of its values, taken in turn:
        only the shape of the sentence around it has to be near (the grammar then offers
        the values that sound nearest)."""
        if self._keys is None:
            turn = dict.fromkeys(self.slot_values, 0)
            self._keys = []
            for candidate in self.candidates:
                filled = []
                for word in candidate.words:
                    slot = _SLOT.match(word)
                    if slot and self.slot_values.get(slot.group(1)):
                        values = self.slot_values[slot.group(1)]
                        filled.append(values[turn[slot.group(1)] % len(values)])
                        turn[slot.group(1)] += 1
                    elif not slot:
                        filled.append(word)
                self._keys.append(self.sound(" ".join(filled)))
        return self._keys


# A word's spoken form, remembered: an index asks for every word of every expanded template
# (an index of every intent: 400,000 words, a few thousand different; 5 s -> 1.4 s).
_word_spoken = functools.lru_cache(maxsize=None)(spoken_form)


class SentenceSounds:
    """Whole sentences as the command grammar has them (slots filled), by how they sound:
    how near the nearest one is to what was heard. Built from the grammar's sentences, kept
    on disk (grammar_cache), in a fraction of the time a PhoneticIndex of the same intents
    takes: it never offers them to a decoder, so it needs no slots."""

    def __init__(self, sentences: dict[str, list[str]], sound: Callable[[str], str]) -> None:
        self._sound = sound
        self._keys: list[str] = []
        self._owners: list[str] = []
        for intent, said in sentences.items():
            for sentence in said:
                self._keys.append(sound(sentence))
                self._owners.append(intent)
        self._narrowed: dict[frozenset[str], list[str]] = {}

    def nearest(self, heard: Iterable[str], allowed: frozenset[str] | None = None,
                cutoff: float = 0.0) -> float | None:
        """The closeness (0..100) of the sentence nearest in sound to any of the heard word
        strings, among the allowed intents' (all when None); None when none is cutoff near."""
        if allowed is None:
            keys = self._keys
        else:
            if allowed not in self._narrowed:
                self._narrowed[allowed] = [k for k, owner in zip(self._keys, self._owners,
                                                                  strict=True) if owner in allowed]
            keys = self._narrowed[allowed]
        best = None
        for text in heard:
            query = self._sound(text)
            found = process.extractOne(query, keys, scorer=fuzz.ratio,
                                       score_cutoff=max(cutoff, best or 0.0)) if query else None
            if found is not None:
                best = found[1]
        return best


def _spoken_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The sentence as said, and contracted ("i am" -> "i'm") when that differs."""
    plain = []
    for word in words:
        plain.extend([word] if _SLOT.match(word) else _word_spoken(word).split())
    text = " ".join(plain)
    forms = [tuple(plain)]
    short = contracted(text)
    if short != text:
        forms.append(tuple(short.split()))
    return forms


def slots_of(candidates: Iterable[Candidate]) -> set[str]:
    return {m.group(1) for c in candidates for w in c.words if (m := _SLOT.match(w))}


def jsgf(candidates: list[Candidate], slot_values: dict[str, list[str]],
         own_words: Iterable[str] = ()) -> str:
    """A JSGF grammar that says exactly these candidates, or one of the heard word strings."""
    rules, slots_used = [], set()
    for candidate in candidates:
        parts = []
        for word in candidate.words:
            slot = _SLOT.match(word)
            if slot:
                slots_used.add(slot.group(1))
                parts.append(f"<slot_{slot.group(1)}>")
            else:
                parts.append(word)
        rules.append(" ".join(parts))
    rules.extend(t for t in own_words if t)
    body = " | ".join(f"( {r} )" for r in dict.fromkeys(rules))
    lines = ["#JSGF V1.0;", "grammar rescore;", f"public <said> = {body};"]
    for name in sorted(slots_used):
        values = " | ".join(f"( {v} )" for v in dict.fromkeys(slot_values.get(name, [])))
        lines.append(f"<slot_{name}> = {values or '<VOID>'};")
    return "\n".join(lines) + "\n"
