"""A phrase book: the simplest understander, exact phrases per intent, in any language.

It serves where the template understander (English) cannot: the Korean vosk model in the
tests, or a person's own short command list. Same interface the recognisers use.
"""

from __future__ import annotations

from collections.abc import Collection

from assistant.listen.grammar import spoken_form


class PhraseBook:
    def __init__(self, phrases: dict[str, list[str]]) -> None:
        self._phrases = {intent: [spoken_form(p) for p in items] for intent, items in
                         phrases.items()}
        self.intent_names = list(self._phrases)
        self._lookup = {p: intent for intent, items in self._phrases.items() for p in items}

    def sentences(self, intents: Collection[str] | None = None) -> list[str]:
        wanted = set(intents) if intents is not None else set(self._phrases)
        return [p for intent, items in self._phrases.items() if intent in wanted for p in items]

    def templates(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self._phrases.items()}

    def slot_values(self) -> dict[str, list[str]]:
        return {}

    def vocabulary(self) -> set[str]:
        return {w for items in self._phrases.values() for p in items for w in p.split()}

    def parse(self, text: str, allowed: Collection[str] | None = None, clauses: bool = True,
              closeness: bool = True, typed: bool = True):
        """The phrase's intent, or null. clauses, closeness, typed: as Understander.parse (a
        phrase book has whole phrases only and no nearness, so they are not used)."""
        from assistant.understand import Intent

        intent = self._lookup.get(spoken_form(text))
        if intent is None or (allowed is not None and intent not in allowed):
            return Intent(None, {}, 1.0 if not text.strip() else 0.0, text)
        return Intent(intent, {}, 1.0, text)

    snap = parse

    def may_read_whole(self, text: str, allowed: Collection[str] | None = None) -> bool:
        return True  # (Understander's asks before a costly parse; this parse is a lookup)
