"""The hands-free loop: audio frames in, the session in the middle, the voice out.

One loop serves the microphone and speaker (``letitout session``), the PulseAudio device
test, and the spoken demo (a scripted person on a virtual clock). While the assistant speaks
it listens only for a few commands (stop, pause, crisis) with a stricter bar, so its own
voice coming back through the microphone is not taken for the person (barge-in); after it
stops speaking it ignores a short tail of echo, then listens for everything.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.clock import Clock
from assistant.devices import close_stream, find_device
from assistant.errors import LetitoutError
from assistant.events import Events
from assistant.listen.echo import DeviceClock, EchoCanceller
from assistant.listen.recognizer import Final, SpeechStart
from assistant.narration import Say, Turn
from assistant.runner import play
from assistant.session import Session

RATE = 16000
FRAME = 480  # 30 ms
NO_MIC = ("no microphone found: type instead with `letitout session --text`, "
          "or hear a whole spoken session with `letitout demo`")
# Said over the assistant's own voice, only these stop it; the rest waits for its turn.
BARGE_IN = frozenset({"stop", "pause", "crisis"})
BARGE_IN_MIN_CONFIDENCE = 0.8
ECHO_TAIL_S = 0.35  # after playback, the room still rings with the assistant's voice
# While it speaks, an utterance ends after this much quiet (0.5 s otherwise): a lone "stop"
# then silences the voice within half a second of its end.
BARGE_IN_TRAILING_S = 0.2
# Partial results come this often while it speaks (a partial reading "stop" cuts in).
BARGE_IN_PARTIAL_EVERY_S = 0.1
# An utterance of at most this many words (so far) over the voice ends when the person's
# level has been down for this many frames (150 ms): a lone "stop" needs no longer wait.
EARLY_END_WORDS = 2
EARLY_END_FRAMES = 5
# A final heard this soon after another is read together with it, so a sentence cut in two
# at a pause ("I just ... want to die") is still understood whole.
JOIN_WITHIN_S = 1.5
ECHO_SIMILARITY = 85  # heard words this close to the sentence being spoken are its echo


class DeviceLost(Exception):
    """The microphone went away mid-session."""


@dataclass
class Heard:
    text: str | None
    barged_in: bool = False
    t_end_of_speech: float | None = None
    # what the recogniser understood from a final result (Session.handle: its crisis wins)
    intent: Any = None


class Microphone:
    """16 kHz mono int16 frames from sounddevice; a callback fills a queue."""

    realtime = True

    def __init__(self, device: str | int | None = None) -> None:
        self.device = find_input_device(device)
        self._queue: queue.Queue = queue.Queue()
        self._stream = None
        self.lost = False
        self._last_frame = time.monotonic()
        self._clock = DeviceClock()
        self.gaps = 0  # overruns filled with silence

    def open(self) -> None:
        import sounddevice as sd

        # A reopened device (after a loss) starts a new timeline: the old one's expected
        # time would read the whole outage as dropped frames (up to 1 s of made-up silence).
        self._clock = DeviceClock()

        def callback(indata, frames, time_info, status):
            # Frames the device dropped (an overrun: this callback came late) come back as
            # silence, so the microphone's timeline stays in step with the room's and the
            # echo canceller keeps its alignment.
            missing = self._clock.missing(time_info.inputBufferAdcTime, frames / RATE)
            if missing:
                self._queue.put(bytes(2 * missing))
                self.gaps += 1
            self._queue.put(bytes(indata))

        try:
            self._stream = sd.RawInputStream(samplerate=RATE, channels=1, dtype="int16",
                                             blocksize=FRAME, device=self.device,
                                             callback=callback,
                                             finished_callback=self._finished)
            self._stream.start()
            self._last_frame = time.monotonic()
        except Exception as exc:  # PortAudio raises several unrelated types
            self._stream = None
            raise LetitoutError(f"cannot open the microphone ({exc}); {NO_MIC}") from None

    def _finished(self) -> None:
        self.lost = True

    # A working input stream delivers frames (of silence, at least) without pause: none for
    # this long means the device went away without telling (PulseAudio and USB can do that).
    SILENT_DEVICE_S = 5.0

    def read(self, timeout: float = 0.5) -> bytes | None:
        try:
            frame = self._queue.get(timeout=timeout)
            self._last_frame = time.monotonic()
            return frame
        except queue.Empty:
            if self.lost or (self._stream is not None and not self._stream.active):
                raise DeviceLost from None
            if (self._stream is not None
                    and time.monotonic() - self._last_frame > self.SILENT_DEVICE_S):
                raise DeviceLost from None
            return None

    def drain(self) -> None:
        while not self._queue.empty():
            self._queue.get_nowait()

    def on_listen(self, loop: LiveLoop) -> None:
        """Called when the assistant starts listening (the scripted person speaks then)."""

    def close(self) -> None:
        close_stream(self._stream)
        self._stream = None


def find_input_device(device: str | int | None = None) -> int | None:
    """A microphone by index or part of its name (None: the system default)."""
    return find_device(device, "input", NO_MIC)


class LiveLoop:
    def __init__(self, session: Session, source, output, recognizer, clock: Clock,
                 events: Events, echo_reference=None) -> None:
        self.session, self.source, self.output = session, source, output
        self.recognizer, self.clock, self.events = recognizer, clock, events
        self.barge_ins: list[dict] = []  # what stopped the voice, and when (for the bench)
        self._cancel: threading.Event | None = None
        self._speaker: threading.Thread | None = None
        # The speaker output knows what it plays: take that echo out of the microphone. (The
        # sound server's monitor of the speaker, when there is one, is the better record.)
        reference = echo_reference or getattr(output, "echo_reference", None)
        self.echo = EchoCanceller(reference) if reference is not None else None

    def _read(self, timeout: float) -> bytes | None:
        """The next microphone frame, with the assistant's own voice taken out."""
        frame = self.source.read(timeout=timeout)
        if frame is not None and self.echo is not None:
            lag = self.echo.lag
            frame = self.echo.process(frame)
            if self.echo.lag != lag:
                debug_note(f"echo found {self.echo.lag / RATE * 1000:.0f} ms behind the voice"
                           f" (gaps filled: microphone {getattr(self.source, 'gaps', 0)}, "
                           f"speaker {self.echo.reference.gaps})")
        return frame

    def stop_speaking(self) -> None:
        """Silence whatever is playing now (Ctrl-C, a lost device) and wait for it to stop."""
        if self._cancel is not None:
            self._cancel.set()
        if self._speaker is not None:
            self._speaker.join(timeout=2.0)

    def run(self, first: Turn | None = None) -> int:
        turn = first or self.session.start()
        while True:
            heard = self.play_and_listen(turn)
            if turn.done or self.session.ended:
                return 0
            if getattr(self.source, "exhausted", False) and heard.text is None:
                # A scripted person with nothing left to say: end as at the end of input.
                play(self.session.finish("end_of_script"), self.output, self.clock,
                     self.events, self.session)
                return 0
            turn = self.session.handle(heard.text, heard.intent)

    # ---- one turn -------------------------------------------------------------------------
    def play_and_listen(self, turn: Turn) -> Heard:
        if getattr(self.source, "realtime", True) and getattr(self.output, "realtime", True):
            heard = self._play_with_barge_in(turn)
            if heard is not None:
                return heard
        else:
            play(turn, self.output, self.clock, self.events, self.session)
        if turn.done:
            return Heard(None)
        return self._listen(turn)

    def _play_with_barge_in(self, turn: Turn) -> Heard | None:
        """Speak, listening meanwhile for stop / pause / crisis. Returns what cut in.

        The microphone hears the assistant too, as one long run of speech, so a command is
        looked for in the newest words of every partial result, and only believed when those
        words are not the assistant's own and the microphone is louder than the echo alone
        (someone is talking over it: double talk).
        """
        cancel = self._cancel = threading.Event()
        done = threading.Event()
        errors: list[BaseException] = []

        def speak():
            try:
                play(turn, self.output, self.clock, self.events, self.session, cancel=cancel)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the loop's thread
                errors.append(exc)
            finally:
                done.set()

        speaker = self._speaker = threading.Thread(target=speak, name="letitout-speak",
                                                   daemon=True)
        speaker.start()
        # The whole command grammar, not just the barge-in words: with only "stop" and crisis
        # phrases to choose from, the assistant's own voice would be forced into one of them.
        stream = self.recognizer.stream(expect=None, trailing_silence=BARGE_IN_TRAILING_S,
                                        partial_every=BARGE_IN_PARTIAL_EVERY_S)
        spoken = " ".join(item.text for item in turn.items if isinstance(item, Say))
        audible = getattr(self.output, "audible", lambda: not done.is_set())
        talk = DoubleTalk()
        started_in_silence = in_speech = False
        partial_words = 0
        earlier = SplitPhrase()
        try:
            # Keep listening past the end of playback while someone is mid-sentence.
            while not done.is_set() or in_speech:
                frame = self._read(timeout=0.05)
                if frame is None:
                    continue
                talk.push(frame)
                # The echo canceller takes out most of the assistant's voice; the level gate
                # then passes only frames clearly louder than what is left of it (sending the
                # cancelled audio ungated let tone cues through as false starts).
                heard = talk.gate(frame)
                if self.echo is not None and not self.echo.person_talking():
                    heard = bytes(len(heard))  # only the assistant's own (misaligned) echo
                events = stream.accept(heard)
                # A word or two said over the voice ends when the voice over the echo does:
                # waiting for the usual stretch of quiet would cost a quarter second more.
                # (Not an answer begun in the quiet after a sentence: that may pause between
                # words, "help me ... let it out", and gets the usual endpoint.)
                if (in_speech and not started_in_silence and partial_words <= EARLY_END_WORDS
                        and talk.quiet_frames == EARLY_END_FRAMES):
                    events += stream.flush()
                for event in debug(events):
                    if isinstance(event, SpeechStart):
                        started_in_silence = not audible()
                        in_speech, partial_words = True, 0
                        continue
                    final = isinstance(event, Final)
                    text = event.text
                    if final:
                        in_speech = False
                        text = earlier.join(text, self.clock.now())
                    else:
                        partial_words = len(normal_words(text))
                    command = self._command_over_voice(text, spoken, talk, final)
                    if command is None and final:
                        command = self._understood_over_voice(event.intent, spoken, talk)
                    # Speech that began in the quiet after the last sentence is an ordinary
                    # answer, not an interruption: take it whatever it says.
                    answer = (final and started_in_silence and event.intent is not None
                              and event.intent.name is not None)
                    if command or answer:
                        t_heard = self.clock.now()
                        cancel.set()
                        if command:
                            # bench/barge_in.py times the cut from this (one system clock)
                            debug_note(f"barge-in {command!r} at monotonic "
                                       f"{time.monotonic():.3f}")
                        done.wait(2.0)
                        if command:
                            self.barge_ins.append({"t_heard": t_heard, "text": command,
                                                   "t_silent": self.clock.now()})
                        return Heard(command or event.text, barged_in=bool(command),
                                     t_end_of_speech=t_heard,
                                     intent=event.intent if final else None)
        finally:
            stream.flush()  # end the engine's utterance before another stream starts
            speaker.join(timeout=2.0)
        if errors:
            raise errors[0]
        # The room still carries the last words for a moment: let that tail pass unheard.
        tail_end = self.clock.now() + ECHO_TAIL_S
        while self.clock.now() < tail_end:
            self._read(timeout=0.05)
        return None

    def _command_over_voice(self, heard: str, spoken: str, talk: DoubleTalk,
                            final: bool = True) -> str | None:
        """A barge-in command among the newest words that are not the assistant's own.

        A partial result may stop or pause the voice (fast, and a wrong stop costs little: the
        person can go on), but only a final one can bring in crisis support: partials of a
        misheard "stop" have read as "let's die"."""
        if not heard or not talk.active():
            return None
        own = set(normal_words(spoken))
        novel = [w for w in normal_words(heard) if w not in own]
        understander = self.session.understander
        allowed = BARGE_IN if final else BARGE_IN - {"crisis"}
        for size in (1, 2, 3, 4, 6):
            if size > len(novel):
                break
            tail = " ".join(novel[-size:])
            intent = understander.parse(tail, typed=False)
            if (intent.name in allowed and intent.confidence >= BARGE_IN_MIN_CONFIDENCE
                    and not is_echo(tail, spoken)):
                return tail
        return None

    def _understood_over_voice(self, intent, spoken: str, talk: DoubleTalk) -> str | None:
        """A final result whose words were not a command but whose understanding was (from a
        runner-up hypothesis): believed over the voice on the same terms as words."""
        if intent is None or intent.name not in BARGE_IN or not talk.active():
            return None
        if intent.confidence < BARGE_IN_MIN_CONFIDENCE or is_echo(intent.text, spoken):
            return None
        return intent.text

    def _listen(self, turn: Turn) -> Heard:
        """Wait for one utterance, or the window to pass in silence."""
        listen = turn.listen
        stream = self.recognizer.stream(expect=listen.expect, dictation=listen.dictation)
        self.source.on_listen(self)
        deadline = None if listen.window is None else self.clock.now() + listen.window
        speaking = False
        while True:
            frame = self._read(timeout=0.1)
            if frame is not None:
                for event in debug(stream.accept(frame)):
                    if isinstance(event, SpeechStart):
                        speaking = True
                    elif isinstance(event, Final):
                        speaking = False
                        text = (event.text or "").strip()
                        if text:
                            # Heard words, understood or not: the session decides (one gentle
                            # "I didn't catch that" at most). Pure noise gives no words.
                            stream.flush()
                            return Heard(text, t_end_of_speech=event.t_end_of_speech,
                                         intent=event.intent)
            if not speaking and deadline is not None and self.clock.now() >= deadline:
                stream.flush()
                return Heard(None)
            if not speaking and getattr(self.source, "idle", False):
                stream.flush()
                return Heard(None)  # a scripted person who has said their line


