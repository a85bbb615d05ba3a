"""One schedule for narration: every say, rest, cue and breath phase at an absolute start time.

Start times are exact sums of planned durations from one origin (``math.fsum``, so a long
breath round has no rounding creep), and outputs wait for those absolute deadlines on the
clock, never for summed sleeps: a 10-minute round ends exactly when it should.

``Pacing`` is how "slower" and "faster" work: rests, breath phases and the space given to each
sentence stretch or shrink; the voice itself only moves a little and never below 0.9x.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from assistant.clock import Clock
from assistant.narration import BREATH_PATTERNS, Breath, Cue, Item, Rest, Say, words_seconds
from assistant.speak.profiles import MIN_RATE
from assistant.speak.tones import tone_seconds

PHASE_WORDS = {"in": "In.", "hold": "Hold.", "out": "Out."}
COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
PHASE_WORD_DELAY = 0.2  # the spoken phase name starts just after the tone's attack


@dataclass(frozen=True)
class Slot:
    """One scheduled piece. Top-level kinds (say, rest, cue, breath) are the items themselves;
    a breath also gets a "phase" slot per phase (its tone starts there) and, with counts on,
    "count" slots for the spoken words."""

    start: float
    end: float
    item: Item
    kind: str  # say | rest | cue | breath | phase | count
    phase: str = ""
    text: str = ""

    @property
    def top(self) -> bool:
        return self.kind in ("say", "rest", "cue", "breath")

    def to_dict(self) -> dict:
        out = {"kind": self.kind, "start": round(self.start, 6), "end": round(self.end, 6)}
        if self.phase:
            out["phase"] = self.phase
        if self.text or isinstance(self.item, Say):
            out["text"] = self.text or self.item.text
        return out


@dataclass(frozen=True)
class Pacing:
    """Narration speed: ``scale`` > 1 is slower (more space), < 1 faster."""

    scale: float = 1.0
    STEP = 1.25
    SLOWEST = 2.0
    FASTEST = 0.64

    def slower(self) -> Pacing:
        return replace(self, scale=min(self.SLOWEST, self.scale * self.STEP))

    def faster(self) -> Pacing:
        return replace(self, scale=max(self.FASTEST, self.scale / self.STEP))

    @property
    def voice_rate(self) -> float:
        """The voice follows the pace only gently, and is never slowed below 0.9x."""
        return round(min(1.1, max(MIN_RATE, self.scale**-0.25)), 3)

    def apply(self, items: Iterable[Item]) -> list[Item]:
        """Rests and breath phases stretched by the pace; says and cues as they are."""
        out: list[Item] = []
        for item in items:
            if isinstance(item, Rest):
                item = Rest(item.seconds * self.scale)
            elif isinstance(item, Breath):
                item = replace(item, pace=item.pace * self.scale)
            out.append(item)
        return out

    def say_seconds(self, say: Say, words_per_minute: float = 100.0) -> float:
        """The time a sentence is planned to take: spoken at the narration pace, stretched."""
        return words_seconds(say.text, words_per_minute) * self.scale


def breath_slots(breath: Breath, start: float) -> list[Slot]:
    """Phase slots (tone at each start) and, if counted, the spoken words, at exact offsets."""
    slots: list[Slot] = []
    durations: list[float] = []
    for phase, seconds in breath.phases():
        begin = start + math.fsum(durations)
        slots.append(Slot(begin, begin + seconds, breath, "phase", phase=phase))
        if breath.counts:
            slots.append(Slot(begin + PHASE_WORD_DELAY, begin + 1.0, breath, "count",
                              phase=phase, text=PHASE_WORDS.get(phase, phase)))
            for second in range(1, min(int(seconds - 0.5) + 1, len(COUNT_WORDS))):
                word = COUNT_WORDS[second].capitalize() + "."
                slots.append(Slot(begin + second, begin + second + 1.0, breath, "count",
                                  phase=phase, text=word))
        durations.append(seconds)
    return slots


def schedule(items: Iterable[Item], say_seconds: Callable[[Say], float], *,
             origin: float = 0.0) -> Iterator[Slot]:
    """Slots in order. Lazy: ``say_seconds`` is asked for a Say only when it is reached, so a
    speaker can start the first sentence before later ones are rendered."""
    durations: list[float] = []
    for item in items:
        start = origin + math.fsum(durations)
        if isinstance(item, Say):
            seconds, kind = float(say_seconds(item)), "say"
        elif isinstance(item, Rest):
            seconds, kind = max(0.0, float(item.seconds)), "rest"
        elif isinstance(item, Cue):
            seconds, kind = tone_seconds(item.phase), "cue"
        elif isinstance(item, Breath):
            seconds, kind = item.seconds, "breath"
        else:
            raise TypeError(f"not a narration item: {item!r}")
        yield Slot(start, start + seconds, item, kind, phase=getattr(item, "phase", ""))
        if isinstance(item, Breath):
            yield from breath_slots(item, start)
        durations.append(seconds)


def wait_until(clock: Clock, t: float, cancel: threading.Event | None) -> bool:
    """Wait for an absolute deadline on the clock; False at once if ``cancel`` is set.

    Checks the cancel event at least every 50 ms, so a barge-in is never kept waiting.
    """
    if cancel is None:
        clock.sleep_until(t)
        return True
    scale = getattr(clock, "scale", None)
    while not cancel.is_set():
        remaining = t - clock.now()
        if remaining <= 0:
            return True
        if scale is None:  # a virtual clock: time jumps, nothing to wait for
            clock.sleep_until(t)
            return not cancel.is_set()
        cancel.wait(min(0.05, remaining * scale))
    return False


def describe_breath(breath: Breath) -> str:
    """ "breathe in 4 s, hold 7 s, out 8 s; 3 rounds" for the text output."""
    cycle = [(phase, seconds * breath.pace) for phase, seconds in BREATH_PATTERNS[breath.pattern]]
    parts: list[str] = []
    seen_in = False
    for phase, seconds in cycle:
        if phase == "in":
            word = "in again" if seen_in else "breathe in"
            seen_in = True
        else:
            word = phase
        parts.append(f"{word} {round(seconds, 1):g} s")
    rounds = max(1, breath.cycles)
    text = f"{', '.join(parts)}; {rounds} round{'s' if rounds != 1 else ''}"
    return text + (", counted aloud" if breath.counts else "")
