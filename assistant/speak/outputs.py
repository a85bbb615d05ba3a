"""Three outputs for one timeline: text, a WAV file, the speaker.

All three walk the same schedule (timeline.schedule) on the same clock, call ``on_item`` as
each item starts, and return False when ``cancel`` is set (barge-in). Text plans a sentence at
the profile's narration pace; audio outputs give a sentence that same planned time, or its
real length if the voice needs longer, so speech never overlaps what follows.
"""

from __future__ import annotations

import math
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

import numpy as np

from assistant.clock import Clock
from assistant.devices import close_stream, devices_of, find_device
from assistant.errors import LetitoutError
from assistant.narration import Item, Say
from assistant.speak.timeline import Pacing, Slot, describe_breath, schedule, wait_until
from assistant.speak.tones import tone
from assistant.speak.voice import Voice

OnItem = Callable[[Item, float], None]
NO_DEVICE = "no audio output device found; use --text or letitout demo"


class Output:
    """Renders narration items on a clock. ``pacing`` and ``volume`` follow slower/faster and
    louder/quieter; the session may change them between turns."""

    def __init__(self, *, pacing: Pacing | None = None, volume: float = 1.0) -> None:
        self.pacing = pacing or Pacing()
        self.volume = volume

    def play(self, items: Iterable[Item], clock: Clock, *, on_item: OnItem | None = None,
             cancel: threading.Event | None = None) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        """Release files or devices; safe to call twice."""


def _seconds(value: float) -> str:
    return f"{round(value, 1):g}"


class TextOutput(Output):
    """Prints what would be heard: "letitout: <text>" per sentence, bracketed quiet and breath."""

    def __init__(self, stream: TextIO | None = None, *, words_per_minute: float = 100.0,
                 voice: Voice | None = None, pacing: Pacing | None = None) -> None:
        super().__init__(pacing=pacing)
        self.stream = stream
        self.words_per_minute = words_per_minute
        self.profile = voice.profile if voice is not None else None

    def _wpm(self, say: Say) -> float:
        if self.profile is None:
            return self.words_per_minute
        return self.profile.style(say.style).words_per_minute

    @staticmethod
    def line(slot: Slot) -> str:
        item = slot.item
        if slot.kind == "say":
            return f"letitout: {item.text}"
        if slot.kind == "rest":
            return f"  (quiet, {_seconds(slot.end - slot.start)} s)"
        if slot.kind == "cue":
            return "  (chime)" if item.phase == "chime" else f"  (tone: {item.phase})"
        return f"  ({describe_breath(item)})"

    def play(self, items, clock, *, on_item=None, cancel=None) -> bool:
        stream = self.stream or sys.stdout
        end = clock.now()
        plan = schedule(self.pacing.apply(items),
                        lambda say: self.pacing.say_seconds(say, self._wpm(say)), origin=end)
        for slot in plan:
            if not slot.top:
                continue
            if not wait_until(clock, slot.start, cancel):
                return False
            if on_item:
                on_item(slot.item, slot.start)
            print(self.line(slot), file=stream, flush=True)
            end = slot.end
        return wait_until(clock, end, cancel)


class _Renderer:
    """Turns slots into sounds with one voice: speech for says and counts, tones for cues."""

    def __init__(self, voice: Voice, output: Output) -> None:
        self.voice, self.output = voice, output
        self.sr = voice.sample_rate

    def speech(self, text: str, style: str) -> Iterable[np.ndarray]:
        return self.voice.stream(text, rate=self.output.pacing.voice_rate, style=style)

    def say_seconds(self, say: Say, audio_seconds: float) -> float:
        planned = self.output.pacing.say_seconds(
            say, self.voice.profile.style(say.style).words_per_minute)
        return max(planned, audio_seconds)

    def sounds(self, slot: Slot) -> list[tuple[float, np.ndarray]]:
        """(start seconds, audio) for everything a non-say slot makes audible."""
        if slot.kind == "cue":
            return [(slot.start, tone(slot.item.phase, self.sr))]
        if slot.kind == "phase":
            return [(slot.start, tone(slot.phase, self.sr))]
        if slot.kind == "count":
            audio = np.concatenate(list(self.speech(slot.text, "breath")) or [np.zeros(0)])
            return [(slot.start, audio.astype(np.float32))]
        return []


