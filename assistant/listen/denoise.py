"""Noise suppression candidates for running water, wind and background talk.

Each denoiser is stateful and streaming: process(samples) takes 16 kHz int16 of any length and
returns the same number of samples (a fixed delay is padded with silence at the start).
bench/speech_in.py measures which one helps the recogniser; Settings.denoiser picks it.
"""

from __future__ import annotations

import ctypes
import functools
import weakref
from collections.abc import Iterator

import numpy as np

from assistant.errors import LetitoutError
from assistant.listen.audio import background, rounded_int16

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
# WebRTC's suppressor costs 0.002 CPU/audio against RNNoise's 0.048; in RNNoise's place where
# the voice stands 11.5 dB or more above the noise (running water at 10 dB: contrast 13-15 dB;
# at 5 dB 8-10) 400 clips at 10 dB went 88.8 -> 80.3% right, wrong 7.5 -> 14.0%. Not kept.


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


class _RnnoiseState:
    """One RNNoise network state (about 33 KB of C memory, freed with the object). run() takes
    float32 samples at 48 kHz, a whole number of 10 ms frames, and denoises them in place: one
    C call per frame and nothing else (pyrnnoise's own wrapper converted each frame to int16
    and back and never freed its states)."""

    FRAME = 480

    def __init__(self) -> None:
        lib = load_rnnoise()
        self._lib = lib
        self._state = lib.rnnoise_create(None)
        weakref.finalize(self, lib.rnnoise_destroy, self._state)

    def run(self, frames48: np.ndarray) -> None:
        base = frames48.ctypes.data
        step = self.FRAME * frames48.itemsize
        process, state, as_floats = self._lib.rnnoise_process_frame, self._state, _FLOATS
        for at in range(0, len(frames48) - self.FRAME + 1, self.FRAME):
            pointer = ctypes.cast(base + (at // self.FRAME) * step, as_floats)
            process(state, pointer, pointer)


_FLOATS = ctypes.POINTER(ctypes.c_float)


@functools.cache
def load_rnnoise():
    """pyrnnoise's C library (loaded once), from its package folder without importing the
    package: `import pyrnnoise` pulls in audiolab and PyAV (0.2 s) for nothing used here."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("pyrnnoise")
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = [os.path.join(f, "librnnoise.so") for f in folders
             if os.path.exists(os.path.join(f, "librnnoise.so"))]
    if not found:
        raise LetitoutError("RNNoise is not installed; run: pip install pyrnnoise")
    try:
        lib = ctypes.CDLL(found[0])
    except OSError as exc:
        raise LetitoutError(f"{found[0]}: cannot load RNNoise ({exc}); "
                            "reinstall it: pip install --force-reinstall pyrnnoise") from None
    lib.rnnoise_create.argtypes = [ctypes.c_void_p]
    lib.rnnoise_create.restype = ctypes.c_void_p
    lib.rnnoise_destroy.argtypes = [ctypes.c_void_p]
    lib.rnnoise_process_frame.argtypes = [ctypes.c_void_p, _FLOATS, _FLOATS]
    lib.rnnoise_process_frame.restype = ctypes.c_float
    return lib


class RnnoiseDenoiser:
    """Xiph RNNoise (a small recurrent network; runs at 48 kHz, resampled inside)."""

    name = "rnnoise"
    # RNNoise's own delay at 48 kHz, measured against the clean speech under the noise (20
    # ms). Tried: cutting a whole recording in two, one half per core (the second starting
    # 0.5 s early to settle): 400 clips in running water at 10 and 5 dB, 89.5 -> 88.5% and
    # 74.8 -> 73.3% right, wall time per audio 0.065 -> 0.061, CPU 0.062 -> 0.070. Not kept.
    DELAY48 = 960
    BLOCK_FRAMES = 20  # RNNoise frames (10 ms) per piece of whole_in_pieces (0.2 s)

    def __init__(self) -> None:
        import soxr

        self._network = _RnnoiseState()
        self._up = soxr.ResampleStream(16000, 48000, 1, dtype="float32")
        self._down = soxr.ResampleStream(48000, 16000, 1, dtype="float32")
        self._fifo48 = np.zeros(0, dtype=np.float32)
        self._out = np.zeros(480, dtype=np.int16)

    def process_whole(self, samples: np.ndarray) -> np.ndarray:
        """A whole recording, time-aligned (same length, no delay)."""
        return np.concatenate(list(self.whole_in_pieces(samples)))

    def whole_in_pieces(self, samples: np.ndarray) -> Iterator[np.ndarray]:
        """process_whole's samples, a piece (BLOCK_FRAMES of RNNoise's frames) at a time as
        RNNoise gets through them (rnnoise_worker.py sends them on one by one)."""
        samples = np.asarray(samples, dtype=np.int16)
        running = RnnoiseRunning(self._network)
        step = self.BLOCK_FRAMES * _RnnoiseState.FRAME // 3  # 16 kHz samples
        given = 0
        for start in range(0, len(samples), step):
            piece = running.feed(samples[start : start + step])
            if len(piece):
                given += 1
                yield piece
        piece = running.end()
        if len(piece) or not given:  # (an empty recording: one empty piece, to concatenate)
            yield piece

    def process(self, samples: np.ndarray) -> np.ndarray:
        """Streaming: the same length out as in, 60 ms late (resampling and one frame)."""
        frame = _RnnoiseState.FRAME
        up = self._up.resample_chunk(np.asarray(samples, dtype=np.float32))
        self._fifo48 = np.concatenate([self._fifo48, up])
        whole = len(self._fifo48) // frame * frame
        if whole:
            block, self._fifo48 = self._fifo48[:whole].copy(), self._fifo48[whole:]
            self._network.run(block)
            down = rounded_int16(self._down.resample_chunk(block))
            self._out = np.concatenate([self._out, down])
        n = len(samples)
        if len(self._out) < n:
            self._out = np.concatenate([self._out, np.zeros(n - len(self._out), np.int16)])
        result, self._out = self._out[:n], self._out[n:]
        return result


class RnnoiseRunning:
    """RNNoise over a recording that arrives piece by piece (a live utterance while the person
    is still speaking; RnnoiseDenoiser.whole_in_pieces feeds it 0.2 s at a time), giving back
    the samples as they are ready, time-aligned (no delay). Whatever the pieces, the output is
    that of the whole recording at once: soxr's streams, once told the last chunk, give the
    very samples of a whole resample (a test holds it to that)."""

    def __init__(self, network: _RnnoiseState | None = None) -> None:
        import soxr

        self._network = network or _RnnoiseState()
        self._up = soxr.ResampleStream(16000, 48000, 1, dtype="float32")
        self._down = soxr.ResampleStream(48000, 16000, 1, dtype="float32")
        self._unrun = np.zeros(0, np.float32)  # 48 kHz samples short of a whole frame
        # Samples through the network not yet passed on, from 48 kHz sample _kept_from on
        self._kept = np.zeros(0, np.float32)
        self._kept_from = 0
        self._run_count = 0
        self._up_count = 0  # 48 kHz samples of the recording itself (no padding)
        self._aligned_sent = 0  # aligned 48 kHz samples passed to the down-sampler
        self._given: list[np.ndarray] = []  # the 16 kHz output handed out so far
        self._given_count = 0
        self._count = 0  # 16 kHz samples in
        self._small: list[np.ndarray] = []  # the input itself (a recording under 160 samples)

    @property
    def count(self) -> int:
        """Samples fed so far."""
        return self._count

    def feed(self, samples: np.ndarray) -> np.ndarray:
        """Take the next samples; returns the output newly ready (often none)."""
        samples = np.asarray(samples, dtype=np.int16)
        self._count += len(samples)
        if self._count < 160:
            self._small.append(samples)
        return self._through(self._up.resample_chunk(samples.astype(np.float32)), last=False)

    def end(self) -> np.ndarray:
        """The recording is whole: the rest of the output."""
        if self._count < 160:  # too short to denoise: the recording itself
            rest = np.concatenate(self._small) if self._small else np.zeros(0, np.int16)
            return self._give(rest)
        rest = self._through(self._up.resample_chunk(np.zeros(0, np.float32), last=True),
                             last=True)
        if self._given_count < self._count:  # soxr's last call can come out a sample short
            rest = np.concatenate([rest, self._give(np.zeros(self._count - self._given_count,
                                                             np.int16))])
        return rest

    def finish(self) -> np.ndarray:
        """end(), and the whole output (what feed gave out too)."""
        self.end()
        return np.concatenate(self._given) if self._given else np.zeros(0, np.int16)

    def _give(self, piece: np.ndarray) -> np.ndarray:
        piece = piece[: self._count - self._given_count]
        self._given.append(piece)
        self._given_count += len(piece)
        return piece

    def _through(self, up: np.ndarray, last: bool) -> np.ndarray:
        frame, delay = _RnnoiseState.FRAME, RnnoiseDenoiser.DELAY48
        self._up_count += len(up)
        pending = np.concatenate([self._unrun, up])
        if last:  # zeros after the recording, enough for its last aligned sample
            size = -(-(self._up_count + delay) // frame) * frame
            pending = np.concatenate([pending, np.zeros(size - self._run_count - len(pending),
                                                        np.float32)])
        whole = len(pending) // frame * frame
        block, self._unrun = pending[:whole].copy(), pending[whole:]
        if whole:
            self._network.run(block)
            self._kept = np.concatenate([self._kept, block])
            self._run_count += whole
        ready = min(self._run_count - delay, self._up_count)  # aligned samples finished
        if ready <= self._aligned_sent and not last:
            return np.zeros(0, np.int16)
        start, end = delay + self._aligned_sent, delay + max(ready, self._aligned_sent)
        piece = self._down.resample_chunk(
            self._kept[start - self._kept_from : end - self._kept_from], last=last)
        self._kept, self._kept_from = self._kept[end - self._kept_from :], end
        self._aligned_sent = max(ready, self._aligned_sent)
        return self._give(rounded_int16(piece))


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
    def wanted(scene) -> bool:
        """The rule itself: is RNNoise run over a recording with this background?"""
        return not (scene.talk or scene.floor_rms < NOISY_FLOOR_RMS or scene.clear
                    or scene.rumble)

    @staticmethod
    def for_background(samples: np.ndarray, scene) -> np.ndarray:
        """For a caller that has already judged the background."""
        if not AutoDenoiser.wanted(scene):
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
