"""A private PulseAudio server as a room: a virtual speaker, a virtual microphone, and echo.

- sink `speaker` (null): where the assistant plays; its monitor is what the room hears.
- sink `mic_feed` (null), remapped as source `mic`: the microphone. The person's voice is
  played into `mic_feed`; with ``echo_gain`` the speaker's sound leaks into it too (a
  loopback), as a laptop's speaker leaks into its microphone.
Used by the device tests and by bench/barge_in.py. sounddevice reaches it through ALSA's
pulse plugin (Debian's libasound2-plugins); PULSE_SINK / PULSE_SOURCE pick the device when
a stream opens.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import numpy as np

RATE = 16000


def available() -> bool:
    return shutil.which("pulseaudio") is not None and shutil.which("pactl") is not None


@contextlib.contextmanager
def _env(**values):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update({k: v for k, v in values.items()})
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class PulseRoom:
    def __init__(self, folder: Path, echo_gain: float | None = None) -> None:
        self.folder = Path(folder)
        self.echo_gain = echo_gain
        self.runtime = self.folder / "run"
        self.home = self.folder / "home"
        self.process: subprocess.Popen | None = None
        self._recordings: dict[str, list[tuple[float, np.ndarray]]] = {}
        self._record_streams: list = []

    @property
    def env(self) -> dict[str, str]:
        return {"XDG_RUNTIME_DIR": str(self.runtime), "HOME": str(self.home),
                "PULSE_RUNTIME_PATH": str(self.runtime / "pulse")}

    def session_env(self) -> dict[str, str]:
        """Environment for the assistant: it plays to `speaker` and listens on `mic`."""
        return {**os.environ, **self.env, "PULSE_SINK": "speaker", "PULSE_SOURCE": "mic"}

    def start(self) -> PulseRoom:
        self.runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.home.mkdir(parents=True, exist_ok=True)
        config = self.folder / "room.pa"
        lines = [
            "load-module module-native-protocol-unix",
            "load-module module-null-sink sink_name=speaker rate=16000 channels=1",
            "load-module module-null-sink sink_name=mic_feed rate=16000 channels=1",
            "load-module module-remap-source source_name=mic master=mic_feed.monitor",
            "set-default-sink speaker",
            "set-default-source mic",
        ]
        if self.echo_gain:
            lines.append("load-module module-loopback source=speaker.monitor sink=mic_feed "
                         "latency_msec=20 adjust_time=0 source_dont_move=true "
                         "sink_dont_move=true")
        config.write_text("\n".join(lines) + "\n")
        self.process = subprocess.Popen(
            ["pulseaudio", "-n", "-F", str(config), "--daemonize=no", "--exit-idle-time=-1",
             "--log-target=stderr", "--log-level=error"],
            env={**os.environ, **self.env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            ready = subprocess.run(["pactl", "info"], env={**os.environ, **self.env},
                                   capture_output=True)
            if ready.returncode == 0:
                break
            if self.process.poll() is not None:
                raise RuntimeError("pulseaudio did not start: "
                                   + self.process.stderr.read().decode(errors="replace"))
            time.sleep(0.1)
        else:
            raise RuntimeError("pulseaudio did not answer within 15 s")
        # This process talks to the room too: point libpulse at it and let PortAudio list
        # the devices again (it probes them once, when it starts).
        self._saved_env = {k: os.environ.get(k) for k in self.env}
        os.environ.update(self.env)
        import sounddevice as sd

        sd._terminate()
        sd._initialize()
        if self.echo_gain:
            volume = int(65536 * self.echo_gain)
            inputs = subprocess.run(["pactl", "list", "short", "sink-inputs"],
                                    env={**os.environ, **self.env}, capture_output=True,
                                    text=True).stdout.split()
            if inputs:
                subprocess.run(["pactl", "set-sink-input-volume", inputs[0], str(volume)],
                               env={**os.environ, **self.env}, check=False)
        return self

    def play_into_mic(self, audio: np.ndarray) -> float:
        """Play 16 kHz float audio into the microphone; returns the monotonic end time."""
        import sounddevice as sd

        with _env(PULSE_SINK="mic_feed"):
            stream = sd.OutputStream(samplerate=RATE, channels=1, dtype="float32",
                                     device="pulse")
        with stream:
            stream.write(np.asarray(audio, np.float32).reshape(-1, 1))
            # write() returns when the last block is queued; let it drain out of the device.
            time.sleep(stream.latency)
        return time.monotonic()

    def start_recording_speaker(self) -> None:
        """Record what the speaker plays (its monitor), stamped with monotonic times."""
        self.start_recording("speaker", "speaker.monitor")

    def start_recording(self, name: str, source: str) -> None:
        """Record a source (10 ms blocks stamped with the monotonic time they arrived)."""
        import sounddevice as sd

        blocks = self._recordings.setdefault(name, [])

        def callback(indata, frames, time_info, status):
            blocks.append((time.monotonic(), indata[:, 0].copy()))

        with _env(PULSE_SOURCE=source):
            stream = sd.InputStream(samplerate=RATE, channels=1, dtype="float32",
                                    device="pulse", blocksize=160, callback=callback)
        stream.start()
        self._record_streams.append(stream)

    def speaker_activity(self, threshold: float = 0.01) -> list[tuple[float, float]]:
        """(monotonic time, RMS) per 10 ms block of the speaker recording so far."""
        return self.activity("speaker")

    def activity(self, name: str) -> list[tuple[float, float]]:
        """(monotonic time, RMS) per 10 ms block of a recording so far."""
        blocks = list(self._recordings.get(name, []))
        return [(t, float(np.sqrt(np.mean(b**2)))) for t, b in blocks if len(b)]

    def stop(self) -> None:
        for stream in self._record_streams:
            stream.stop()
            stream.close()
        self._record_streams = []
        for key, value in getattr(self, "_saved_env", {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None


def wait_for(predicate, timeout: float, poll: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(poll)
    return False


__all__ = ["PulseRoom", "available", "wait_for", "threading"]
