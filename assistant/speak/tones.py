"""Breath cue tones made in code, so a person can follow with eyes closed.

Each phase has its own pitch and shape: "in" rises, "out" falls and lingers, "hold" is a soft
steady note, "chime" a bell-like partial pair. Raised-cosine attack and release start and end
every tone at exactly zero, so there are no clicks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@dataclass(frozen=True)
class ToneSpec:
    start_hz: float
    end_hz: float  # a glide from start_hz to end_hz gives the tone its direction
    seconds: float
    attack: float  # seconds of the raised-cosine fade in (>= 30 ms: no click)
    release: float  # seconds of the raised-cosine fade out
    level: float  # peak amplitude, 0..1
    overtone: float = 0.15  # relative level of the octave above: a warmer sound than a bare sine
    overtone_ratio: float = 2.0


TONES: dict[str, ToneSpec] = {
    "in": ToneSpec(392.00, 523.25, 0.55, attack=0.12, release=0.20, level=0.30),
    "hold": ToneSpec(659.25, 659.25, 0.30, attack=0.04, release=0.18, level=0.20),
    "out": ToneSpec(523.25, 349.23, 0.80, attack=0.05, release=0.45, level=0.30),
    "chime": ToneSpec(784.00, 784.00, 1.20, attack=0.03, release=1.00, level=0.25,
                      overtone=0.35, overtone_ratio=2.76),
}


def _ramp(n: int) -> np.ndarray:
    """Raised cosine from exactly 0 to exactly 1 over n samples."""
    return (0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, n))) if n > 1 else np.ones(max(n, 0))


@lru_cache(maxsize=32)
def _tone(phase: str, sample_rate: int) -> np.ndarray:
    spec = TONES[phase]
    n = int(round(spec.seconds * sample_rate))
    t = np.arange(n) / sample_rate
    # Frequency glides along a gentle exponential path; phase is the running integral.
    hz = spec.start_hz * (spec.end_hz / spec.start_hz) ** (t / spec.seconds)
    angle = 2 * np.pi * np.cumsum(hz) / sample_rate
    wave = np.sin(angle) + spec.overtone * np.sin(spec.overtone_ratio * angle)
    envelope = np.ones(n)
    attack, release = int(spec.attack * sample_rate), int(spec.release * sample_rate)
    envelope[:attack] = _ramp(attack)
    envelope[n - release:] = _ramp(release)[::-1]
    tone = wave * envelope
    tone *= spec.level / max(float(np.max(np.abs(tone))), 1e-9)
    tone = tone.astype(np.float32)
    tone.setflags(write=False)
    return tone


def tone(phase: str, sample_rate: int) -> np.ndarray:
    """The cue for a breath phase (in, hold, out) or a chime, float32 mono; unknown -> chime."""
    return _tone(phase if phase in TONES else "chime", int(sample_rate))


def tone_seconds(phase: str) -> float:
    return TONES.get(phase, TONES["chime"]).seconds
