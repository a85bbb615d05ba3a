"""Acoustic echo cancellation: take the assistant's own voice out of the microphone.

The speaker output knows exactly what it plays. It writes every block it hands to the device
(silence included, so the timeline has no gaps) into an ``EchoReference`` at 16 kHz. The
microphone side, ``EchoCanceller``, finds how far behind the reference the echo arrives (a
cross-correlation, re-checked while the assistant talks), fits the echo path as a short FIR
filter by least squares on the last two seconds, and subtracts the predicted echo. What is
left is the person: "stop" said over the narration reaches the recogniser nearly as clean as
in a quiet room. (libspeexdsp's adaptive canceller was tried first: it needed several seconds
of speech to converge and gave 6-9 dB here; the least-squares fit is right from its first
window.)
"""

from __future__ import annotations

import threading
from collections import deque

import numpy as np

RATE = 16000
FILTER_TAPS = 1024  # 64 ms of echo path: the room's strongest reflections plus timing slack
MARGIN = 160  # 10 ms: the reference is taken this early, so timing jitter stays inside
HISTORY_S = 20.0  # reference kept (the echo is looked for within it)
# Delay search: the echo is looked for this far around the first guess (device buffers and
# the room add a few tens to a few hundreds of milliseconds).
SEARCH_S = (-0.3, 0.8)
ESTIMATE_EVERY_S = 0.25
ESTIMATE_WINDOW_S = 1.0
MIN_PEAK_RATIO = 6.0  # correlation peak over its typical value: a clear echo, not chance
DRIFT_STEP = 160  # samples: a delay change this small (timing jitter, drift) is followed at once
# The echo path is fitted again every FIT_EVERY_S on the last FIT_WINDOW_S. Speech is a poor
# probe (little energy in some bands), so longer windows fit better; two devices' clocks can
# drift apart by a sample every few seconds, so shorter ones follow better. Measured in the
# PulseAudio room: 24-48 dB less echo with 3 s.
FIT_EVERY_S = 0.25
FIT_WINDOW_S = 3.0
MIN_FIT_S = 0.5  # the first fit, as soon as this much aligned sound is in
# How long a microphone frame may wait for the reference that explains its echo (a late
# reference read as silence would leave that echo in, and look like the person talking).
REFERENCE_WAIT_S = 0.08
REGULARISE = 1e-6  # a whisper of ridge, so a silent band stays solvable (1e-3 cost 10 dB)
# The person talking over the assistant (double talk) must not be learnt as echo. They are
# taken to be talking when the microphone is this much louder (power) than the echo the path
# predicts from what was just played (the path's gain times the reference's power, so even a
# rough path predicts fairly); the fit and the delay then stay frozen for a window's length.
NEAR_TALK_RATIO = 6.0
NEAR_TALK_FLOOR = (150 / 32768) ** 2  # power below this is quiet, whatever the ratio


class DeviceClock:
    """When the next block should reach (or leave) the device, run on from the samples seen.
    A block stamped a whole block later than that means the device played or dropped
    something we never saw (an underrun or overrun); ``missing`` says how many 16 kHz samples
    of silence stand in for it, so a timeline stays in step with the room's."""

    def __init__(self) -> None:
        self._next: float | None = None

    def missing(self, stamp: float | None, seconds: float) -> int:
        """`stamp`: PortAudio's time for this block (0 or None when it has none); `seconds`:
        the block's length. Small jitter in the stamps is no gap: the expected time runs on
        from the samples, not from each stamp."""
        if not stamp:
            return 0
        if self._next is None:
            self._next = stamp
        gap = 0
        late = stamp - self._next
        if late > seconds:
            gap = min(int(round(late * RATE)), RATE)
            self._next += gap / RATE
        self._next += seconds
        return gap


