"""The grammar sentences of each intent, and the command language models made from them,
kept on disk between runs.

Expanding the templates into the sentences the command language model learns from was most
of start-up (make_recognizer 8.3 s with pocketsphinx; 2.3 s with the sentences read back).
They depend only on the intents folder and the code, so they are stored under the models
cache with a digest of both in the name: any edit to a template, a list or the code gives a
new file. Only template text is stored, never anything a person said. A file that cannot be
read or written is simply made again: it is an optimisation, never a reason to fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

CODE = Path(__file__).resolve().parents[1]  # the assistant package
KEEP = 4  # grammar files kept (the newest): every edit of the code or the intents makes one
KEEP_MODELS = 32  # command language models kept (one per set of intents listened for)


def digest(source: Path) -> str:
    """A digest of every file in the intents folder and every module of the assistant."""
    sha = hashlib.sha256()
    for root in (Path(source), CODE):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if path.suffix == ".pyc" or "__pycache__" in path.parts:
                continue
            sha.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()[:16]


def cache_path(source: Path) -> Path | None:
    """Where this intents folder's sentences are kept, or None when the folder cannot be read."""
    from assistant.listen.models import cache_dir

    try:
        return cache_dir() / f"grammar-{digest(source)}.json"
    except OSError:
        return None


def load(path: Path | None) -> dict[str, list[str]]:
    """{intent: sentences} stored at path; {} when missing, unreadable or not such a file."""
    if path is None:
        return {}
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or not all(
            isinstance(v, list) and all(isinstance(s, str) for s in v) for v in stored.values()):
        return {}
    return stored


def save(path: Path | None, sentences: dict[str, list[str]]) -> None:
    """The sentences at path; failures ignored."""
    if path is not None:
        _place(path, lambda part: part.write_text(json.dumps(sentences), encoding="utf-8"),
               "grammar-*.json", KEEP)


def model_path(source: Path, intents: frozenset[str] | None, engine: str) -> Path | None:
    """Where the command language model of these intents is kept (engine: the recogniser and
    its version, which the model's format depends on), or None."""
    grammar = cache_path(source)
    if grammar is None:
        return None
    listened = "all" if intents is None else " ".join(sorted(intents))
    label = hashlib.sha256(f"{listened}\0{engine}".encode()).hexdigest()[:12]
    return grammar.with_name(f"{grammar.stem}-lm-{label}.arpa")


def stored_model(path: Path | None) -> Path | None:
    """path when it holds a whole ARPA model (its data header and its end mark), else None."""
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)  # pocketsphinx's writer puts a comment line first
            handle.seek(max(0, path.stat().st_size - 64))
            tail = handle.read()
    except OSError:
        return None
    return path if b"\\data\\\n" in head and tail.rstrip().endswith(b"\\end\\") else None


def keep_model(made: str, path: Path | None) -> None:
    """A copy of the model just made, at path; failures ignored."""
    if path is not None:
        _place(path, lambda part: shutil.copyfile(made, part), "grammar-*.arpa", KEEP_MODELS)


def _place(path: Path, write, kind: str, keep: int) -> None:
    """write(part) aside, then renamed to path (a second process never reads half a file);
    only the newest `keep` files of this kind stay. Failures are ignored: a file not kept is
    made again next time."""
    part = path.with_suffix(f".part{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(part)
        os.replace(part, path)
        older = sorted(path.parent.glob(kind), key=lambda p: p.stat().st_mtime)
        for stale in older[:-keep]:
            stale.unlink(missing_ok=True)
    except OSError:
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass
