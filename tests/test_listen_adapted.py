"""The adapted acoustic model: shipped data loads, bad data is one line, each voice's fit picks."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import numpy as np
import pytest

from assistant.listen import audio
from assistant.listen.adapted_model import adaptation_path, adapted_files
from assistant.listen.pocketsphinx_engine import PocketsphinxEngine, VoiceChoice, model_dir
from assistant.listen.recognizer import Recognizer

BASE = str(Path(model_dir()) / "en-us")
PERSON = Path("/usr/share/sounds/alsa/Front_Left.wav")  # a recorded person (alsa-utils)


def test_the_shipped_adaptation_becomes_files_pocketsphinx_reads():
    warnings: list[str] = []
    files = adapted_files(BASE, warnings.append)
    assert files is not None and not warnings
    for path in files.values():
        assert Path(path).read_bytes().startswith(b"s3\n")
    # A second start finds them in the cache instead of writing them again.
    assert adapted_files(BASE, warnings.append) == files


@pytest.mark.parametrize("content", [b"", b"not an archive at all", None])
def test_a_missing_or_corrupt_adaptation_is_one_line_and_the_shipped_model_runs(
        tmp_path, content):
    source = tmp_path / "en-us-voices.npz"
    if content is not None:
        source.write_bytes(content)
    warnings: list[str] = []
    assert adapted_files(BASE, warnings.append, source) is None
    assert len(warnings) == 1 and str(source) in warnings[0] and "\n" not in warnings[0]


def test_an_adaptation_for_another_model_is_refused(tmp_path):
    source = tmp_path / "other.npz"
    np.savez(source, means=np.zeros((2, 3, 4, 13), np.float16),
             variances=np.ones((2, 3, 4, 13), np.float16))
    warnings: list[str] = []
    assert adapted_files(BASE, warnings.append, source) is None
    assert "another model" in warnings[0]


def test_the_engine_runs_on_the_shipped_model_alone_when_the_adaptation_is_bad(
        tmp_path, monkeypatch, understander):
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"\x00" * 64)
    monkeypatch.setattr("assistant.listen.adapted_model.adaptation_path", lambda: broken)
    warnings: list[str] = []
    engine = PocketsphinxEngine(warn=warnings.append)
    assert engine.model_in_use == "shipped" and "adapted" not in engine.description
    assert any("not a voice adaptation" in w for w in warnings)
    recognizer = Recognizer(engine, understander)
    said = _espeak(tmp_path, "next please", "en-us")
    assert recognizer.recognize_audio(said).intent.name == "next"


def test_evidence_adds_up_before_one_model_decodes_alone():
    choice = VoiceChoice(2)
    assert choice.deciding() == [0, 1]
    # One clip says "shipped" a little, the next "adapted" a lot: the sum decides.
    assert choice.record([-40.0, -42.0], 150) == 0
    assert choice.deciding() == [0, 1]  # 150 frames: not enough to settle
    assert choice.record([-50.0, -40.0], 200) == 1
    assert choice.settled and choice.deciding() == [1]
    for _ in range(VoiceChoice.RECHECK_EVERY):
        choice.skipped()
    assert choice.deciding() == [0, 1]  # a look again with both, in case the voice changed
    # A new voice that fits the shipped model wins it back within a few utterances.
    for _ in range(3):
        choice.record([-35.0, -50.0], 200)
    assert choice.leader == 0
    choice.forget()
    assert choice.leader == 0 and not choice.settled


def test_a_score_that_is_not_a_number_is_no_evidence():
    choice = VoiceChoice(2)
    choice.record([-math.inf, -40.0], 300)
    assert choice.leader == 0 and not choice.settled


@pytest.fixture(scope="module")
def engine_and_recognizer(understander_module):
    engine = PocketsphinxEngine(warn=lambda message: None)
    return engine, Recognizer(engine, understander_module)


@pytest.fixture(scope="module")
def understander_module():
    from assistant.understand import Understander

    return Understander.load()


def _espeak(folder: Path, text: str, voice: str) -> np.ndarray:
    path = folder / f"{voice}-{abs(hash(text))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
    samples = audio.read_wav(path)
    pad = np.zeros(8000, np.int16)
    return np.concatenate([pad, samples, pad])


@pytest.mark.slow
def test_a_synthetic_voice_is_heard_with_the_adapted_model(engine_and_recognizer, tmp_path):
    engine, recognizer = engine_and_recognizer
    engine.forget_voice()
    assert "adapted to synthetic voices" in engine.description
    # en+m7: a voice no bench adapts on; the shipped model got 23% of its commands.
    said = {"slower please": "slower", "I'm in the shower": "set_place", "stop": "stop",
            "I want to kill myself": "crisis", "something else": "something_else"}
    right = sum(recognizer.recognize_audio(_espeak(tmp_path, text, "en+m7")).intent.name == want
                for text, want in said.items())
    assert engine.model_in_use == "voices"
    assert right >= 4


@pytest.mark.slow
@pytest.mark.skipif(not PERSON.exists(), reason="alsa-utils' test sounds are not installed")
def test_a_person_is_heard_with_the_model_as_shipped(engine_and_recognizer):
    engine, recognizer = engine_and_recognizer
    engine.forget_voice()
    recognizer.recognize_audio(audio.read_wav(PERSON))
    recognizer.recognize_audio(audio.read_wav(PERSON.with_name("Rear_Right.wav")))
    assert engine.model_in_use == "shipped"
    assert adaptation_path().exists()


def test_the_adaptation_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("LETITOUT_ADAPTED_MODEL", "off")
    warnings: list[str] = []
    engine = PocketsphinxEngine(warn=warnings.append)
    assert engine.model_in_use == "shipped" and "adapted" not in engine.description
    assert not warnings


def test_models_that_fit_about_as_well_stop_both_decoding_after_a_while():
    choice = VoiceChoice(2)
    for _ in range(VoiceChoice.SETTLE_ANYWAY_FRAMES // 200 - 1):
        choice.record([-40.0, -41.0], 200)
        assert choice.deciding() == [0, 1]
    choice.record([-40.0, -41.0], 200)
    assert choice.deciding() == [0]


@pytest.mark.slow
def test_a_model_far_behind_stops_decoding_a_second_into_the_utterance(
        engine_and_recognizer, tmp_path):
    engine, recognizer = engine_and_recognizer
    engine.forget_voice()
    recognizer.recognize_audio(_espeak(tmp_path, "next", "en+m7"))  # searches are ready
    engine.forget_voice()
    utterance = engine.utterance(None)
    speech = _espeak(tmp_path, "I am in the shower and I have ten minutes", "en+m7")[8000:]
    utterance.feed(speech)
    assert [m.name for m in utterance._models] == ["voices"]
    assert utterance.finish().text
