"""What may cut into the assistant's own speech: the decision, on the real understander.

The audio side (echo cancellation, the room) is tested in test_listen_echo.py and on a real
PulseAudio device path in test_live.py; here the words are given, as the recogniser would.
"""

from __future__ import annotations

import numpy as np
import pytest

from assistant.clock import VirtualClock
from assistant.events import Events
from assistant.live import DoubleTalk, LiveLoop, SplitPhrase
from assistant.session import Session
from assistant.understand import Intent

NARRATION = "Let your shoulders drop and your jaw go soft. Breathe in slowly through your nose."


@pytest.fixture
def loop(catalogue, understander):
    clock = VirtualClock()
    events = Events(clock)
    session = Session(catalogue, understander, events)
    return LiveLoop(session, source=None, output=None, recognizer=None, clock=clock,
                    events=events)


def talking(loud: bool) -> DoubleTalk:
    """A gate that has heard 2 s of echo and then (or not) someone louder over it."""
    talk = DoubleTalk()
    rng = np.random.default_rng(3)
    for k in range(100):
        level = 3000 if loud and k > 90 else 100
        talk.push((rng.normal(0, level, 480)).astype(np.int16).tobytes())
    return talk


def test_stop_said_over_the_voice_cuts_in_even_from_a_partial(loop):
    assert loop._command_over_voice("stop", NARRATION, talking(True), final=False) == "stop"
    assert loop._command_over_voice("please pause", NARRATION, talking(True)) is not None


def test_crisis_words_cut_in_only_from_a_final_result(loop):
    # A misheard partial of "stop" once read "let's die": it must not start crisis support,
    # but the same words in the final result must.
    said = "i want to die"
    assert loop._command_over_voice(said, NARRATION, talking(True), final=False) is None
    heard = loop._command_over_voice(said, NARRATION, talking(True), final=True)
    assert loop.session.understander.parse(heard).name == "crisis"


def test_nothing_cuts_in_while_only_the_echo_is_heard(loop):
    assert loop._command_over_voice("stop", NARRATION, talking(False), final=True) is None


def test_the_assistants_own_words_never_cut_in(loop):
    narration = "When you want to stop, just say so. Let your shoulders drop."
    assert loop._command_over_voice("just say so", narration, talking(True)) is None


def test_a_runner_up_understood_as_stop_cuts_in(loop):
    stop = Intent(name="stop", slots={}, confidence=0.95, text="stop")
    assert loop._understood_over_voice(stop, NARRATION, talking(True)) == "stop"
    assert loop._understood_over_voice(stop, NARRATION, talking(False)) is None
    unsure = Intent(name="stop", slots={}, confidence=0.5, text="stop")
    assert loop._understood_over_voice(unsure, NARRATION, talking(True)) is None


def test_a_crisis_sentence_cut_at_a_pause_is_understood_whole(loop):
    # Over the voice a short utterance ends as soon as the person's level drops, so "I just
    # ... want to die" can arrive as two finals: read together, it is crisis.
    phrase = SplitPhrase()
    assert phrase.join("i just", now=10.0) == "i just"
    joined = phrase.join("want to die", now=10.6)
    heard = loop._command_over_voice(joined, NARRATION, talking(True), final=True)
    assert loop.session.understander.parse(heard).name == "crisis"


def test_finals_far_apart_are_not_joined():
    phrase = SplitPhrase()
    phrase.join("stop", now=1.0)
    assert phrase.join("okay", now=5.0) == "okay"


def test_the_gate_counts_the_quiet_since_the_person_last_spoke_over_the_echo():
    talk = talking(True)  # ends with ten loud frames
    rng = np.random.default_rng(4)
    loud = (rng.normal(0, 3000, 480)).astype(np.int16).tobytes()
    quiet = (rng.normal(0, 100, 480)).astype(np.int16).tobytes()
    talk.push(loud)
    assert talk.gate(loud) == loud and talk.quiet_frames == 0
    for k in range(1, 6):
        talk.push(quiet)
        talk.gate(quiet)
        assert talk.quiet_frames == k
