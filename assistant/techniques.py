"""The technique catalogue: one YAML file per technique in intents/techniques/.

Each file is checked at load; a problem stops start-up with the file, line and what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.data import data_dir, load_yaml, problem
from assistant.narration import BREATH_PATTERNS

TECHNIQUE_IDS = (
    "set_the_scene", "reflect", "journal", "music", "sad_story", "old_photos", "gratitude",
    "self_compassion", "breathwork", "stare", "yawn", "workout", "yoga", "walk", "shower",
    "confide", "professional_help",
)
PLACES = ("shower", "walk", "bed", "home", "car")
FIELDS = frozenset({"id", "title", "names", "places", "needs", "minutes", "sources", "explain",
                    "intro", "steps", "connected_steps", "caution", "keywords"})
NEEDS = ("eyes_closed", "screen", "lying_down", "privacy", "another_person", "writing",
         "moving", "music_player")


@dataclass(frozen=True)
class Step:
    say: str
    rest: float = 0.0  # seconds of quiet after speaking (scaled by "slower"/"faster")
    ask: bool = False  # waits for the person to answer or say "next"
    breath: tuple[str, int] | None = None  # (pattern, cycles)
    dictation: bool = False  # free speech wanted (a spoken journal letter)
    patient: bool = False  # the person is busy (a song, a call, a walk): no reminder, just wait
    only_in: tuple[str, ...] = ()  # spoken only in these places ("step into the shower": home)


@dataclass(frozen=True)
class Technique:
    id: str
    title: str
    names: tuple[str, ...]
    places: tuple[str, ...]
    needs: tuple[str, ...]
    minutes: tuple[int, int]
    sources: tuple[str, ...]
    explain: str
    intro: str
    steps: tuple[Step, ...]
    # Connected (fast) breathing: used only lying down after the health check; see safety.py.
    connected_steps: tuple[Step, ...] = field(default=())
    caution: str = ""
    # Words that point at it when it is described rather than named ("keeping my eyes open
    # without blinking"): understand.py reads them only in a request that nothing else read.
    keywords: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "id": self.id, "title": self.title, "places": list(self.places),
            "steps": len(self.steps), "sources": list(self.sources), "names": list(self.names),
            "needs": list(self.needs), "minutes": list(self.minutes),
        }


def _text(path: Path, node: dict, key: str, required: bool = True) -> str:
    value = node.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise problem(path, node, f"'{key}' must be a non-empty text")
    return " ".join(value.split())


def _list(path: Path, node: dict, key: str, allowed=None, required=True) -> tuple[str, ...]:
    value = node.get(key, None if required else [])
    if not isinstance(value, list) or (required and not value):
        raise problem(path, node, f"'{key}' must be a non-empty list")
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise problem(path, node, f"every entry of '{key}' must be a text")
        if allowed is not None and item not in allowed:
            raise problem(path, node, f"'{item}' in '{key}' is not one of {', '.join(allowed)}")
        out.append(item.strip())
    return tuple(out)


def _steps(path: Path, node: dict, key: str, required: bool = True) -> tuple[Step, ...]:
    raw = node.get(key, None if required else [])
    if not isinstance(raw, list) or (required and len(raw) < 3):
        raise problem(path, node, f"'{key}' must be a list of at least 3 steps")
    steps = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise problem(path, node, f"each entry of '{key}' must be a mapping with 'say'")
        unknown = set(entry) - {"say", "rest", "ask", "breath", "dictation", "patient",
                                  "only_in"}
        if unknown:
            raise problem(path, entry, f"unknown step field '{sorted(unknown)[0]}'")
        rest = entry.get("rest", 0)
        if not isinstance(rest, int | float) or rest < 0 or rest > 600:
            raise problem(path, entry, "'rest' must be seconds between 0 and 600")
        breath = entry.get("breath")
        if breath is not None:
            if (not isinstance(breath, dict) or breath.get("pattern") not in BREATH_PATTERNS
                    or not isinstance(breath.get("cycles"), int) or breath["cycles"] < 1):
                raise problem(path, entry, "'breath' needs a known 'pattern' "
                              f"({', '.join(BREATH_PATTERNS)}) and whole 'cycles' (1 or more)")
            breath = (breath["pattern"], breath["cycles"])
        steps.append(Step(say=_text(path, entry, "say"), rest=float(rest),
                          ask=bool(entry.get("ask", False)), breath=breath,
                          dictation=bool(entry.get("dictation", False)),
                          patient=bool(entry.get("patient", False)),
                          only_in=_list(path, entry, "only_in", PLACES, required=False)))
    return tuple(steps)


def load_technique(path: Path) -> Technique:
    node = load_yaml(path)
    if not isinstance(node, dict):
        raise problem(path, None, "a technique file must be a mapping with id, title and steps")
    unknown = set(node) - FIELDS
    if unknown:  # a misspelt field would otherwise be dropped without a word
        raise problem(path, node, f"unknown field '{sorted(unknown)[0]}'")
    tid = _text(path, node, "id")
    if tid not in TECHNIQUE_IDS:
        raise problem(path, node, f"unknown technique id '{tid}'")
    if path.stem != tid:
        raise problem(path, node, f"the file name must be the id: rename it to {tid}.yaml")
    minutes = node.get("minutes")
    if (not isinstance(minutes, list) or len(minutes) != 2
            or not all(isinstance(m, int) and m > 0 for m in minutes) or minutes[0] > minutes[1]):
        raise problem(path, node, "'minutes' must be [least, most] whole minutes")
    return Technique(
        id=tid,
        title=_text(path, node, "title"),
        names=_list(path, node, "names"),
        places=_list(path, node, "places", PLACES),
        needs=_list(path, node, "needs", NEEDS, required=False),
        minutes=(minutes[0], minutes[1]),
        sources=_list(path, node, "sources"),
        explain=_text(path, node, "explain"),
        intro=_text(path, node, "intro"),
        steps=_steps(path, node, "steps"),
        connected_steps=_steps(path, node, "connected_steps", required=False),
        caution=_text(path, node, "caution", required=False),
        keywords=_list(path, node, "keywords", required=False),
    )


class Catalogue:
    def __init__(self, techniques: dict[str, Technique]) -> None:
        self._by_id = techniques

    @classmethod
    def load(cls, directory: Path | None = None) -> Catalogue:
        directory = directory or data_dir("intents") / "techniques"
        found = {}
        for path in sorted(directory.glob("*.yaml")):
            technique = load_technique(path)
            found[technique.id] = technique
        missing = [t for t in TECHNIQUE_IDS if t not in found]
        if missing and directory == data_dir("intents") / "techniques":
            raise problem(directory, None, f"technique files missing: {', '.join(missing)}")
        return cls(found)

    def __getitem__(self, tid: str) -> Technique:
        return self._by_id[tid]

    def __contains__(self, tid: object) -> bool:
        return tid in self._by_id

    def __iter__(self):
        return iter(self._by_id[t] for t in TECHNIQUE_IDS if t in self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def names(self) -> dict[str, tuple[str, ...]]:
        """Every name people use for each technique, for the understanding's slot list."""
        return {t.id: (t.title.lower(), *t.names) for t in self}

    def keywords(self) -> dict[str, tuple[str, ...]]:
        """The words that point at each technique when it is described (see Technique)."""
        return {t.id: t.keywords for t in self}


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return Catalogue.load()
