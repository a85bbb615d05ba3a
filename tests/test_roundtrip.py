"""The default voice's own words are understood back by letitout's own recogniser."""

from __future__ import annotations

import numpy as np
import pytest
import soxr


@pytest.fixture(scope="module")
def voice_and_ears():
    from assistant.listen import make_recognizer
    from assistant.speak import load_voice

    return load_voice(None, warn=lambda m: None), make_recognizer(warn=lambda m: None)


@pytest.mark.parametrize("text, intent", [
    ("help me let it out", "start_session"),
    ("say that again", "repeat"),
    ("I'm crying", "crying"),
    ("something else", "something_else"),
])
def test_the_default_voice_is_understood_by_the_default_recogniser(voice_and_ears, text,
                                                                    intent):
    voice, recognizer = voice_and_ears
    audio = soxr.resample(voice.synthesize(text), voice.sample_rate, 16000)
    padded = np.concatenate([np.zeros(8000), audio, np.zeros(8000)])
    pcm = (np.clip(padded, -1, 1) * 32767 * 0.8).astype(np.int16)
    result = recognizer.recognize_audio(pcm)
    assert result.intent.name == intent, result.text
