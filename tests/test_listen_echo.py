"""The echo canceller: the assistant's own voice taken out of the microphone, the person kept.

Real speech from the espeak-ng voice is played into a simulated room (a delay, two
reflections, a little noise); the canceller only ever sees the played blocks and the
microphone frames, as in the live loop.
"""

from __future__ import annotations

import numpy as np
import pytest
import soxr

from assistant.listen.echo import EchoCanceller, EchoReference

RATE = 16000
FRAME = 480
NARRATION = ("Find a place to sit or lie down where you feel held. Let your shoulders drop "
             "and your jaw go soft. Breathe in slowly through your nose, and let it go.")


@pytest.fixture(scope="module")
def narration():
    from assistant.speak import load_voice

    voice = load_voice("espeak-en-us", warn=lambda m: None)
    return voice.synthesize(NARRATION).astype(np.float32), voice.sample_rate


def room(x: np.ndarray, delay: int, gain: float) -> np.ndarray:
    y = x.copy()
    y[80:] += 0.4 * x[:-80]
    y[250:] += 0.2 * x[:-250]
    out = np.zeros(len(x) + delay)
    out[delay:] = y * gain
    return out[: len(x)]


def run(played: np.ndarray, rate: int, mic: np.ndarray) -> tuple[EchoCanceller, np.ndarray]:
    """Feed 30 ms of playback, then 30 ms of microphone, like the two audio callbacks."""
    reference = EchoReference(rate)
    canceller = EchoCanceller(reference)
    block = int(0.03 * rate)
    cleaned = []
    for k, start in enumerate(range(0, len(mic) - FRAME + 1, FRAME)):
        chunk = played[k * block:(k + 1) * block]
        reference.played(np.pad(chunk, (0, block - len(chunk))))
        frame = mic[start:start + FRAME].tobytes()
        cleaned.append(np.frombuffer(canceller.process(frame), np.int16))
    return canceller, np.concatenate(cleaned).astype(float)


def pcm(x: np.ndarray) -> np.ndarray:
    return (np.clip(x, -1, 1) * 32767).astype(np.int16)


def test_finds_the_echo_delay_and_takes_the_echo_out(narration):
    played, rate = narration
    at16 = soxr.resample(played, rate, RATE)
    delay = 1920  # 120 ms of device buffers and air
    noise = np.random.default_rng(1).normal(0, 0.00005, len(at16))
    mic = pcm(room(at16, delay, 0.1) + noise)
    canceller, cleaned = run(played, rate, mic)
    assert canceller.lag == delay
    # Echo return loss enhancement over the second half (after learning): well over 20 dB.
    half = slice(len(cleaned) // 2, len(cleaned))
    before = np.mean(mic[half].astype(float) ** 2)
    after = np.mean(cleaned[half] ** 2)
    assert 10 * np.log10(before / after) > 20


def test_keeps_the_person_talking_over_the_echo(narration):
    from assistant.speak import load_voice

    played, rate = narration
    at16 = soxr.resample(played, rate, RATE)
    joe = load_voice("joe", warn=lambda m: None)
    person = soxr.resample(joe.synthesize("stop"), joe.sample_rate, RATE) * 0.5
    start = int(5.0 * RATE)
    echo = room(at16, 1600, 0.1)
    mic = echo.copy()
    mic[start:start + len(person)] += person
    canceller, cleaned = run(played, rate, pcm(mic))
    span = slice(start, start + len(person))
    # The person's word comes through almost untouched (within 1 dB) ...
    kept = np.mean(cleaned[span] ** 2) / np.mean((person * 32767) ** 2)
    assert abs(10 * np.log10(kept)) < 1.0
    # ... and the canceller did not learn the person as echo: after the word it still cancels.
    after = slice(start + len(person) + RATE // 2, len(cleaned))
    assert 10 * np.log10(np.mean(pcm(echo)[after].astype(float) ** 2)
                         / np.mean(cleaned[after] ** 2)) > 15


def test_passes_the_microphone_through_until_anything_is_played():
    reference = EchoReference(22050)
    canceller = EchoCanceller(reference)
    frame = pcm(np.random.default_rng(2).normal(0, 0.1, FRAME)).tobytes()
    for _ in range(40):
        reference.played(np.zeros(661, np.float32))
        assert canceller.process(frame) == frame
    assert canceller.lag is None and canceller.path is None


def test_an_underrun_becomes_silence_in_the_reference():
    """A late audio callback (the device played silence meanwhile) shows as a jump in the
    device clock; the reference keeps in step by holding that silence too."""
    reference = EchoReference(RATE)
    block = np.full(320, 0.5, np.float32)  # 20 ms
    t = 100.0
    for _ in range(5):
        reference.played(block, t)
        t += 0.02
    t += 0.1  # 100 ms the device filled with silence
    reference.played(block, t)
    got = reference.read(0, reference.written)
    assert reference.written == 6 * 320 + 1600 and reference.gaps == 1
    assert not got[5 * 320: 5 * 320 + 1600].any() and got[-320:].all()


def test_knows_the_person_from_the_echo_by_level(narration):
    played, rate = narration
    at16 = soxr.resample(played, rate, RATE)
    half = len(at16) // 2
    mic = pcm(room(at16, 1600, 0.1))[:half]
    canceller, _ = run(played[: int(half * rate / RATE)], rate, mic)
    assert canceller.path is not None
    assert not canceller.person_talking()  # only the echo so far
    loud = pcm(np.random.default_rng(4).normal(0, 0.2, FRAME)).tobytes()
    canceller.reference.played(np.zeros(int(0.03 * rate), np.float32))
    canceller.process(loud)
    assert canceller.person_talking()


def test_knows_the_person_even_when_no_louder_than_the_echo(narration):
    """Someone speaking only as loud as the assistant's echo: the microphone's level alone
    cannot tell, but what the subtraction leaves can (the echo is gone, the person is not)."""
    played, rate = narration
    at16 = soxr.resample(played, rate, RATE)
    echo = room(at16, 1600, 0.3)
    person = np.zeros_like(echo)
    words = soxr.resample(played[: int(0.6 * rate)], rate, RATE)  # other speech, same level
    at = int(3.0 * RATE)
    person[at:at + len(words)] = 0.3 * words
    seen = []
    reference = EchoReference(rate)
    canceller = EchoCanceller(reference)
    block = int(0.03 * rate)
    mic = pcm(echo + person)
    for k, start in enumerate(range(0, len(mic) - FRAME + 1, FRAME)):
        chunk = played[k * block:(k + 1) * block]
        reference.played(np.pad(chunk, (0, block - len(chunk))))
        canceller.process(mic[start:start + FRAME].tobytes())
        seen.append((start, canceller.person_talking(hangover_s=0.0)))
    during = [talking for start, talking in seen if at + 1600 <= start < at + len(words) - 1600]
    before = [talking for start, talking in seen if 1.5 * RATE <= start < at]
    assert sum(during) >= 0.5 * len(during)
    assert not any(before)


def test_waits_briefly_for_a_reference_that_arrives_after_the_microphone():
    reference = EchoReference(RATE)
    import threading

    late = threading.Timer(0.02, lambda: reference.played(np.ones(480, np.float32)))
    late.start()
    assert reference.wait_for(480, timeout=1.0)
    assert not reference.wait_for(960, timeout=0.05)
