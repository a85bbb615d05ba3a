"""Pronunciations for words the recogniser's dictionary lacks.

A word missing from the dictionary must never stop the recogniser from starting. We first try
to split it into dictionary words ("letitout" -> let it out, "selfcompassion" -> self
compassion); otherwise we ask espeak-ng for its phonemes and map them to CMU phones.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterable

# espeak-ng's ASCII phoneme names (`espeak-ng -x`, English voices) -> CMU/ARPAbet phones.
ESPEAK_TO_CMU: dict[str, str] = {
    # vowels and diphthongs
    "a": "AE", "aa": "AE", "a#": "AH", "A:": "AA", "A": "AA", "A@": "AA R", "@": "AH",
    "@2": "AH", "@5": "AH", "@L": "AH L", "@-": "AH", "3": "ER", "3:": "ER", "aI": "AY",
    "aI@": "AY ER", "aI3": "AY ER", "aU": "AW", "aU@": "AW ER", "aU3": "AW ER", "E": "EH",
    "e@": "EH R", "eI": "EY", "e": "EH", "i": "IY", "i:": "IY", "i@": "IY R", "i@3": "IY R",
    "I": "IH", "I2": "IH", "I#": "IH", "0": "AA", "O": "AO", "O:": "AO", "O@": "AO R",
    "o@": "AO R", "OI": "OY", "oU": "OW", "o": "OW", "U": "UH", "U@": "UH R", "u:": "UW",
    "u": "UW", "V": "AH", "IR": "IH R", "VR": "ER",
    # consonants
    "p": "P", "b": "B", "t": "T", "d": "D", "k": "K", "g": "G", "f": "F", "v": "V",
    "s": "S", "z": "Z", "h": "HH", "m": "M", "n": "N", "l": "L", "r": "R", "w": "W",
    "j": "Y", "T": "TH", "D": "DH", "S": "SH", "Z": "ZH", "tS": "CH", "dZ": "JH", "N": "NG",
    "x": "K", "?": "T", "r-": "R", "n-": "N", "l-": "L", "m-": "M", "t#": "T", "d#": "D",
}  # fmt: skip

_IGNORED = set("'%,=_|!") | {" "}
_LONGEST = max(len(k) for k in ESPEAK_TO_CMU)


def espeak_to_cmu(phonemes: str) -> list[str]:
    """Map one word's espeak-ng `-x` phoneme string to a list of CMU phones."""
    text = "".join(ch for ch in phonemes if ch not in _IGNORED)
    phones: list[str] = []
    i = 0
    while i < len(text):
        for size in range(min(_LONGEST, len(text) - i), 0, -1):
            chunk = text[i : i + size]
            if chunk in ESPEAK_TO_CMU:
                phones.extend(ESPEAK_TO_CMU[chunk].split())
                i += size
                break
        else:
            i += 1  # a mark we do not model (e.g. '#', ':'); skip it
    return phones


def espeak_phonemes(words: list[str], voice: str = "en-us") -> list[str] | None:
    """espeak-ng phoneme strings, one per word; None when espeak-ng is not installed."""
    exe = shutil.which("espeak-ng") or shutil.which("espeak")
    if exe is None or not words:
        return None
    # One word per line keeps the output aligned with the input.
    try:
        out = subprocess.run(
            [exe, "-q", "-x", "-v", voice],
            input="\n".join(w.replace("'", "") for w in words),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    if len(lines) != len(words):
        return None
    return lines


def split_compound(word: str, known: Callable[[str], bool], max_parts: int = 4) -> list[str] | None:
    """Split a word into the fewest dictionary words (letitout -> let it out), or None."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(end):
            prefix = best[start]
            piece = word[start:end]
            if prefix is None or len(prefix) >= max_parts:
                continue
            # single letters other than "a"/"i" make absurd splits
            if len(piece) == 1 and piece not in ("a", "i"):
                continue
            if known(piece) and (best[end] is None or len(prefix) + 1 < len(best[end])):
                best[end] = prefix + [piece]
    parts = best[n]
    return parts if parts and len(parts) > 1 else None


def pronounce_missing(
    words: Iterable[str],
    lookup: Callable[[str], str | None],
) -> dict[str, str]:
    """Pronunciations (space-separated CMU phones) for words `lookup` does not know."""
    result: dict[str, str] = {}
    pending: list[str] = []
    for word in sorted(set(words)):
        plain = re.sub(r"[^a-z']", "", word.lower())
        parts = split_compound(plain.replace("'", ""), lambda w: lookup(w) is not None, 2)
        if parts:
            result[word] = " ".join(lookup(p) or "" for p in parts).strip()
        else:
            pending.append(word)
    if pending:
        spoken = espeak_phonemes(pending)
        for i, word in enumerate(pending):
            phones = espeak_to_cmu(spoken[i]) if spoken else []
            if not phones:
                parts = split_compound(word.replace("'", ""), lambda w: lookup(w) is not None)
                phones = " ".join(lookup(p) or "" for p in parts).split() if parts else []
            if not phones:
                phones = _letters_fallback(word)
            result[word] = " ".join(phones)
    return result


# Last resort when espeak-ng is missing: a crude letter-to-phone guess (never crash).
_LETTERS = {
    "a": "AE", "b": "B", "c": "K", "d": "D", "e": "EH", "f": "F", "g": "G", "h": "HH",
    "i": "IH", "j": "JH", "k": "K", "l": "L", "m": "M", "n": "N", "o": "AA", "p": "P",
    "q": "K", "r": "R", "s": "S", "t": "T", "u": "AH", "v": "V", "w": "W", "x": "K S",
    "y": "Y", "z": "Z",
}  # fmt: skip


def _letters_fallback(word: str) -> list[str]:
    phones = []
    for ch in word.lower():
        phones.extend(_LETTERS.get(ch, "").split())
    return phones or ["AH"]


def spelled_readings(words: Iterable[str], lookup: Callable[[str], str | None]) -> dict[str, str]:
    """Second pronunciations for dictionary words with no vowel letter ("mhm", "hmm", "shh"):
    speech synthesisers (espeak-ng, and Piper through espeak-ng's phonemiser) read them
    letter by letter ("em aitch em"), where a person hums. Keyed by the word."""
    plain = sorted(w for w in set(words) if re.fullmatch(r"[b-df-hj-np-tv-xz]+", w)
                   and lookup(w) is not None)
    spoken = espeak_phonemes(plain)
    found = {}
    for word, phonemes in zip(plain, spoken or [], strict=False):
        phones = " ".join(espeak_to_cmu(phonemes))
        if phones and phones != lookup(word):
            found[word] = phones
    return found


# The pace and volume commands' comparatives as a speaker who drops a final r says them
# (British, Caribbean, Australian...): espeak-ng's Caribbean voice's open final schwa in
# "faster" was heard "fast up", "softer" "soft up", "louder" "lower up" (no command). A reading
# ending in AH beside the ER one: unseen voices 86.8 -> 87.2% right, 4.7 -> 4.3% wrong
# (bench/unseen_voices.py's clips). The same for every word with a final r gave as many more
# wrong intents as right ones ("bit" heard "breather"), so only these words.
NON_RHOTIC = frozenset("faster slower quicker louder quieter softer lower".split())


def non_rhotic_readings(word: str, readings: list[str]) -> list[str]:
    """Readings of a NON_RHOTIC word without its final r ("F AE S T ER" -> "F AE S T AH")."""
    if word not in NON_RHOTIC:
        return []
    found = [r[: -len("ER")] + "AH" for r in readings if r.endswith(" ER")]
    return [r for r in found if r not in readings]
