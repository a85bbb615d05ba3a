"""`letitout demo`: a whole session spoken by a scripted person, heard by the real recogniser.

No sound card: the person's voice is synthesised and fed to the recogniser frame by frame on a
virtual clock, the assistant answers with its real voice into a WAV timeline, and both voices
end up on one track at the moments they spoke.
"""

from __future__ import annotations

import sys
from collections import deque
from dataclasses import dataclass

import numpy as np
import soxr

from assistant.clock import VirtualClock
from assistant.data import data_dir, load_yaml, problem
from assistant.events import Events
from assistant.live import FRAME, RATE, Heard, LiveLoop, pcm16
from assistant.narration import Turn
from assistant.runner import play

FRAME_S = FRAME / RATE
NO_WINDOW_SILENCE_S = 5.0  # a silent moment where the assistant has no listening window


@dataclass
class Line:
    text: str | None
    think: float = 1.0


def load_script(path=None) -> tuple[str, list[Line]]:
    path = path or data_dir("prompts") / "demo_script.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
        raise problem(path, data, "the demo script needs `voice` and a list of `lines`")
    lines = []
    for entry in data["lines"]:
        if not isinstance(entry, dict) or not (entry.get("say") or entry.get("silent")):
            raise problem(path, entry, "each line needs `say: TEXT` or `silent: true`")
        lines.append(Line(entry.get("say"), float(entry.get("think", 1.0))))
    return str(data.get("voice", "")), lines


class ScriptedPerson:
    """An audio source that speaks its lines when the assistant listens, silence otherwise.

    Every frame read moves the virtual clock on by its 30 ms, as a microphone would.
    """

    realtime = False

    def __init__(self, lines: list[Line], voice, clock: VirtualClock) -> None:
        self.lines = deque(lines)
        self.voice = voice
        self.clock = clock
        self._frames: deque[np.ndarray] = deque()
        self.spoken: list[tuple[float, np.ndarray]] = []  # (start seconds, 16 kHz float audio)
        self.exhausted = False

    def _speech(self, text: str) -> np.ndarray:
        audio = self.voice.synthesize(text)
        return soxr.resample(audio, self.voice.sample_rate, RATE).astype(np.float32)

    def on_listen(self, loop: LiveLoop) -> None:
        window = loop.current_window
        while self.lines:
            line = self.lines.popleft()
            if line.text is None and window is None:
                continue  # nobody waits forever in a demo
            silence_s = line.think if line.text else (window or NO_WINDOW_SILENCE_S) + 0.5
            self._queue(np.zeros(int(silence_s * RATE), np.float32))
            if line.text:
                speech = self._speech(line.text)
                start = self.clock.now() + silence_s
                self.spoken.append((start, speech))
                print(f"person: {line.text}", flush=True)
                self._queue(speech)
                self._queue(np.zeros(int(1.0 * RATE), np.float32))  # they stop and wait
            return
        self.exhausted = True

    @property
    def idle(self) -> bool:
        """Said their line (or stayed silent for it) and now waits for the assistant."""
        return not self._frames

    def _queue(self, audio: np.ndarray) -> None:
        for i in range(0, len(audio), FRAME):
            chunk = audio[i:i + FRAME]
            if len(chunk) < FRAME:
                chunk = np.pad(chunk, (0, FRAME - len(chunk)))
            self._frames.append(chunk)

    def read(self, timeout: float = 0.0) -> bytes:
        self.clock.advance(FRAME_S)
        chunk = self._frames.popleft() if self._frames else np.zeros(FRAME, np.float32)
        return pcm16(chunk)


def run_demo(events_path=None, out_path=None, voice_name=None, engine=None, model=None) -> int:
    from assistant.listen.recognizer import make_recognizer
    from assistant.session import Session
    from assistant.speak import WavOutput, describe_voice, load_voice
    from assistant.techniques import default_catalogue
    from assistant.understand import default_understander

    def warn(message: str) -> None:
        print(f"letitout: {message}", file=sys.stderr)

    clock = VirtualClock()
    events = Events(clock, events_path)
    try:
        person_voice_name, lines = load_script()
        voice = load_voice(voice_name, warn=warn)
        person_voice = load_voice(person_voice_name or None, warn=warn)
        understander = default_understander()
        recognizer = make_recognizer(engine, model, understander=understander, warn=warn)
        print(f"letitout: {describe_voice(voice)}; listening with {recognizer.description}",
              file=sys.stderr)
        session = Session(default_catalogue(), understander, events)
        output = WavOutput(None, voice=voice)
        events.subscribe(_print_event)
        person = ScriptedPerson(lines, person_voice, clock)
        loop = DemoLoop(session, person, output, recognizer, clock, events)
        loop.run()
        track = _mix_person(output.track, output.sample_rate, person.spoken)
        if out_path:
            output.track = track
            output.path = out_path
            output.write()
        heard = events.of_type("intent")
        print(f"letitout demo: {len(heard)} utterances understood, "
              f"{len(events.of_type('technique'))} technique(s), "
              f"{len(track) / output.sample_rate:.1f} s of audio", file=sys.stderr)
    finally:
        events.close()
    return 0


class DemoLoop(LiveLoop):
    """The live loop with a scripted person: turns play, then the person answers."""

    current_window: float | None = None

    def play_and_listen(self, turn: Turn) -> Heard:
        play(turn, self.output, self.clock, self.events, self.session)
        if turn.done:
            return Heard(None)
        self.current_window = turn.listen.window
        if self.source.exhausted:
            return Heard(None)
        heard = self._listen(turn)
        return heard


def _mix_person(track: np.ndarray, sr: int, spoken) -> np.ndarray:
    track = track.copy()
    for start, audio in spoken:
        audio = soxr.resample(audio, RATE, sr).astype(np.float32)
        at = int(round(start * sr))
        end = at + len(audio)
        if end > len(track):
            track = np.concatenate([track, np.zeros(end - len(track), np.float32)])
        track[at:end] += audio * 0.8
    return np.clip(track, -1.0, 1.0)


def _print_event(event: dict) -> None:
    if event["type"] == "say":
        print(f"letitout: {event['text']}", flush=True)
    elif event["type"] == "intent":
        print(f"  (understood: {event['intent']} {event['slots'] or ''})".rstrip(), flush=True)