class EchoReference:
    """What the speaker played, resampled to 16 kHz, as one gapless timeline.

    ``played`` is called from the audio callback with every block (silence too). The first
    call notes how many samples the microphone had delivered by then (``anchor``): a rough
    first guess of the delay, which the canceller refines by cross-correlation.
    """

    def __init__(self, rate: int) -> None:
        import soxr

        self.rate = rate
        self._resampler = None if rate == RATE else soxr.ResampleStream(rate, RATE, 1,
                                                                        dtype="float32")
        self._size = int(HISTORY_S * RATE)
        self._ring = np.zeros(self._size, np.float32)
        self._written = 0
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.mic_clock = None  # set by the canceller: a function giving mic samples so far
        self._anchor: tuple[int, int] | None = None  # (reference n, mic samples) when first seen
        self._clock = DeviceClock()
        self.gaps = 0  # underruns filled with silence (for the curious and the tests)

    def played(self, block: np.ndarray, dac_time: float | None = None) -> None:
        """`dac_time`: when the block's first sample reaches the speaker (PortAudio's stream
        clock). A late callback (an underrun: the device played silence we never wrote)
        shows as a jump in it; the gap goes into the reference as silence, so the reference
        stays in step with what the room actually heard."""
        block = np.asarray(block, np.float32).reshape(-1)
        gap = self._clock.missing(dac_time, len(block) / self.rate)
        if self._resampler is not None:
            block = self._resampler.resample_chunk(block)
        if gap:
            self.gaps += 1
            block = np.concatenate([np.zeros(gap, np.float32), block])
        with self._lock:
            if self._anchor is None and self.mic_clock is not None:
                self._anchor = (self._written, self.mic_clock())
            n = len(block)
            if n >= self._size:
                block, n = block[-self._size:], self._size
            start = self._written % self._size
            first = min(n, self._size - start)
            self._ring[start:start + first] = block[:first]
            self._ring[: n - first] = block[first:]
            self._written += n
            self._arrived.notify_all()

    def wait_for(self, end: int, timeout: float) -> bool:
        """Wait (at most `timeout` seconds) until samples up to `end` are in. A reference
        captured after playback (the sound server's monitor) can reach us a little after the
        microphone frame whose echo it explains."""
        with self._arrived:
            return self._arrived.wait_for(lambda: self._written >= end, timeout)

    @property
    def written(self) -> int:
        with self._lock:
            return self._written

    def anchor(self) -> tuple[int, int] | None:
        with self._lock:
            return self._anchor

    def read(self, start: int, n: int) -> np.ndarray:
        """Reference samples [start, start + n); zeros where nothing was (or is yet) played."""
        out = np.zeros(n, np.float32)
        with self._lock:
            lo = max(start, self._written - self._size, 0)
            hi = min(start + n, self._written)
            if hi > lo:
                idx = np.arange(lo, hi) % self._size
                out[lo - start: hi - start] = self._ring[idx]
        return out


