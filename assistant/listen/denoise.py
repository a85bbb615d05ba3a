"""Noise suppression candidates for running water, wind and background talk.

Each denoiser is stateful and streaming: process(samples) takes 16 kHz int16 of any length and
returns the same number of samples (a fixed delay is padded with silence at the start).
bench/speech_in.py measures which one helps the recogniser; Settings.denoiser picks it.
"""

from __future__ import annotations

import numpy as np

from assistant.errors import LetitoutError
from assistant.listen.audio import background

NAMES = ("none", "webrtc", "speex", "rnnoise", "noisereduce", "auto")
# "auto" (whole recordings): RNNoise only when the noise floor is high. Measured in
# bench/speech_in.py: RNNoise lifts running water at 10 dB from 24% to 58% but costs a few
# points on clean speech, so it is used only where there is noise to remove; over other
# people's talk it hurts (bench/speech_in.py babble), so it is not used there.
NOISY_FLOOR_RMS = 150.0
# ...and only when the voice does not stand well above it (audio.Background.clear) and the
# noise is not mostly rumble below the speech band (audio.Background.rumble: wind). Over
# wind RNNoise gained nothing: quick bench wind at 10 dB 96.7% with or without it, at 5 dB
# 94.2% with and 96.7% without, CPU/audio about 0.10 -> 0.07. Over pink noise it is needed
# (10 dB: 90.0% with, 80.8% without).


class _Fifo:
    """Keeps output aligned with input length for denoisers that work in fixed blocks."""

    def __init__(self, block: int) -> None:
        self.block = block
        self._in = np.zeros(0, dtype=np.int16)
        self._out = np.zeros(block, dtype=np.int16)  # one block of delay, filled with silence

    def run(self, samples: np.ndarray, block_fn) -> np.ndarray:
        self._in = np.concatenate([self._in, samples])
        produced = []
        while len(self._in) >= self.block:
            chunk, self._in = self._in[: self.block], self._in[self.block :]
            produced.append(block_fn(chunk))
        if produced:
            self._out = np.concatenate([self._out, *produced])
        n = len(samples)
        if len(self._out) < n:
            self._out = np.concatenate([self._out, np.zeros(n - len(self._out), np.int16)])
        result, self._out = self._out[:n], self._out[n:]
        return result


class NoDenoiser:
    name = "none"

    def process(self, samples: np.ndarray) -> np.ndarray:
        return samples


class WebrtcDenoiser:
    """WebRTC audio processing: noise suppression (level 0..4) and optional auto gain."""

    name = "webrtc"

    def __init__(self, level: int = 2, auto_gain_dbfs: int = 0) -> None:
        from webrtc_noise_gain import AudioProcessor

        self._processor = AudioProcessor(auto_gain_dbfs, level)
        self._fifo = _Fifo(160)

    def _block(self, chunk: np.ndarray) -> np.ndarray:
        out = self._processor.Process10ms(chunk.tobytes()).audio
        return np.frombuffer(out, dtype=np.int16)

    def process(self, samples: np.ndarray) -> np.ndarray:
        return self._fifo.run(samples, self._block)


class SpeexDenoiser:
    """Speex DSP's spectral noise suppressor (20 ms blocks)."""

    name = "speex"

    def __init__(self) -> None:
        from speexdsp_ns import NoiseSuppression

        self._ns = NoiseSuppression.create(320, 16000)
        self._fifo = _Fifo(320)

    def _block(self, chunk: np.ndarray) -> np.ndarray:
        return np.frombuffer(self._ns.process(chunk.tobytes()), dtype=np.int16)

    def process(self, samples: np.ndarray) -> np.ndarray:
        return self._fifo.run(samples, self._block)


class RnnoiseDenoiser:
    """Xiph RNNoise (a small recurrent network; runs at 48 kHz, resampled inside)."""

    name = "rnnoise"

    def __init__(self) -> None:
        import soxr
        from pyrnnoise import RNNoise  # noqa: F401 - fail early when missing
        from pyrnnoise.rnnoise import create, process_frame

        self._state = [create()]
        self._process_frame = process_frame
        self._up = soxr.ResampleStream(16000, 48000, 1, dtype="int16")
        self._down = soxr.ResampleStream(48000, 16000, 1, dtype="int16")
        self._fifo48 = np.zeros(0, dtype=np.int16)
        self._out = np.zeros(480, dtype=np.int16)

    def process_whole(self, samples: np.ndarray) -> np.ndarray:
        """A whole recording, time-aligned: its 60 ms of delay flushed and dropped."""
        if len(samples) <= self.DELAY:
            return samples
        flushed = self.process(np.concatenate([samples, np.zeros(self.DELAY, np.int16)]))
        return flushed[self.DELAY :]

    DELAY = 960  # samples at 16 kHz through resampling and one RNNoise frame

    def process(self, samples: np.ndarray) -> np.ndarray:
        self._fifo48 = np.concatenate([self._fifo48, self._up.resample_chunk(samples)])
        produced = []
        while len(self._fifo48) >= 480:
            block, self._fifo48 = self._fifo48[:480], self._fifo48[480:]
            denoised, _ = self._process_frame(self._state, block[None, :])
            produced.append(np.asarray(denoised, dtype=np.int16).reshape(-1))
        if produced:
            down = self._down.resample_chunk(np.concatenate(produced))
            self._out = np.concatenate([self._out, down])
        n = len(samples)
        if len(self._out) < n:
            self._out = np.concatenate([self._out, np.zeros(n - len(self._out), np.int16)])
        result, self._out = self._out[:n], self._out[n:]
        return result


class NoisereduceDenoiser:
    """Spectral gating (noisereduce, non-stationary); works on whole recordings only."""

    name = "noisereduce"

    def process(self, samples: np.ndarray) -> np.ndarray:
        import noisereduce

        if len(samples) < 4096:
            return samples
        x = samples.astype(np.float32) / 32768.0
        y = noisereduce.reduce_noise(y=x, sr=16000, stationary=False, prop_decrease=0.9)
        return (np.clip(y, -1, 32767 / 32768) * 32768).astype(np.int16)


class AutoDenoiser:
    """Whole recordings: RNNoise over loud noise, nothing over quiet, mild noise, rumble or
    other people talking (see Recognizer._cleaned). Streams pass through (a live stream
    cannot look ahead at its own background)."""

    name = "auto"

    def process(self, samples: np.ndarray) -> np.ndarray:
        return samples

    def process_whole(self, samples: np.ndarray) -> np.ndarray:
        return self.for_background(samples, background(samples))

    @staticmethod
    def for_background(samples: np.ndarray, scene) -> np.ndarray:
        """The rule itself, for a caller that has already judged the background."""
        if scene.talk or scene.floor_rms < NOISY_FLOOR_RMS or scene.clear or scene.rumble:
            return samples
        return RnnoiseDenoiser().process_whole(samples)


def make_denoiser(name: str = "none"):
    makers = {
        "none": NoDenoiser,
        "webrtc": WebrtcDenoiser,
        "speex": SpeexDenoiser,
        "rnnoise": RnnoiseDenoiser,
        "noisereduce": NoisereduceDenoiser,
        "auto": AutoDenoiser,
    }
    if name not in makers:
        raise LetitoutError(f"unknown noise suppressor '{name}'; use one of {', '.join(NAMES)}")
    return makers[name]()
