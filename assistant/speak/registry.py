"""Which voices work here, the default one, and loading a voice with a fallback that speaks.

A missing or broken voice never leaves the person in silence: ``load_voice`` reports one
clear line through ``warn`` and hands back the most natural voice that does work.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from assistant.errors import LetitoutError
from assistant.speak.engines import ENGINE_CLASSES
from assistant.speak.profiles import VoiceProfile, load_profile, profile_files
from assistant.speak.voice import Voice, VoiceInfo

_LOADED: dict[str, Voice] = {}
_BROKEN: dict[str, str] = {}  # name -> why it does not load (tried once per process)
_LOCK = threading.RLock()


def _profiles(warn: Callable[[str], None] | None = None) -> list[VoiceProfile]:
    """Every readable profile, most natural first; a broken file is reported, not fatal."""
    profiles = []
    for path in profile_files():
        try:
            profiles.append(load_profile(path))
        except LetitoutError as exc:
            if warn:
                warn(str(exc))
    return sorted(profiles, key=lambda p: (-p.naturalness, p.name))


def _profile_for_path(path: Path) -> VoiceProfile:
    """``--voice some/model.onnx`` or ``--voice my-voice.yaml``: a voice outside voices/."""
    if path.suffix == ".onnx":
        return VoiceProfile(name=path.stem, engine="piper", voice=str(path), path=path,
                            description=f"Piper model {path.name}")
    return load_profile(path)


def _try_load(profile: VoiceProfile) -> tuple[Voice | None, str]:
    """Load and warm one voice (cached per process); returns (voice, why it failed)."""
    with _LOCK:
        key = str(profile.path or profile.name)
        if key in _LOADED:
            return _LOADED[key], ""
        if key in _BROKEN:
            return None, _BROKEN[key]
        try:
            voice = ENGINE_CLASSES[profile.engine](profile)
            voice.warm()
        except Exception as exc:  # any engine failure means: fall back to a voice that works
            why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            _BROKEN[key] = why
            return None, why
        _LOADED[key] = voice
        return voice, ""


def _working(profiles: list[VoiceProfile]) -> list[Voice]:
    return [voice for voice in (_try_load(p)[0] for p in profiles) if voice is not None]


def list_voices(*, warn: Callable[[str], None] | None = None) -> list[VoiceInfo]:
    """Every voice that renders speech here, the default (most natural) one first."""
    voices = _working(_profiles(warn))
    return [
        VoiceInfo(v.name, v.engine, v.profile.description, default=i == 0,
                  naturalness=v.profile.naturalness)
        for i, v in enumerate(voices)
    ]


def load_voice(name: str | None = None, *, warn: Callable[[str], None]) -> Voice:
    """The named voice (a profile name, a profile .yaml or a Piper .onnx), or the default.

    If it is missing or broken, ``warn`` gets one line saying so and what to do, and the most
    natural working voice is returned. Raises LetitoutError only if no voice works at all.
    """
    profiles = _profiles(warn)
    problems: list[str] = []
    if name:
        wanted = next((p for p in profiles if p.name == name), None)
        candidate = Path(name).expanduser()
        if wanted is None and candidate.suffix in (".onnx", ".yaml", ".yml"):
            try:
                wanted = _profile_for_path(candidate)
            except LetitoutError as exc:
                problems.append(str(exc))
        if wanted is not None:
            voice, why = _try_load(wanted)
            if voice is not None:
                return voice
            problems.append(f"voice '{name}' does not work ({why})")
        elif not problems:
            known = ", ".join(p.name for p in profiles) or "none"
            problems.append(f"there is no voice called '{name}' (voices here: {known})")
    for profile in profiles:
        voice, why = _try_load(profile)
        if voice is None:
            problems.append(f"voice '{profile.name}' does not work ({why})")
            continue
        if problems:
            warn("; ".join(problems) + f"; speaking with '{voice.name}' instead "
                 "(see `letitout voices list`)")
        return voice
    raise LetitoutError(
        "no voice works here: " + "; ".join(problems or ["no voice profiles found"])
        + "; install espeak-ng (apt install espeak-ng) and run `letitout doctor`"
    )


def describe_voice(voice: Voice) -> str:
    """One line for the start of a session: which voice is speaking and why."""
    first = next((v for v in map(lambda p: _try_load(p)[0], _profiles()) if v is not None), None)
    natural = ", the most natural voice installed" if first is voice else ""
    return f"voice: {voice.describe()}{natural}"


def default_voice_description(warn: Callable[[str], None] | None = None) -> str:
    """The one-line description of the voice a session would speak with by default."""
    return describe_voice(load_voice(None, warn=warn or (lambda line: None)))
