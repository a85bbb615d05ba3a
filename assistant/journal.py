"""Spoken journal letters: kept only when the person asks, as private files on this device.

Letters live in the user data directory (or $LETITOUT_DATA_DIR), one file each, mode 0600.
They are never written to logs or events.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import platformdirs

from assistant.errors import LetitoutError


def journal_dir() -> Path:
    base = os.environ.get("LETITOUT_DATA_DIR") or platformdirs.user_data_dir("letitout")
    return Path(base) / "journal"


def save(text: str) -> Path:
    """Write a letter privately; the file is created 0600 before any text goes into it."""
    directory = journal_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = time.strftime("%Y-%m-%d_%H%M%S")
    path = directory / f"{stamp}.txt"
    n = 1
    while path.exists():
        n += 1
        path = directory / f"{stamp}_{n}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text.strip() + "\n")
    return path


def entries() -> list[Path]:
    directory = journal_dir()
    return sorted(directory.glob("*.txt")) if directory.is_dir() else []


def find(name: str) -> Path:
    for path in entries():
        if name in (path.name, path.stem):
            return path
    raise LetitoutError(f"no journal letter named '{name}'; see `letitout journal list`")


def show(name: str) -> str:
    return find(name).read_text(encoding="utf-8")


def delete(name: str) -> Path:
    path = find(name)
    path.unlink()
    return path
