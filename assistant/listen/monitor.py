"""The echo reference heard from the sound server: the speaker's monitor source.

The speaker output's own record of what it played (``EchoReference`` fed from its callback)
is stamped by PortAudio's clocks, and under CPU load those slip against the microphone's by
tens of milliseconds: the canceller then loses the echo until it finds the delay again, and
the assistant's voice leaks into the recogniser. PulseAudio and PipeWire offer what the
speaker really played as a capture stream (the sink's "monitor"), delivered on the same path
and clock as the microphone: no stamps to trust. When the speaker goes through such a server,
the live loop takes its reference from there; otherwise it keeps the callback's.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import numpy as np

from assistant.devices import close_stream
from assistant.listen.echo import RATE, DeviceClock, EchoReference

BLOCK = 160  # 10 ms: the reference must be in before the microphone frame that needs it


def _pactl(*args: str) -> str | None:
    if shutil.which("pactl") is None:
        return None
    try:
        done = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=3)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def speaker_monitor(output_device: int | None) -> str | None:
    """The monitor source of the sink the speaker plays to, when the output goes through a
    PulseAudio (or PipeWire) server that answers; else None."""
    import sounddevice as sd

    try:
        name = sd.query_devices(output_device, "output")["name"].lower()
    except (ValueError, sd.PortAudioError):
        return None
    if not any(word in name for word in ("pulse", "pipewire", "default")):
        return None  # a hardware device opened directly: no server in between
    info = _pactl("info")
    if info is None:
        return None
    sink = os.environ.get("PULSE_SINK")
    if not sink:
        for line in info.splitlines():
            if line.startswith("Default Sink:"):
                sink = line.split(":", 1)[1].strip()
    sources = _pactl("list", "short", "sources") or ""
    monitor = f"{sink}.monitor" if sink else None
    if monitor and any(line.split("\t")[1:2] == [monitor] for line in sources.splitlines()):
        return monitor
    return None


def _pulse_input_device() -> int | None:
    """The PortAudio input that reaches the sound server (ALSA's "pulse" plugin)."""
    import sounddevice as sd

    for index, device in enumerate(sd.query_devices()):
        if device["max_input_channels"] > 0 and device["name"].lower() in ("pulse", "pipewire"):
            return index
    return None


class MonitorReference(EchoReference):
    """An EchoReference filled from the monitor source (16 kHz mono), block by block."""

    def __init__(self, monitor: str) -> None:
        super().__init__(RATE)
        self.monitor = monitor
        self._stream = None
        self._adc = DeviceClock()

    def open(self) -> bool:
        """Start capturing; False (and the caller keeps its other reference) if it cannot."""
        import sounddevice as sd

        device = _pulse_input_device()
        if device is None:
            return False

        def callback(indata, frames, time_info, status):
            block = indata[:, 0]
            # An overrun drops monitor samples: silence stands in, the timeline stays whole.
            gap = self._adc.missing(time_info.inputBufferAdcTime, frames / RATE)
            if gap:
                self.played(np.zeros(gap, np.float32))
                self.gaps += 1
            self.played(block, None)

        # The server picks the source from PULSE_SOURCE when a stream connects.
        saved = os.environ.get("PULSE_SOURCE")
        os.environ["PULSE_SOURCE"] = self.monitor
        try:
            self._stream = sd.InputStream(samplerate=RATE, channels=1, dtype="float32",
                                          device=device, blocksize=BLOCK, latency="low",
                                          callback=callback)
            self._stream.start()
        except Exception:  # noqa: BLE001 - PortAudio raises several unrelated types
            self._stream = None
            return False
        finally:
            if saved is None:
                os.environ.pop("PULSE_SOURCE", None)
            else:
                os.environ["PULSE_SOURCE"] = saved
        return True

    def close(self) -> None:
        close_stream(self._stream)
        self._stream = None
