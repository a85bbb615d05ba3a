"""What the assistant does aloud, as plain data: say, rest, cue, breathe.

The session produces these items; a voice renders them on one timeline (to a speaker, a WAV
file or text). Keeping them as data is what lets one session drive every kind of output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Breath patterns: (phase, seconds) for one cycle. Phases: in, hold, out.
BREATH_PATTERNS: dict[str, tuple[tuple[str, float], ...]] = {
    "box": (("in", 4.0), ("hold", 4.0), ("out", 4.0), ("hold", 4.0)),
    "478": (("in", 4.0), ("hold", 7.0), ("out", 8.0)),
    "coherent": (("in", 5.5), ("out", 5.5)),
    # Cyclic (physiological) sighing: a full breath in, a short top-up sip, a long slow out.
    "sigh": (("in", 2.5), ("in", 1.0), ("out", 6.0)),
    # Connected breathing: no pause between in and out. Only ever lying down, short, checked in.
    "connected": (("in", 1.5), ("out", 1.5)),
}

# Patterns that speed breathing up; the safety rules gate these.
FAST_PATTERNS = frozenset({"connected"})


@dataclass(frozen=True)
class Say:
    text: str
    style: str = "default"  # a voice-profile context: default, shower, breath, walk


@dataclass(frozen=True)
class Rest:
    seconds: float


@dataclass(frozen=True)
class Cue:
    phase: str  # in | hold | out | chime


@dataclass(frozen=True)
class Breath:
    pattern: str
    cycles: int
    pace: float = 1.0  # >1 is slower (longer phases)
    counts: bool = False  # speak counts as well as tones

    def phases(self) -> list[tuple[str, float]]:
        """Every phase in order, whole cycles, always ending on an exhale."""
        cycle = BREATH_PATTERNS[self.pattern]
        out: list[tuple[str, float]] = []
        for _ in range(max(1, self.cycles)):
            out.extend((phase, seconds * self.pace) for phase, seconds in cycle)
        while out and out[-1][0] != "out":
            out.pop()  # e.g. box breathing drops the last hold so the round ends breathing out
        return out

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.phases())


Item = Say | Rest | Cue | Breath


@dataclass
class Listen:
    """How the assistant listens after a turn.

    ``window``: seconds of silence before the session is told "nothing was said" (None: wait
    as long as it takes). ``expect``: intents that make sense now (a recogniser may narrow its
    grammar to them; crisis and the global commands are always added). ``dictation``: free
    speech is wanted (a journal letter), not commands.
    """

    window: float | None = 8.0
    expect: frozenset[str] | None = None
    dictation: bool = False


@dataclass
class Turn:
    items: list[Item] = field(default_factory=list)
    listen: Listen = field(default_factory=Listen)
    done: bool = False  # the session has ended after these items

    def say(self, text: str, style: str = "default") -> Turn:
        if text:
            self.items.append(Say(text, style))
        return self

    def rest(self, seconds: float) -> Turn:
        if seconds > 0:
            self.items.append(Rest(seconds))
        return self


def words_seconds(text: str, wpm: float = 100.0) -> float:
    """How long a sentence takes at the planned narration pace (about 90 to 110 words/min)."""
    return len(text.split()) * 60.0 / wpm
