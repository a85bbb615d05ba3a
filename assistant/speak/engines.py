"""The two real engines: espeak-ng through pyttsx3, and Piper (neural, ONNX)."""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib.resources
import io
import json
import sys
import tempfile
import threading
import wave
from pathlib import Path

import numpy as np

from assistant.speak.profiles import VoiceProfile
from assistant.speak.voice import Voice, is_silent

# libespeak-ng is one global synthesizer per process (pyttsx3 initialises it once), so every
# espeak voice takes turns through this lock and sets its voice, rate and pitch each time.
_ESPEAK_LOCK = threading.Lock()
_ESPEAK_RATE = 22050  # pyttsx3's espeak driver always writes 22.05 kHz mono 16-bit
_ESPEAK_TRIES = 3


class _DropLine(io.TextIOBase):
    """Stands in for stdout while pyttsx3 prints "Audio saved to <our temp file>": drops that
    line (and the newline print adds after it) and passes everything else through, since
    another thread of the session may be printing at the same moment."""

    def __init__(self, real, line: str) -> None:
        self.real, self.line, self._dropped = real, line, False

    def write(self, text: str) -> int:
        if text == self.line or (text == "\n" and self._dropped):
            self._dropped = text == self.line
            return len(text)
        return self.real.write(text)

    def flush(self) -> None:
        self.real.flush()


def _espeak_voice_ids(engine) -> set[str]:
    ids: set[str] = set()
    for voice in engine.getProperty("voices"):
        ids.add(voice.id)
        ids.add(voice.id.split("/")[-1])
    return ids


class EspeakVoice(Voice):
    """espeak-ng via pyttsx3's espeak driver and ``save_to_file``.

    pyttsx3 works headless here (no audio device needed to save to a file), so it stays the
    named engine. Its driver silently keeps the previous voice when a name is unknown, so the
    voice id is checked against espeak's own list first.
    """

    engine = "espeak"

    def __init__(self, profile: VoiceProfile) -> None:
        super().__init__(profile, _ESPEAK_RATE)
        import pyttsx3

        with _ESPEAK_LOCK:
            self._tts = pyttsx3.init("espeak")
            known = _espeak_voice_ids(self._tts)
        # Let go of the driver while Python is still whole: pyttsx3's own clean-up, run at
        # interpreter teardown, prints a traceback.
        atexit.register(self._release)
        base = profile.voice.split("+")[0]
        if base not in known:
            raise RuntimeError(f"espeak-ng has no voice '{base}' (see `espeak-ng --voices=en`)")
        self._wpm = float(profile.options.get("wpm", 160))
        self._pitch = int(profile.options.get("pitch", 50))
        self._tmp = tempfile.TemporaryDirectory(prefix="letitout-espeak-")

    def _release(self) -> None:
        self._tts = None
        gc.collect()

    def _render(self, sentence: str, rate: float) -> np.ndarray:
        # pyttsx3's espeak driver now and then hands back an empty recording (about 1 render
        # in 300 here: its callback thread races the end of the message), so try again.
        for _ in range(_ESPEAK_TRIES):
            audio = self._render_once(sentence, rate)
            if not is_silent(audio):
                break
        return audio

    def _render_once(self, sentence: str, rate: float) -> np.ndarray:
        path = Path(self._tmp.name) / "sentence.wav"
        with _ESPEAK_LOCK:
            self._tts.setProperty("voice", self.profile.voice)
            self._tts.setProperty("rate", int(round(self._wpm * rate)))
            self._tts.setProperty("pitch", self._pitch)
            self._tts.setProperty("volume", 1.0)
            path.unlink(missing_ok=True)  # never read the previous sentence back
            quiet = _DropLine(sys.stdout, f"Audio saved to {path}")
            with contextlib.redirect_stdout(quiet):
                self._tts.save_to_file(sentence, str(path))
                self._tts.runAndWait()
            if not path.is_file():
                return np.zeros(0, np.float32)
            with wave.open(str(path), "rb") as wav:
                frames = wav.readframes(wav.getnframes())
        return np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0


def resolve_model(spec: str) -> Path:
    """A Piper model: "package:path/inside.onnx" (found via importlib) or a file path."""
    if ":" in spec and not Path(spec).exists():
        package, _, inner = spec.partition(":")
        try:
            root = importlib.resources.files(package)
        except ModuleNotFoundError:
            raise RuntimeError(f"the package '{package}' is not installed") from None
        return Path(str(root.joinpath(inner)))
    return Path(spec).expanduser()


class PiperEngineVoice(Voice):
    """Piper (piper-tts 1.8): one ONNX model; the rate maps to the model's length scale."""

    engine = "piper"

    def __init__(self, profile: VoiceProfile) -> None:
        model = resolve_model(profile.voice)
        config = Path(f"{model}.json")
        for needed in (model, config):
            if not needed.is_file():
                raise RuntimeError(f"the model file {needed} is missing")
        import onnxruntime
        from piper import PiperVoice, SynthesisConfig
        from piper.config import PiperConfig

        # Built by hand rather than PiperVoice.load to set the threads: on a small busy
        # machine one thread that does not spin-wait gives the fastest first sentence.
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = int(profile.options.get("threads", 1))
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            piper_config = PiperConfig.from_dict(json.loads(config.read_text(encoding="utf-8")))
            session = onnxruntime.InferenceSession(
                str(model), sess_options=options, providers=["CPUExecutionProvider"])
            self._piper = PiperVoice(session=session, config=piper_config)
        except Exception as exc:  # onnxruntime raises its own types for a broken model
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise RuntimeError(f"the model {model.name} does not load ({first[:120]})") from None
        self._config = SynthesisConfig
        self._length_scale = float(self._piper.config.length_scale or 1.0)
        self._lock = threading.Lock()
        super().__init__(profile, int(self._piper.config.sample_rate))

    def _render(self, sentence: str, rate: float) -> np.ndarray:
        settings = self._config(length_scale=self._length_scale / rate, normalize_audio=False)
        with self._lock:
            chunks = [c.audio_float_array for c in self._piper.synthesize(sentence, settings)]
        return np.concatenate(chunks) if chunks else np.zeros(0, np.float32)


ENGINE_CLASSES: dict[str, type[Voice]] = {"espeak": EspeakVoice, "piper": PiperEngineVoice}