def _mix(buffer: np.ndarray, at: int, audio: np.ndarray) -> np.ndarray:
    """Add audio into buffer at sample ``at``, growing the buffer if it runs past the end."""
    end = at + len(audio)
    if end > len(buffer):
        buffer = np.concatenate([buffer, np.zeros(end - len(buffer), np.float32)])
    buffer[at:end] += audio
    return buffer


class WavOutput(Output):
    """Renders into a 16-bit mono WAV at the voice's rate; every sound at its scheduled sample.

    Successive ``play`` calls land at their clock times in one track (a whole session in one
    file); the file is rewritten at the end of each play.
    """

    def __init__(self, path: str | Path | None, *, voice: Voice, pacing: Pacing | None = None,
                 volume: float = 1.0) -> None:
        super().__init__(pacing=pacing, volume=volume)
        self.path = Path(path) if path is not None else None
        self.voice = voice
        self.sample_rate = voice.sample_rate
        self.track = np.zeros(0, np.float32)

    def render(self, items: Iterable[Item]) -> tuple[np.ndarray, int, list[Slot]]:
        """The items alone: (float32 audio, sample rate, every slot with start/end seconds)."""
        renderer = _Renderer(self.voice, self)
        sr = self.sample_rate
        speech: list[np.ndarray] = []

        def say_seconds(say: Say) -> float:
            chunks = list(renderer.speech(say.text, say.style))
            speech.append(np.concatenate(chunks) if chunks else np.zeros(0, np.float32))
            return renderer.say_seconds(say, len(speech[-1]) / sr)

        slots = list(schedule(self.pacing.apply(items), say_seconds))
        end = max((slot.end for slot in slots), default=0.0)
        audio = np.zeros(int(math.ceil(end * sr)), np.float32)
        spoken = iter(speech)
        for slot in slots:
            sounds = [(slot.start, next(spoken))] if slot.kind == "say" else renderer.sounds(slot)
            for start, sound in sounds:
                audio = _mix(audio, int(round(start * sr)), sound)
        return np.clip(audio * np.float32(self.volume), -1.0, 1.0), sr, slots

    def play(self, items, clock, *, on_item=None, cancel=None) -> bool:
        origin = clock.now()
        audio, sr, slots = self.render(items)
        at = int(round(origin * sr))
        self.track = _mix(self.track, at, audio) if len(audio) else self.track
        finished = True
        for slot in slots:
            if slot.top:
                if not wait_until(clock, origin + slot.start, cancel):
                    finished = False
                    break
                if on_item:
                    on_item(slot.item, origin + slot.start)
        end = origin + max((slot.end for slot in slots), default=0.0)
        if finished and not wait_until(clock, end, cancel):
            finished = False
        if not finished:  # barge-in: what would have sounded after it is not in the file
            self.track = self.track[: max(0, int(round(clock.now() * sr)))]
        self.write()
        return finished

    def write(self) -> None:
        if self.path is None:
            return
        import soundfile

        try:
            soundfile.write(str(self.path), self.track, self.sample_rate, subtype="PCM_16")
        except (OSError, RuntimeError) as exc:
            raise LetitoutError(f"{self.path}: cannot write the WAV file ({exc})") from None


def find_output_device(device: int | str | None = None) -> int:
    """An output device by index or by a piece of its name; one clear line if there is none."""
    chosen = find_device(device, "output", NO_DEVICE)
    if chosen is not None:
        return chosen
    import sounddevice as sd

    _, outputs = devices_of("output", NO_DEVICE)
    default = sd.default.device[1] if isinstance(sd.default.device, list | tuple) else -1
    return default if default in outputs else outputs[0]


