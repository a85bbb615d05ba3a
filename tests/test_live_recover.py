"""A microphone that vanishes mid-session: pause, say so, retry, and lose nothing.

The device here is a stand-in that fails to open a given number of times (fault injection for
the device, not a stand-in for any engine); the session, its words and the letter are real.
"""

from __future__ import annotations

from test_session import reach

from assistant.errors import LetitoutError
from assistant.live import recover
from assistant.narration import Say


class VanishedMicrophone:
    """Gone for the first `gone` attempts to open it, then back."""

    def __init__(self, gone: int) -> None:
        self.gone = gone
        self.lost = True
        self.opened = 0

    def open(self) -> None:
        if self.gone:
            self.gone -= 1
            raise LetitoutError("cannot open the microphone")
        self.opened += 1

    def close(self) -> None:
        pass


def words(turn) -> str:
    return " ".join(item.text for item in turn.items if isinstance(item, Say))


def test_a_vanished_microphone_is_retried_until_back_and_the_letter_is_kept(text_session):
    s = reach(text_session, "journal_dictation")
    s.say("Dear Sam, I kept your jumper.")
    spoken, waits = [], []
    microphone = VanishedMicrophone(gone=3)
    back = recover(s.session, microphone, speak=lambda turn: spoken.append(words(turn)),
                   wait=waits.append)
    assert "microphone" in spoken[0].lower()
    assert waits == [2.0, 2.0, 2.0] and microphone.opened == 1
    assert "resume" in words(back).lower() and s.state == "paused"
    s.say("resume")
    s.say("I'm done")
    assert "I kept your jumper" in " ".join(s.say("yes please"))


def test_a_silent_speaker_does_not_stop_the_retries(text_session):
    s = reach(text_session, "step")

    def speaker_gone(turn):
        raise LetitoutError("cannot open the audio output")

    back = recover(s.session, VanishedMicrophone(gone=1), speak=speaker_gone,
                   wait=lambda s: None)
    assert "resume" in words(back).lower()
