"""Voice profiles from voices/*.yaml: which engine and voice, and how it speaks in each context.

A profile is data: engine, voice, rate, volume, the pause after a sentence, the planned
narration pace, and per-context variants keyed by ``Say.style`` (default, shower, breath, walk).
Every problem names the file and line, so a person editing a profile knows where to look.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.data import data_dir, load_yaml, problem

ENGINES = ("piper", "espeak")
STYLES = ("default", "shower", "breath", "walk")
MIN_RATE = 0.9  # below about 0.9x a synthetic voice starts to sound broken
MAX_RATE = 1.5

# Settings a context may override, with the range each must fall in.
_RANGES: dict[str, tuple[float, float]] = {
    "rate": (MIN_RATE, MAX_RATE),
    "volume": (0.0, 1.5),
    "sentence_pause": (0.0, 3.0),
    "words_per_minute": (60.0, 200.0),
}
_DEFAULTS = {"rate": 1.0, "volume": 0.8, "sentence_pause": 0.35, "words_per_minute": 100.0}
_TOP_KEYS = {"engine", "voice", "description", "naturalness", "options", "contexts", *_RANGES}


@dataclass(frozen=True)
class Style:
    """How a voice speaks in one context."""

    rate: float = 1.0
    volume: float = 0.8
    sentence_pause: float = 0.35
    words_per_minute: float = 100.0


@dataclass(frozen=True)
class VoiceProfile:
    name: str
    engine: str
    voice: str  # espeak voice id, or a Piper model ("package:path" or a file path)
    description: str = ""
    naturalness: int = 0
    options: dict[str, Any] = field(default_factory=dict)
    base: Style = Style()
    contexts: dict[str, Style] = field(default_factory=dict)
    path: Path | None = None

    def style(self, name: str = "default") -> Style:
        """The settings for a Say.style; an unknown style speaks as the default."""
        return self.contexts.get(name, self.base)


def _number(path: Path, node: Any, key: str, value: Any) -> float:
    low, high = _RANGES[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise problem(path, node, f"'{key}' must be a number, not {value!r}")
    if not low <= float(value) <= high:
        hint = " (slowed voices sound broken)" if key == "rate" and value < low else ""
        raise problem(path, node, f"'{key}' is {value}; use {low:g} to {high:g}{hint}")
    return float(value)


def _style(path: Path, node: Any, base: Style) -> Style:
    unknown = sorted(set(node) - set(_RANGES))
    if unknown:
        raise problem(path, node, f"unknown setting '{unknown[0]}'; use {', '.join(_RANGES)}")
    return replace(base, **{key: _number(path, node, key, node[key]) for key in node})


def profile_from_mapping(path: Path, node: Any) -> VoiceProfile:
    """Check one parsed profile and build it; the name is the file name without .yaml."""
    if not isinstance(node, dict):
        raise problem(path, node, "a voice profile must be a mapping (engine: ..., voice: ...)")
    unknown = sorted(set(node) - _TOP_KEYS)
    if unknown:
        raise problem(path, node, f"unknown key '{unknown[0]}'; use {', '.join(sorted(_TOP_KEYS))}")
    engine = node.get("engine")
    if engine not in ENGINES:
        raise problem(path, node, f"'engine' is {engine!r}; it must be one of {', '.join(ENGINES)}")
    voice = node.get("voice")
    if not isinstance(voice, str) or not voice.strip():
        raise problem(path, node, "'voice' must name the engine's voice or model")
    options = node.get("options") or {}
    if not isinstance(options, dict):
        raise problem(path, node, "'options' must be a mapping")
    naturalness = node.get("naturalness", 0)
    if isinstance(naturalness, bool) or not isinstance(naturalness, int):
        raise problem(path, node, f"'naturalness' must be a whole number, not {naturalness!r}")
    base = Style(**{
        key: _number(path, node, key, node[key]) if key in node else _DEFAULTS[key]
        for key in _RANGES
    })
    contexts_node = node.get("contexts") or {}
    if not isinstance(contexts_node, dict):
        raise problem(path, node, "'contexts' must map a style (shower, breath, walk) to settings")
    contexts: dict[str, Style] = {}
    for style_name, style_node in contexts_node.items():
        if style_name not in STYLES:
            raise problem(path, contexts_node,
                          f"unknown context '{style_name}'; use {', '.join(STYLES)}")
        if not isinstance(style_node, dict):
            raise problem(path, contexts_node, f"context '{style_name}' must be a mapping")
        contexts[style_name] = _style(path, style_node, base)
    return VoiceProfile(
        name=path.stem, engine=engine, voice=voice.strip(),
        description=str(node.get("description") or ""), naturalness=naturalness,
        options=dict(options), base=base, contexts=contexts, path=path,
    )


def load_profile(path: Path) -> VoiceProfile:
    return profile_from_mapping(path, load_yaml(path))


def profile_files(folder: Path | None = None) -> list[Path]:
    folder = folder if folder is not None else data_dir("voices")
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))
