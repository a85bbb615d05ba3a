"""Outputs: the WAV holds sound at the scheduled offsets; text and audio walk the same timeline;
no audio device gives one clear line; the speaker plays and stops on a barge-in."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
import soundfile

from assistant.clock import VirtualClock
from assistant.errors import LetitoutError
from assistant.narration import Breath, Cue, Rest, Say
from assistant.speak import NO_DEVICE, TextOutput, WavOutput, find_output_device, load_voice

ITEMS = [Say("Close your eyes."), Rest(1.5), Cue("chime"), Breath("coherent", 1, counts=True),
         Say("Well done.")]


@pytest.fixture(scope="module")
def espeak():
    return load_voice("espeak-en-us", warn=print)


def _energy(audio: np.ndarray, sr: int, start: float, seconds: float) -> float:
    a, b = int(start * sr), int((start + seconds) * sr)
    return float(np.sqrt(np.mean(audio[a:b] ** 2))) if b > a else 0.0


def test_wav_output_has_sound_at_every_scheduled_offset_and_silence_in_rests(tmp_path, espeak):
    path = tmp_path / "timeline.wav"
    output = WavOutput(path, voice=espeak)
    assert output.play(ITEMS, VirtualClock())
    audio, sr = soundfile.read(path, dtype="float32")
    info = soundfile.info(path)
    assert info.subtype == "PCM_16" and sr == espeak.sample_rate and info.channels == 1
    _, _, slots = output.render(ITEMS)
    rest = next(s for s in slots if s.kind == "rest")
    assert _energy(audio, sr, rest.start + 0.05, rest.end - rest.start - 0.1) < 1e-3
    for slot in slots:
        if slot.kind in ("say", "cue", "phase", "count"):
            assert _energy(audio, sr, slot.start, 0.15) > 0.01, slot
            assert _energy(audio, sr, slot.start - 0.04, 0.03) < _energy(
                audio, sr, slot.start, 0.15), slot
    assert len(audio) / sr == pytest.approx(slots[0].end + 1.5 + 1.2 + 11.0 + (
        slots[-1].end - slots[-1].start), abs=2 / sr)


def test_render_returns_audio_rate_and_schedule_the_demo_can_mix_into(espeak):
    audio, sr, slots = WavOutput(None, voice=espeak).render([Say("Hello."), Rest(1.0)])
    assert audio.dtype == np.float32 and sr == espeak.sample_rate
    assert [s.kind for s in slots] == ["say", "rest"]
    assert slots[1].start == slots[0].end and len(audio) == pytest.approx(slots[1].end * sr, abs=1)
    assert slots[0].to_dict()["text"] == "Hello."


def test_text_and_wav_outputs_walk_the_same_items_in_the_same_order(espeak):
    seen: dict[str, list] = {"text": [], "wav": []}
    TextOutput(io.StringIO()).play(ITEMS, VirtualClock(),
                                   on_item=lambda item, t: seen["text"].append(item))
    WavOutput(None, voice=espeak).play(ITEMS, VirtualClock(),
                                       on_item=lambda item, t: seen["wav"].append(item))
    assert seen["text"] == seen["wav"] == ITEMS


def test_successive_plays_land_at_their_clock_times_in_one_wav(tmp_path, espeak):
    clock, path = VirtualClock(), tmp_path / "session.wav"
    output = WavOutput(path, voice=espeak)
    output.play([Say("First.")], clock)
    clock.advance(3.0)  # the person talks, the assistant listens
    start = clock.now()
    output.play([Say("Second.")], clock)
    audio, sr = soundfile.read(path, dtype="float32")
    assert _energy(audio, sr, start - 1.0, 0.9) < 1e-3
    assert _energy(audio, sr, start, 0.2) > 0.01


def test_unknown_output_device_gives_one_line_naming_it():
    with pytest.raises(LetitoutError) as caught:
        find_output_device("no-such-speaker-xyz")
    message = str(caught.value)
    assert "\n" not in message
    assert "no-such-speaker-xyz" in message or message == NO_DEVICE


def _isolated_env(runtime_dir) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    env["XDG_RUNTIME_DIR"] = str(runtime_dir)
    return env


def test_voices_say_with_no_audio_device_prints_the_one_line_error(tmp_path):
    env = _isolated_env(tmp_path)  # no sound server behind it
    probe = "import sounddevice as sd; print(sum(d['max_output_channels'] > 0 " \
            "for d in sd.query_devices()))"
    outputs = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                             text=True, timeout=60).stdout.strip()
    if outputs != "0":
        pytest.skip("this machine has a real output device")
    done = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import sys
        from assistant.cli import main
        sys.exit(main(["voices", "say", "hello"]))
    """)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip() == f"letitout: {NO_DEVICE}"


@pytest.mark.pulse
def test_speaker_plays_on_a_sound_server_and_stops_on_barge_in(tmp_path):
    if shutil.which("pulseaudio") is None:
        pytest.skip("pulseaudio is not installed")
    env = _isolated_env(tmp_path)
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "-L", "module-null-sink sink_name=letitout_test", "-L", "module-native-protocol-unix",
         "--log-target=stderr"], env=env, stderr=subprocess.DEVNULL)
    try:
        script = textwrap.dedent("""
            import threading
            from assistant.clock import RealClock
            from assistant.narration import Rest, Say
            from assistant.speak import SpeakerOutput, load_voice
            voice = load_voice("espeak-en-us", warn=print)
            speaker = SpeakerOutput("pulse", voice=voice)
            print("finished", speaker.play([Say("Hello."), Rest(0.2)], RealClock()))
            cancel = threading.Event()
            def barge_in(item, t):
                if isinstance(item, Rest):
                    cancel.set()
            items = [Say("Hello."), Rest(30.0), Say("Never.")]
            result = speaker.play(items, RealClock(), on_item=barge_in, cancel=cancel)
            print("stopped", not result, "queue", len(speaker._sounds))
            speaker.close()
        """)
        for _ in range(50):  # wait for the server's socket
            if (tmp_path / "pulse" / "native").exists():
                break
            time.sleep(0.1)
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "finished True" in done.stdout
        assert "stopped True queue 0" in done.stdout
    finally:
        server.terminate()
        server.wait(timeout=10)