class EchoCanceller:
    """Microphone frames in, the same frames with the assistant's echo taken out."""

    def __init__(self, reference: EchoReference) -> None:
        self.reference = reference
        self._mic = 0  # microphone samples seen so far
        self._lock = threading.Lock()
        reference.mic_clock = self.mic_samples
        size = int(max(ESTIMATE_WINDOW_S, FIT_WINDOW_S) * RATE)
        self._history = np.zeros(size, np.float32)  # the microphone, newest last
        self._far_history = np.zeros(size, np.float32)  # the aligned reference, same span
        self._since_estimate = 0
        self._since_fit = 0
        self._aligned = 0  # samples remembered since the current alignment was found
        self._frozen = 0  # samples left before the person's talk is out of the fit window
        self._talk_seen = -(10**9)  # microphone sample at which the person was last heard
        # mic index = reference index + lag (unknown until the echo has been found)
        self.lag: int | None = None
        self.estimates: deque[int] = deque(maxlen=64)  # the latest delay estimates
        self.path: np.ndarray | None = None  # the echo path, as an FIR filter
        self._far_tail = np.zeros(FILTER_TAPS - 1, np.float32)
        self._echo_power: deque[float] = deque(maxlen=4)  # predicted echo, last frames
        self._leaks: deque[float] = deque(maxlen=100)  # share of the echo left, last 3 s

    def person_talking(self, hangover_s: float = 0.3) -> bool:
        """Was the microphone, lately, clearly louder than the echo of what was just played?
        Judged on levels, so it holds even while the delay is being found again (when the
        subtraction itself is off and leaves the assistant's voice in)."""
        if self.path is None:
            return True  # nothing learnt yet: no opinion (the level gate decides alone)
        return self._mic - self._talk_seen <= hangover_s * RATE

    def mic_samples(self) -> int:
        with self._lock:
            return self._mic

    def process(self, frame: bytes) -> bytes:
        mic = np.frombuffer(frame, np.int16)
        with self._lock:
            first = self._mic
            self._mic += len(mic)
        near = mic.astype(np.float32) / 32768
        # The echo of reference sample n reaches the microphone at n + lag; the reference is
        # taken a margin early so the whole echo path lies inside the filter.
        if self.lag is None:
            far = np.zeros_like(near)
        else:
            start = first - self.lag + MARGIN
            self.reference.wait_for(start + len(mic), REFERENCE_WAIT_S)
            far = self.reference.read(start, len(mic))
        echo = self._predict(far)
        residual = near - echo if echo is not None else None
        self._remember(near, far, echo, residual)
        self._maybe_estimate()
        self._maybe_fit()
        if self.lag is None or residual is None:
            return frame
        cleaned = residual * 32768
        return np.clip(cleaned, -32768, 32767).astype(np.int16).tobytes()

    def _predict(self, far: np.ndarray) -> np.ndarray | None:
        """The echo the learnt path predicts for this frame (None before one is learnt)."""
        padded = np.concatenate([self._far_tail, far])
        self._far_tail = padded[-(FILTER_TAPS - 1):]
        if self.lag is None or self.path is None:
            return None
        return np.convolve(padded, self.path, mode="valid")[: len(far)]

    def _remember(self, near: np.ndarray, far: np.ndarray, echo: np.ndarray | None,
                  residual: np.ndarray | None) -> None:
        n = len(near)
        if echo is not None and residual is not None:
            # The predicted echo's level (the path's gain where the voice has its energy):
            # right even while the delay is being found again, when the subtraction is off.
            # The loudest of the last few frames: a slight misalignment does not make an
            # echo's onset look like the person.
            self._echo_power.append(float(np.mean(echo**2)))
            expected = max(self._echo_power)
            if float(np.mean(near**2)) > NEAR_TALK_RATIO * expected + NEAR_TALK_FLOOR:
                # Louder than any echo could be: the person, whatever the alignment. Only
                # this stops the learning (a test that trusts the subtraction would, once
                # the delay moves, take every frame for the person and never learn again).
                self._frozen = int(max(FIT_WINDOW_S, ESTIMATE_WINDOW_S) * RATE)
                self._talk_seen = self._mic
            elif self._over_leak(float(np.mean(residual**2)), expected):
                # Far louder than what the subtraction usually leaves: someone as loud as
                # the echo itself, heard clearly once the echo is out.
                self._talk_seen = self._mic
        for history, new in ((self._history, near), (self._far_history, far)):
            history[:-n] = history[n:]  # in place: this runs for every microphone frame
            history[-n:] = new
        self._since_estimate += n
        self._since_fit += n
        self._aligned += n
        self._frozen = max(0, self._frozen - n)

    def _over_leak(self, residual_power: float, expected: float) -> bool:
        """Is what is left after the subtraction far more than it usually leaves of the
        echo? `leak` (the median share of the echo left over lately) rises by itself when
        the delay moves, so a misaligned moment does not pass the echo for the person."""
        leak = float(np.median(self._leaks)) if len(self._leaks) >= 10 else 1.0
        talking = residual_power > NEAR_TALK_RATIO * leak * expected + NEAR_TALK_FLOOR
        if expected > NEAR_TALK_FLOOR:
            self._leaks.append(min(1.0, residual_power / expected))
        return talking

    # learning the echo path ---------------------------------------------------------------
    def _maybe_fit(self) -> None:
        """Least squares fit of the echo path on the last seconds (the Wiener solution): right
        from the first half second, unlike a slowly adapting filter. The person's talk is kept
        out of it (frozen above)."""
        if self._since_fit < FIT_EVERY_S * RATE or self._aligned < MIN_FIT_S * RATE:
            return
        if self._frozen:
            return
        self._since_fit = 0
        window = min(int(FIT_WINDOW_S * RATE), self._aligned)
        x = self._far_history[-window:].astype(np.float64)
        d = self._history[-window:].astype(np.float64)
        if np.sqrt(np.mean(x**2)) < 1e-3:
            return  # nothing (much) played lately: keep the last path
        from scipy.linalg import solve_toeplitz

        size = 1 << int(np.ceil(np.log2(2 * window)))
        fx = np.fft.rfft(x, size)
        auto = np.fft.irfft(fx * np.conj(fx), size)[:FILTER_TAPS]
        cross = np.fft.irfft(np.fft.rfft(d, size) * np.conj(fx), size)[:FILTER_TAPS]
        auto[0] *= 1.0 + REGULARISE
        try:
            self.path = solve_toeplitz(auto, cross).astype(np.float32)
        except (np.linalg.LinAlgError, ValueError):
            pass

    # finding the echo's delay -------------------------------------------------------------
    def _maybe_estimate(self) -> None:
        every = ESTIMATE_EVERY_S if self.lag is not None else FIT_EVERY_S
        if self._since_estimate < every * RATE or self._frozen:
            return
        anchor = self.reference.anchor()
        if anchor is None:
            return
        self._since_estimate = 0
        lag = self.estimate_lag(anchor)
        if lag is None:
            return
        previous = self.estimates[-1] if self.estimates else None
        self.estimates.append(lag)
        agreed = previous is not None and abs(lag - previous) <= 40
        small = self.lag is not None and abs(lag - self.lag) <= DRIFT_STEP
        # The first clear peak is taken at once (the sooner the echo goes, the better), and so
        # is a small change (jitter, drift); a jump needs two estimates in a row that agree,
        # so one chance peak does not throw away the learnt path. Either way the remembered
        # reference is read again the new way, so the next fit sees one alignment.
        if lag != self.lag and (self.lag is None or small or agreed):
            first = self.lag is None
            self.lag = lag
            self._realign()
            if first or not small:
                self.path = None

    def _realign(self) -> None:
        with self._lock:
            mic_end = self._mic
        size = len(self._far_history)
        self._far_history = self.reference.read(mic_end - size - self.lag + MARGIN, size)
        self._far_tail = self._far_history[-(FILTER_TAPS - 1):].copy()
        self._aligned = size

    def estimate_lag(self, anchor: tuple[int, int]) -> int | None:
        """Where the echo of the reference sits in the microphone, by cross-correlation of
        the last couple of seconds; None when the reference was too quiet or no clear peak."""
        window = int(ESTIMATE_WINDOW_S * RATE)
        with self._lock:
            mic_end = self._mic
        mic = self._history[-window:]
        guess = anchor[1] - anchor[0]  # mic index = reference index + guess, give or take
        lo, hi = int(SEARCH_S[0] * RATE), int(SEARCH_S[1] * RATE)
        ref_start = mic_end - window - guess - hi
        ref = self.reference.read(ref_start, window + hi - lo)
        if np.sqrt(np.mean(ref**2)) < 1e-3 or np.sqrt(np.mean(mic**2)) < 1e-5:
            return None
        size = 1 << int(np.ceil(np.log2(len(ref) + len(mic))))
        spectrum = np.fft.rfft(ref, size) * np.conj(np.fft.rfft(mic, size))
        spectrum /= np.abs(spectrum) + 1e-9  # phase transform: a sharp peak at the delay
        corr = np.fft.irfft(spectrum, size)[: hi - lo + 1]
        peak = int(np.argmax(corr))
        typical = float(np.median(np.abs(corr))) + 1e-12
        if corr[peak] / typical < MIN_PEAK_RATIO:
            return None
        # corr[k] matches mic[0] with ref[k]: the echo of reference sample
        # (ref_start + k) arrives at mic sample (mic_end - window).
        return (mic_end - window) - (ref_start + peak)
