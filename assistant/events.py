"""The events log: one small JSON object per line for each thing said, heard or started.

Like Wyoming's events: typed, tiny, and enough to replay what happened in a session.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from assistant.clock import Clock
from assistant.errors import LetitoutError


class Events:
    def __init__(self, clock: Clock, path: str | Path | None = None) -> None:
        self.clock = clock
        self.history: list[dict[str, Any]] = []
        self._listeners: list = []
        self._file: IO[str] | None = None
        if path is not None:
            try:
                self._file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
            except OSError as exc:
                raise LetitoutError(
                    f"cannot write the events file {path}: {exc.strerror}; choose another path"
                ) from None

    def subscribe(self, listener) -> None:
        self._listeners.append(listener)

    def emit(self, type_: str, **fields: Any) -> dict[str, Any]:
        event = {"t": round(self.clock.now(), 3), "type": type_, **fields}
        self.history.append(event)
        if self._file is not None:
            self._file.write(json.dumps(event, ensure_ascii=False) + "\n")
            self._file.flush()
        for listener in self._listeners:
            listener(event)
        return event

    def of_type(self, type_: str) -> list[dict[str, Any]]:
        return [e for e in self.history if e["type"] == type_]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
