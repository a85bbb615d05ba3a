"""bench/other_noise.py: the second set of noise generators measures what the first cannot
(the adapted model heard the first one), so it must give what its docstring says."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import other_noise  # noqa: E402

RATE = 16000


def _share_below(x: np.ndarray, hz: float) -> float:
    power = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / RATE)
    return float(power[freqs < hz].sum() / power.sum())


@pytest.mark.parametrize("kind", other_noise.KINDS)
def test_each_kind_is_unit_level_and_repeatable(kind):
    first = other_noise.make(kind, 4 * RATE, np.random.default_rng(1))
    again = other_noise.make(kind, 4 * RATE, np.random.default_rng(1))
    assert first.shape == (4 * RATE,)
    assert np.isfinite(first).all()
    assert abs(first.std() - 1) < 1e-6 and abs(first.mean()) < 1e-6
    assert np.array_equal(first, again)  # the same draw gives the same noise


def test_wind_rumbles_low_and_a_shower_hisses_high():
    rng = np.random.default_rng(2)
    assert _share_below(other_noise.make("wind", 8 * RATE, rng), 300) > 0.6
    assert _share_below(other_noise.make("shower", 8 * RATE, rng), 500) < 0.2
