"""Drives a Session: plays each Turn through an output on the clock, then listens.

The text driver reads one utterance per line (an empty line is silence). The live driver
(assistant/live.py) does the same with a microphone and a speaker.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.clock import Clock
from assistant.events import Events
from assistant.narration import Breath, Say, Turn
from assistant.session import Session

# With nothing said and no window (waiting as long as it takes), how long a silent line lasts.
OPEN_SILENCE_S = 30.0


def play(turn: Turn, output, clock: Clock, events: Events, session: Session, cancel=None) -> bool:
    """Render a turn's items; log each spoken sentence as a `say` event as it starts."""

    def on_item(item, _t_start):
        if isinstance(item, Say):
            events.emit("say", text=item.text)
        elif isinstance(item, Breath):
            events.emit("breath", pattern=item.pattern, cycles=item.cycles,
                        seconds=round(item.seconds, 2))

    # The session owns pacing and volume ("slower", "louder"); outputs apply them.
    output.pacing, output.volume = session.pacing, session.volume
    finished = output.play(turn.items, clock, on_item=on_item, cancel=cancel)
    if turn.done:
        events.emit("end", reason=session.end_reason)
    return finished


def speaking_seconds(text: str) -> float:
    """Roughly how long the person took to say this (about 150 words a minute)."""
    return 0.6 + len(text.split()) * 0.4


def run_text(session: Session, lines: Iterable[str], output, clock: Clock, events: Events) -> int:
    turn = session.start()
    play(turn, output, clock, events, session)
    for raw in lines:
        if session.ended:
            break
        text = raw.strip()
        if text:
            clock.sleep(speaking_seconds(text))
        else:
            clock.sleep(turn.listen.window if turn.listen.window is not None else OPEN_SILENCE_S)
        turn = session.handle(text or None)
        play(turn, output, clock, events, session)
    if not session.ended:
        play(session.finish("end_of_input"), output, clock, events, session)
    return 0