class SplitPhrase:
    """Finals heard close together are read as one: a sentence cut in two at a pause ("I just
    ... want to die") is still understood whole."""

    def __init__(self, within_s: float = JOIN_WITHIN_S) -> None:
        self.within_s = within_s
        self._last: tuple[str, float] | None = None

    def join(self, text: str, now: float) -> str:
        last, self._last = self._last, (text, now)
        if last is not None and last[0] and now - last[1] <= self.within_s:
            return f"{last[0]} {text}".strip()
        return text


class DoubleTalk:
    """Is someone talking over the assistant? Their voice makes the microphone clearly louder
    than the echo of the assistant alone (the recent median level)."""

    WINDOW = 100  # frames (3 s) of history for the echo level
    RECENT = 33  # frames (1 s) in which double talk is looked for
    RATIO = 3.0  # about 10 dB over the echo
    MIN_FRAMES = 4  # 120 ms of loud frames
    FLOOR = 150.0  # int16 RMS below which nothing counts as speech

    def __init__(self) -> None:
        self.levels: deque[float] = deque(maxlen=self.WINDOW)
        self._open_for = 0
        self._recent: deque[bytes] = deque(maxlen=self.PREROLL + 1)
        self.quiet_frames = 0  # frames since the last one clearly louder than the echo

    def push(self, frame: bytes) -> None:
        samples = np.frombuffer(frame, dtype=np.int16).astype(np.float32)
        self.levels.append(float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0)

    HANGOVER = 10  # frames (300 ms) the gate stays open after the last loud frame
    PREROLL = 5  # frames (150 ms) let through from before the gate opened

    def gate(self, frame: bytes) -> bytes:
        """The frame if it is louder than the echo alone (or just after such a frame), else
        silence: the recogniser then hears the person over the assistant, not the echo."""
        self._recent.append(frame)
        if not self.levels:
            return frame
        echo = float(np.median(self.levels))
        bar = max(self.FLOOR, echo * self.RATIO)
        if self.levels[-1] > bar:
            self.quiet_frames = 0
            opening = self._open_for == 0
            self._open_for = self.HANGOVER
            if opening:
                # A word's first sounds ("s" of "stop") are quiet: let the last few frames,
                # held back as silence, through as well.
                held = list(self._recent)[:-1]
                return b"".join(held) + frame
            return frame
        self.quiet_frames += 1
        if self._open_for > 0:
            self._open_for -= 1
        else:
            return bytes(len(frame))
        return frame

    def active(self) -> bool:
        levels = list(self.levels)
        if len(levels) < self.RECENT:
            return max(levels, default=0.0) > self.FLOOR
        echo = float(np.median(levels))
        bar = max(self.FLOOR, echo * self.RATIO)
        return sum(1 for level in levels[-self.RECENT:] if level > bar) >= self.MIN_FRAMES


