"""The pronunciation dictionary as a lookup table.

pocketsphinx builds every search over every word of its decoder's dictionary: with the whole
CMU dictionary (134k words) one command search took 0.8 s to make, and four of them were
most of start-up. The command decoders therefore start with no words and are given only the
ones the commands use; this table answers "how is this word said" for everything else.
"""

from __future__ import annotations

from assistant.errors import LetitoutError


class Lexicon:
    """A CMU-format dictionary file ("word PH ONES", variants as "word(2) ..."), read on first
    use (about 0.15 s)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._readings: dict[str, list[str]] | None = None

    def _load(self) -> dict[str, list[str]]:
        if self._readings is None:
            readings: dict[str, list[str]] = {}
            try:
                with open(self.path, encoding="utf-8") as handle:
                    for line in handle:
                        parts = line.split(None, 1)
                        if len(parts) == 2:
                            word, phones = parts[0].split("(", 1)[0], parts[1].strip()
                            readings.setdefault(word, []).append(phones)
            except (OSError, UnicodeDecodeError) as exc:
                raise LetitoutError(
                    f"cannot read the pronunciation dictionary {self.path} ({exc}); "
                    "reinstall pocketsphinx: pip install --force-reinstall pocketsphinx"
                ) from None
            self._readings = readings
        return self._readings

    def readings(self, word: str) -> list[str]:
        """Every pronunciation of the word, the usual one first ([] when unknown)."""
        return self._load().get(word, [])

    def lookup(self, word: str) -> str | None:
        found = self.readings(word)
        return found[0] if found else None
