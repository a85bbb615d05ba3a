"""Where the data folders are, and loading YAML so that every problem names its file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assistant.errors import LetitoutError

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """A data folder (intents, voices, models, prompts): inside the wheel, or the repository."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise LetitoutError(
        f"data folder '{name}' is missing from the installation; reinstall letitout"
    )


class LineDict(dict):
    """A mapping from YAML that remembers the line it started on (1-based)."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            # YAML would silently keep the last one; in hand-written data that is a mistake.
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice", key_node.start_mark)
        seen.add(key)
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, loader: type[yaml.SafeLoader] = _Loader) -> Any:
    """Parse one YAML file; mappings come back as LineDict so later checks can name the line.
    ``loader``: a SafeLoader subclass with other constructors (the templates use one)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LetitoutError(f"{path}: cannot read it ({exc}); check the file") from None
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise LetitoutError(f"{where}: {problem}; fix the YAML there") from None


def problem(path: Path, node: Any, message: str) -> LetitoutError:
    """An error for a data file, with the line of the mapping it concerns when known."""
    line = getattr(node, "line", 0)
    where = f"{path}:{line}" if line else str(path)
    return LetitoutError(f"{where}: {message}")