def debug(events: list) -> list:
    """With LETITOUT_DEBUG=1, what the recogniser hears goes to stderr (never to a file)."""
    for event in events:
        debug_note(f"{event} at monotonic {time.monotonic():.3f}")
    return events


def debug_note(message: str) -> None:
    if os.environ.get("LETITOUT_DEBUG"):
        print(f"letitout: debug: {message}", file=sys.stderr, flush=True)


def normal_words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def is_echo(heard: str, spoken: str) -> bool:
    """Is what was heard most likely the assistant's own words coming back?"""
    from rapidfuzz import fuzz

    heard = heard.lower().strip()
    if not heard or not spoken:
        return False
    return fuzz.partial_ratio(heard, spoken.lower()) >= ECHO_SIMILARITY


def run_live(session: Session, args, clock: Clock, events: Events) -> int:
    """`letitout session` with a microphone and speaker."""
    # Ctrl-C ends a session with a goodbye, even when it was started by a process that ignores
    # Ctrl-C: the ignoring is inherited, and Python then installs no handler of its own (a
    # full test run's session went on talking a minute after its SIGINT).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    microphone = Microphone(args.input_device)  # no microphone: say so before anything loads

    from assistant.listen.recognizer import make_recognizer
    from assistant.speak import SpeakerOutput, describe_voice, load_voice

    def warn(message: str) -> None:
        print(f"letitout: {message}", file=sys.stderr)

    voice = load_voice(args.voice, warn=warn)
    output = SpeakerOutput(args.output_device, voice=voice)
    recognizer = make_recognizer(args.engine, args.model, understander=session.understander,
                                 warn=warn)
    print(f"letitout: {describe_voice(voice)}; listening with {recognizer.description}",
          file=sys.stderr)
    events.subscribe(_print_event)
    microphone.open()
    monitor = open_monitor(output)
    loop = LiveLoop(session, microphone, output, recognizer, clock, events,
                    echo_reference=monitor)
    turn = None
    try:
        while True:
            try:
                return loop.run(turn)
            except DeviceLost:
                loop.stop_speaking()
                turn = recover(session, microphone,
                               lambda t: play(t, output, clock, events, session))
    except KeyboardInterrupt:
        loop.stop_speaking()
        play(session.finish("interrupted"), output, clock, events, session)
        return 0
    finally:
        microphone.close()
        if monitor is not None:
            monitor.close()
        output.close()


