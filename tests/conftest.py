"""Shared fixtures: real objects only (catalogue, understander, virtual clock, text output)."""

from __future__ import annotations

import io
import os

import pytest


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Journal letters and config go to a temporary folder, never the real home."""
    monkeypatch.setenv("LETITOUT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LETITOUT_CONFIG", str(tmp_path / "config.yaml"))
    monkeypatch.delenv("LETITOUT_COUNTRY", raising=False)
    yield


@pytest.fixture(scope="session")
def catalogue():
    from assistant.techniques import default_catalogue

    return default_catalogue()


@pytest.fixture(scope="session")
def understander():
    from assistant.understand import default_understander

    return default_understander()


@pytest.fixture(scope="session")
def wind():
    """wind(seconds): rumble in a microphone, brown noise from 10 Hz up in slow gusts (unit
    RMS before the gusts, float, 16 kHz)."""
    import numpy as np

    def make(seconds: float = 3.0, seed: int = 5):
        rng = np.random.default_rng(seed)
        n = int(16000 * seconds)
        spectrum = rng.normal(size=n // 2 + 1) + 1j * rng.normal(size=n // 2 + 1)
        hz = np.fft.rfftfreq(n, 1 / 16000)
        spectrum[hz < 10] = 0
        spectrum[hz >= 10] /= hz[hz >= 10]
        noise = np.fft.irfft(spectrum, n)
        gusts = 0.5 + 0.5 * np.sin(2 * np.pi * 0.3 * np.arange(n) / 16000) ** 2
        return noise / noise.std() * gusts

    return make


class TextSession:
    """A whole typed session on the virtual clock, as `letitout session --text` runs it."""

    def __init__(self, catalogue, understander, **kwargs):
        from assistant.clock import VirtualClock
        from assistant.events import Events
        from assistant.session import Session
        from assistant.speak.outputs import TextOutput

        self.clock = VirtualClock()
        self.events = Events(self.clock)
        self.out = io.StringIO()
        self.output = TextOutput(self.out)
        self.session = Session(catalogue, understander, self.events, **kwargs)
        from assistant.runner import play

        self._play = play
        self.turn = self.session.start()
        self._play(self.turn, self.output, self.clock, self.events, self.session)

    def say(self, text: str | None, heard=None) -> list[str]:
        """The person says `text` (None: silence); returns what the assistant said back.
        heard: what a recogniser understood from those words (as a live session passes it)."""
        before = len(self.events.of_type("say"))
        self.turn = self.session.handle(text, heard)
        self._play(self.turn, self.output, self.clock, self.events, self.session)
        return [e["text"] for e in self.events.of_type("say")[before:]]

    def types(self, type_: str):
        return self.events.of_type(type_)

    @property
    def state(self) -> str:
        return self.session.state


@pytest.fixture
def text_session(catalogue, understander):
    def make(**kwargs):
        return TextSession(catalogue, understander, **kwargs)

    return make


os.environ.setdefault("LETITOUT_TEST", "1")
