"""`letitout recognize FILE... --json` as a person or a script runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def test_recognize_json_gives_a_line_per_file_and_errors_do_not_stop_the_rest(tmp_path,
                                                                              monkeypatch):
    monkeypatch.delenv("LETITOUT_VOSK_MODEL", raising=False)
    monkeypatch.setenv("LETITOUT_MODELS_DIR", str(tmp_path / "no-models"))
    good = tmp_path / "stop.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(good), "stop"], check=True)
    bad = tmp_path / "bad.wav"
    bad.write_text("not audio")
    missing = tmp_path / "missing.wav"
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "recognize", "--json", str(bad), str(good),
         str(missing)],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 1
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(bad), str(good), str(missing)]
    assert set(lines[0]) == {"file", "error"} and str(bad) in lines[0]["error"]
    assert set(lines[2]) == {"file", "error"}
    heard = lines[1]
    assert {"file", "text", "intent", "slots", "confidence", "engine", "audio_s",
            "decode_ms"} <= set(heard)
    assert heard["intent"] == "stop" and heard["engine"] == "pocketsphinx"
    assert heard["audio_s"] > 0 and heard["decode_ms"] > 0
    assert "Traceback" not in run.stderr
    assert "pocketsphinx" in run.stderr  # the one-line note saying which engine is in use


def test_recognize_with_an_unknown_model_folder_is_one_line(tmp_path):
    wav = tmp_path / "x.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "next"], check=True)
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "recognize", "--engine", "vosk", "--model",
         str(tmp_path / "nothing"), str(wav)],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "does not exist" in run.stderr


FIRST_RECORDINGS = r"""
import subprocess, sys, numpy as np
from assistant.listen import audio
from assistant.listen.recognizer import make_recognizer
path = sys.argv[1]
subprocess.run(["espeak-ng", "-v", "en-us", "-w", path, "slow down please"], check=True)
voice = audio.read_wav(path).astype(float)
rng = np.random.default_rng(3)
n = len(voice) + 16000
speech = np.zeros(n)
speech[8000 : 8000 + len(voice)] = voice
hiss = rng.normal(size=n) * 0.3 * voice.std()
rumble = np.cumsum(rng.normal(size=n))
rumble = (rumble - np.convolve(rumble, np.ones(400) / 400, "same")) / 10 * voice.std()
recognizer = make_recognizer("pocketsphinx", warn=lambda m: None)
before = set(sys.modules)
for noise in (hiss, rumble, 0 * hiss):
    recognizer.recognize_audio(np.clip(speech + noise, -32768, 32767).astype(np.int16))
print(sorted(set(sys.modules) - before))
"""


def test_the_first_recordings_load_nothing_their_decode_time_would_pay_for(tmp_path):
    # decode_ms is the time after the audio is in: a library loaded on first use (once
    # scipy.signal for the wind filter, 1.4 s; pyrnnoise's package, 0.2 s) belongs to start-up.
    run = subprocess.run([sys.executable, "-c", FIRST_RECORDINGS, str(tmp_path / "s.wav")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]", run.stdout
