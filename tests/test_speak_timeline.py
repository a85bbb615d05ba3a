"""The narration timeline: exact offsets over long breath rounds, tones without clicks."""

from __future__ import annotations

import io
import threading

import numpy as np
import pytest

from assistant.clock import VirtualClock
from assistant.narration import BREATH_PATTERNS, Breath, Cue, Rest, Say
from assistant.speak import Pacing, TextOutput, schedule
from assistant.speak.tones import TONES, tone

SR = 22050


def _planned(say: Say) -> float:
    return len(say.text.split()) * 0.6


def test_ten_minute_box_round_has_every_phase_exactly_on_its_offset():
    breath = Breath("box", cycles=38)  # 38 x 16 s minus the last hold: 604 s
    slots = list(schedule([Say("Let's begin."), breath], _planned))
    phases = [s for s in slots if s.kind == "phase"]
    begin = slots[1].start
    for k, slot in enumerate(phases):
        assert slot.start == begin + 4.0 * k  # exact, not approximately
    assert phases[-1].end == slots[1].end == begin + 604.0


def test_ten_minute_paced_coherent_round_does_not_accumulate_error():
    breath = Breath("coherent", cycles=50, pace=1.1)  # 6.05 s phases: not exact in binary
    phases = [s for s in schedule([breath], _planned) if s.kind == "phase"]
    assert len(phases) == 100
    for k, slot in enumerate(phases):
        assert abs(slot.start - 6.05 * k) < 1e-9
    assert abs(phases[-1].end - 605.0) < 1e-9


def test_text_output_on_a_virtual_clock_ends_exactly_at_the_planned_end():
    clock = VirtualClock()
    items = [Say("Find a place to lie down."), Rest(20.0), Breath("478", cycles=20)]
    assert TextOutput(io.StringIO()).play(items, clock)
    assert clock.now() == pytest.approx(6 * 0.6 + 20.0 + 20 * 19.0, abs=1e-9)


@pytest.mark.parametrize("pattern", sorted(BREATH_PATTERNS))
def test_every_breath_pattern_ends_on_an_exhale_in_whole_cycles(pattern):
    for cycles in (1, 3):
        phases = [s for s in schedule([Breath(pattern, cycles)], _planned) if s.kind == "phase"]
        assert phases[-1].phase == "out"
        cycle = [phase for phase, _ in BREATH_PATTERNS[pattern]]
        whole = cycle * cycles
        while whole[-1] != "out":
            whole.pop()  # only trailing holds of the last cycle may go
        assert [s.phase for s in phases] == whole
        assert len(whole) > len(cycle) * (cycles - 1)


def test_slower_stretches_rests_and_breath_but_keeps_the_voice_at_least_point_nine():
    slower = Pacing().slower()
    items = slower.apply([Rest(10.0), Breath("coherent", 2), Say("Slowly now.")])
    assert items[0].seconds == pytest.approx(12.5)
    assert items[1].seconds == pytest.approx(2 * 11.0 * 1.25)
    assert items[2] == Say("Slowly now.")
    assert 0.9 <= slower.voice_rate < 1.0
    assert Pacing().faster().voice_rate > 1.0
    assert Pacing().faster().apply([Rest(10.0)])[0].seconds == pytest.approx(8.0)


@pytest.mark.parametrize("phase", sorted(TONES))
def test_cue_tones_start_and_end_at_zero_with_a_smooth_envelope(phase):
    audio = tone(phase, SR).astype(np.float64)
    peak = np.max(np.abs(audio))
    assert abs(audio[0]) < 1e-3 * peak and abs(audio[-1]) < 1e-3 * peak
    # A click is a jump in loudness: 5 ms RMS frames (with silence around) never leap.
    padded = np.concatenate([np.zeros(220), audio, np.zeros(220)])
    frames = padded[: len(padded) // 110 * 110].reshape(-1, 110)
    rms = np.sqrt(np.mean(frames**2, axis=1))
    assert np.max(np.abs(np.diff(rms))) < 0.35 * np.max(rms)


def test_in_tone_rises_and_out_tone_falls():
    def pitch(x: np.ndarray) -> float:
        spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x)), 1 << 15))
        return float(np.argmax(spectrum)) * SR / (1 << 15)

    for phase, rising in (("in", True), ("out", False)):
        audio = tone(phase, SR)
        quarter = len(audio) // 4
        first, last = pitch(audio[:quarter]), pitch(audio[-quarter:])
        assert (last > first) == rising, (phase, first, last)


def test_text_output_prints_say_lines_and_short_bracketed_lines(capsys):
    items = [Say("Let it come."), Rest(20.0), Cue("chime"),
             Breath("478", cycles=3), Say("Well done.")]
    TextOutput().play(items, VirtualClock())
    assert capsys.readouterr().out.splitlines() == [
        "letitout: Let it come.",
        "  (quiet, 20 s)",
        "  (chime)",
        "  (breathe in 4 s, hold 7 s, out 8 s; 3 rounds)",
        "letitout: Well done.",
    ]


def test_on_item_gets_each_item_at_its_scheduled_start():
    clock = VirtualClock()
    seen: list[tuple[object, float]] = []
    items = [Say("One two three."), Rest(5.0), Breath("coherent", 1)]
    TextOutput(io.StringIO()).play(items, clock, on_item=lambda item, t: seen.append((item, t)))
    assert [item for item, _ in seen] == items
    assert [t for _, t in seen] == pytest.approx([0.0, 1.8, 6.8])


def test_cancel_stops_playback_and_reports_it():
    clock, cancel, out = VirtualClock(), threading.Event(), io.StringIO()

    def barge_in(item, t):
        if isinstance(item, Rest):
            cancel.set()

    items = [Say("Hello."), Rest(5.0), Say("Never said.")]
    assert TextOutput(out).play(items, clock, on_item=barge_in, cancel=cancel) is False
    assert "Never said." not in out.getvalue()
