"""Speech through an 8 kHz channel (an 8 kHz WAV file, a Bluetooth headset's microphone in
its call mode): told apart from wideband speech and heard with the model adapted to it."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
import soundfile
import soxr

from assistant.listen import audio
from assistant.listen.recognizer import make_recognizer

pytestmark = pytest.mark.slow


def _espeak(tmp_path, text: str, voice: str = "en-us") -> np.ndarray:
    path = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
    return audio.read_wav(path)


def _as_8k_file(tmp_path, samples: np.ndarray, name: str):
    path = tmp_path / name
    soundfile.write(path, soxr.resample(samples, audio.RATE, 8000).astype(np.int16), 8000,
                    subtype="PCM_16")
    return path


def test_an_8k_channel_is_told_apart_from_wideband_speech(tmp_path):
    wide = _espeak(tmp_path, "can you turn it down a bit")
    narrow = audio.read_wav(_as_8k_file(tmp_path, wide, "narrow.wav"))
    assert not audio.narrowband(wide)
    assert audio.narrowband(narrow)
    assert audio.band_ratio_db(narrow) < audio.NARROWBAND_BELOW_DB - 15  # far from the line
    # Silence, or a click too short to tell, is not called narrowband.
    assert not audio.narrowband(np.zeros(audio.RATE, np.int16))
    assert not audio.narrowband(narrow[:1000])


def test_8k_files_are_heard_with_the_narrowband_model(tmp_path):
    recognizer = make_recognizer("pocketsphinx", warn=lambda message: None)
    engine = recognizer._engine
    assert "8 kHz" in recognizer.description
    said = {"help me let it out": "start_session", "please go slower": "slower",
            "i want to end my life": "crisis", "i'm in the shower": "set_place"}
    for text, intent in said.items():
        wide = _espeak(tmp_path, text)
        path = _as_8k_file(tmp_path, wide, "narrow.wav")
        samples = audio.read_wav(path)
        assert engine.narrowband_model(samples) is not None
        assert engine.narrowband_model(wide) is None
        heard = recognizer.recognize_file(path)
        assert heard["intent"] == intent, heard