def open_monitor(output):
    """What the speaker plays, heard back from the sound server (None where there is none)."""
    from assistant.listen.monitor import MonitorReference, speaker_monitor

    name = speaker_monitor(getattr(output, "device", None))
    if name is None:
        return None
    monitor = MonitorReference(name)
    if not monitor.open():
        return None
    debug_note(f"echo reference: the sound server's {name}")
    return monitor


def recover(session: Session, microphone, speak, wait=time.sleep, every_s: float = 2.0) -> Turn:
    """The microphone vanished: pause the session where it is (a letter stays in memory only),
    tell the person (they may still hear us), and try the microphone again every couple of
    seconds until it is back. Returns what to say then."""
    print("letitout: the microphone went away; paused until it's back (Ctrl-C to end)",
          file=sys.stderr)
    try:
        speak(session.device_lost())
    except LetitoutError:
        pass  # the speaker went too: carry on waiting for the microphone
    while True:
        microphone.close()
        try:
            microphone.lost = False
            microphone.open()
        except LetitoutError:
            wait(every_s)
            continue
        print("letitout: the microphone is back", file=sys.stderr)
        return session.device_back()


def _print_event(event: dict) -> None:
    if event["type"] == "say":
        print(f"letitout: {event['text']}", flush=True)
    elif event["type"] == "heard":
        print(f"you: {event['text']}", flush=True)


def pcm16(samples: np.ndarray) -> bytes:
    """Float audio (-1..1) as the 16-bit frames a microphone gives."""
    return np.clip(samples * 32767, -32768, 32767).astype(np.int16).tobytes()
