"""Safety rules that always hold, whatever the data files say.

- Place gates (the contract): on a walk or in a car never stare, eyes-closed breathwork, yoga,
  journal, old_photos or sad_story; in the shower no screens and slow breathing only.
- Connected (fast) breathing only lying down (in bed), after the spoken health check.
- Crisis lines by country, from prompts/crisis_lines.yaml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.data import data_dir, load_yaml, problem
from assistant.techniques import Technique

ON_THE_MOVE = frozenset({"walk", "car"})
BANNED_ON_THE_MOVE = frozenset(
    {"stare", "breathwork", "yoga", "journal", "old_photos", "sad_story"}
)
# Only slow breathing and no screens in the shower.
SCREEN_NEEDS = frozenset({"screen"})
# Connected breathing needs the person lying down; of the places, only bed guarantees that.
LYING_DOWN_PLACES = frozenset({"bed"})


def technique_allowed(technique: Technique, place: str | None) -> bool:
    """May this technique start here? Unknown place: only what is safe everywhere it is listed."""
    if place is None:
        # Nothing is known yet: allow only what is safe even on the move.
        return technique.id not in BANNED_ON_THE_MOVE and "screen" not in technique.needs
    if place in ON_THE_MOVE and technique.id in BANNED_ON_THE_MOVE:
        return False
    if place == "shower" and SCREEN_NEEDS & set(technique.needs):
        return False
    if place in ON_THE_MOVE and {"eyes_closed", "lying_down"} & set(technique.needs):
        return False
    return place in technique.places


def connected_breathing_allowed(place: str | None, health_clear: bool | None) -> bool:
    """Fast, connected breathing: lying down, and only after a clear 'no' to the health check."""
    return place in LYING_DOWN_PLACES and health_clear is True


@dataclass(frozen=True)
class CrisisLine:
    country: str
    line: str
    emergency: str


@lru_cache(maxsize=1)
def _crisis_table(path: Path | None = None) -> dict:
    path = path or data_dir("prompts") / "crisis_lines.yaml"
    table = load_yaml(path)
    if not isinstance(table, dict) or "countries" not in table:
        raise problem(path, table, "needs 'default' and 'countries'")
    return table


def crisis_line(country: str | None = None) -> CrisisLine:
    """The crisis line for a country code (US default; EU members get 112)."""
    table = _crisis_table()
    code = (country or os.environ.get("LETITOUT_COUNTRY") or table["default"]).upper()
    code = {"UK": "GB"}.get(code, code)
    countries = table["countries"]
    if code not in countries and code in table.get("eu_members", []):
        code_entry = countries["EU"]
    else:
        code_entry = countries.get(code) or countries[table["default"]]
        if code not in countries:
            code = table["default"]
    return CrisisLine(code, code_entry["line"], code_entry["emergency"])


def known_country(country: str) -> bool:
    table = _crisis_table()
    code = {"UK": "GB"}.get(country.upper(), country.upper())
    return code in table["countries"] or code in table.get("eu_members", [])