class SpeakerOutput(Output):
    """Plays through sounddevice. A callback stream mixes sounds placed at exact frames of the
    device's own sample clock, so the schedule is kept to the sample; ``cancel`` empties the
    queue and the next 20 ms block is silence."""

    BLOCK_S = 0.02

    def __init__(self, device: int | str | None = None, *, voice: Voice,
                 pacing: Pacing | None = None, volume: float = 1.0) -> None:
        super().__init__(pacing=pacing, volume=volume)
        self.device = find_output_device(device)
        self.voice = voice
        self.sample_rate = voice.sample_rate
        self._sounds: list[tuple[int, np.ndarray]] = []
        self._lock = threading.Lock()
        self._frame = 0  # frames handed to the device so far
        self._stream = None
        # Everything played, for the echo canceller on the microphone side (live.py).
        from assistant.listen.echo import EchoReference

        self.echo_reference = EchoReference(self.sample_rate)

    def _open(self) -> None:
        if self._stream is not None:
            return
        import sounddevice as sd

        try:
            self._stream = sd.OutputStream(
                samplerate=self.sample_rate, channels=1, dtype="float32", device=self.device,
                blocksize=int(self.BLOCK_S * self.sample_rate), latency="low",
                callback=self._callback)
            self._stream.start()
        except Exception as exc:  # PortAudio errors have no common base worth naming
            self._stream = None
            raise LetitoutError(f"cannot open the audio output ({exc}); use --text or "
                                "letitout demo") from None

    def _callback(self, outdata, frames, time_info, status) -> None:
        out = np.zeros(frames, np.float32)
        with self._lock:
            start, stop = self._frame, self._frame + frames
            keep = []
            for at, audio in self._sounds:
                lo, hi = max(at, start), min(at + len(audio), stop)
                if hi > lo:
                    out[lo - start: hi - start] += audio[lo - at: hi - at]
                if at + len(audio) > stop:
                    keep.append((at, audio))
            self._sounds = keep
            self._frame = stop
        outdata[:, 0] = np.clip(out * np.float32(self.volume), -1.0, 1.0)
        self.echo_reference.played(outdata[:, 0], time_info.outputBufferDacTime)

    def _enqueue(self, frame: int, audio: np.ndarray) -> None:
        with self._lock:
            self._sounds.append((frame, np.asarray(audio, np.float32)))

    def _silence(self) -> None:
        with self._lock:
            self._sounds = []

    def audible(self) -> bool:
        """Is sound still queued or playing? (Planned pauses after a sentence are silent.)"""
        with self._lock:
            return any(at + len(a) > self._frame for at, a in self._sounds)

    def _busy_until(self) -> int:
        with self._lock:
            return max((at + len(a) for at, a in self._sounds), default=self._frame)

    def play(self, items, clock, *, on_item=None, cancel=None) -> bool:
        self._open()
        cancel = cancel or threading.Event()
        items = self.pacing.apply(items)
        renderer = _Renderer(self.voice, self)
        sr = self.sample_rate
        real_per_clock = getattr(clock, "scale", 1.0)
        # Render the first sentence before fixing the origin: the schedule starts when the
        # first sound is ready, not 100 ms before it.
        first = items[0] if items else None
        if isinstance(first, Say):
            next(iter(renderer.speech(first.text, first.style)), None)
        origin = clock.now()
        with self._lock:
            anchor = self._frame + int(0.03 * sr)  # a block of margin to reach the device

        def frame_of(t: float) -> int:
            return anchor + int(round((t - origin) * real_per_clock * sr))

        cursor = [origin]

        def say_seconds(say: Say) -> float:
            at = frame_of(cursor[0])
            length = 0
            for chunk in renderer.speech(say.text, say.style):
                self._enqueue(at + length, chunk)
                length += len(chunk)
            return renderer.say_seconds(say, length / sr / real_per_clock)

        end = origin
        for slot in schedule(items, say_seconds, origin=origin):
            for start, sound in renderer.sounds(slot):
                self._enqueue(frame_of(start), sound)
            if not slot.top:
                continue
            if not wait_until(clock, slot.start, cancel):
                self._silence()
                return False
            if on_item:
                on_item(slot.item, slot.start)
            end = cursor[0] = slot.end
        if not wait_until(clock, end, cancel):
            self._silence()
            return False
        # A virtual clock is already at the end: let the device catch up in real time.
        while self._frame < self._busy_until():
            if cancel.wait(0.05):
                self._silence()
                return False
        return True

    def close(self) -> None:
        close_stream(self._stream)
        self._stream = None

