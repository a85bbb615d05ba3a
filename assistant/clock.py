"""Two clocks behind one interface: real time (optionally scaled) and a virtual clock.

Everything that waits asks the clock, so a 20-minute session runs in milliseconds in tests
with the virtual clock, and deadlines are absolute (``sleep_until``) so waits never drift.
"""

from __future__ import annotations

import threading
import time


class Clock:
    """Seconds on the session clock, starting at 0."""

    def now(self) -> float:
        raise NotImplementedError

    def sleep_until(self, t: float) -> None:
        raise NotImplementedError

    def sleep(self, seconds: float) -> None:
        self.sleep_until(self.now() + max(0.0, seconds))


class RealClock(Clock):
    """Monotonic wall time; ``scale`` 2.0 makes session seconds last half as long."""

    def __init__(self, scale: float = 1.0) -> None:
        if scale <= 0:
            raise ValueError("a real clock needs a positive time scale")
        self.scale = scale
        self._t0 = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._t0) / self.scale

    def sleep_until(self, t: float) -> None:
        # Sleep in short slices against the absolute deadline: no drift from summed sleeps.
        while True:
            remaining = (t - self.now()) * self.scale
            if remaining <= 0:
                return
            time.sleep(min(remaining, 0.05))


class VirtualClock(Clock):
    """Time moves only when someone waits: every wait returns at once."""

    def __init__(self) -> None:
        self._now = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._now

    def sleep_until(self, t: float) -> None:
        with self._lock:
            if t > self._now:
                self._now = t

    def advance(self, seconds: float) -> None:
        self.sleep_until(self._now + seconds)


def make_clock(time_scale: float) -> Clock:
    """``--time-scale 0`` gives the virtual clock; any positive value a scaled real clock."""
    if time_scale < 0:
        raise ValueError("--time-scale must be 0 (virtual) or positive")
    return VirtualClock() if time_scale == 0 else RealClock(time_scale)
