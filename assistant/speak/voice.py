"""The voice interface: text in, float32 mono audio out, one sentence at a time.

Engines only know how to render one sentence at a rate (``_render``). Everything they share
lives here: splitting text into sentences (so the first words start fast), a cache of
rendered sentences (prompts recur: "breathe in", "take your time"), loudness levelling so
engines sound alike, per-context volume and the pause after each sentence.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from assistant.speak.profiles import MAX_RATE, MIN_RATE, VoiceProfile

# A sentence ends at . ! ? or an ellipsis followed by space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"')\]]*\s+|\n+")
_TARGET_RMS = 0.1  # about -20 dBFS: calm, with headroom for the peaks
_FADE_S = 0.005  # 5 ms fades at the edges of every sentence: no clicks where speech is cut


_CLAUSE_END = re.compile(r"(?<=[,;:])\s+")
_FIRST_CLAUSE_WORDS = (3, 10)  # split a long first sentence after a clause of 3 to 10 words
_CLAUSE_PAUSE_S = 0.12


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text or "") if part and part.strip()]


def first_clause(sentence: str) -> tuple[str, str] | None:
    """A long sentence's opening clause and the rest, so the first words start sooner."""
    if len(sentence.split()) <= _FIRST_CLAUSE_WORDS[1]:
        return None
    for match in _CLAUSE_END.finditer(sentence):
        words = len(sentence[: match.start()].split())
        if _FIRST_CLAUSE_WORDS[0] <= words <= _FIRST_CLAUSE_WORDS[1]:
            return sentence[: match.start()], sentence[match.end():]
    return None


@dataclass(frozen=True)
class VoiceInfo:
    name: str
    engine: str
    description: str
    default: bool = False
    naturalness: int = 0


class SentenceCache:
    """A small LRU of rendered sentences keyed by (voice, text, rate)."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str, float], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[str, str, float]) -> np.ndarray | None:
        with self._lock:
            audio = self._items.get(key)
            if audio is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return audio

    def put(self, key: tuple[str, str, float], audio: np.ndarray) -> None:
        with self._lock:
            self._items[key] = audio
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


CACHE = SentenceCache()


def level(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    """Trim silence at the edges, fade the edges, and bring speech to a common loudness."""
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    if audio.size == 0:
        return audio
    peak = float(np.max(np.abs(audio)))
    if peak < 1e-6:
        return np.zeros(0, dtype=np.float32)
    # Trim only true silence, with a generous margin: the soft edges of words (the "s" of
    # "stop") sit far below the peak, and cutting them makes the word hard to hear.
    loud = np.flatnonzero(np.abs(audio) > 0.003 * peak)
    keep = int(0.06 * sample_rate)
    audio = audio[max(0, loud[0] - keep): loud[-1] + keep + 1].copy()
    voiced = audio[np.abs(audio) > 0.05 * peak]
    rms = float(np.sqrt(np.mean(voiced**2))) if voiced.size else peak
    audio *= _TARGET_RMS / max(rms, 1e-6)
    audio = np.tanh(audio * 1.2) / np.tanh(1.2) if np.max(np.abs(audio)) > 0.9 else audio
    fade = min(int(_FADE_S * sample_rate), audio.size // 2)
    if fade:
        ramp = np.sin(np.linspace(0.0, np.pi / 2, fade, dtype=np.float32)) ** 2
        audio[:fade] *= ramp
        audio[-fade:] *= ramp[::-1]
    return audio.astype(np.float32)


def is_silent(audio: np.ndarray) -> bool:
    """An engine's render with nothing to hear (empty, or no sample above -80 dBFS)."""
    audio = np.asarray(audio)
    return audio.size == 0 or float(np.max(np.abs(audio))) < 1e-4


class Voice:
    """A speaking voice. Subclasses implement ``_render(sentence, rate)`` for one engine."""

    engine = "none"

    def __init__(self, profile: VoiceProfile, sample_rate: int) -> None:
        self.profile = profile
        self.name = profile.name
        self.sample_rate = sample_rate

    def _render(self, sentence: str, rate: float) -> np.ndarray:
        raise NotImplementedError

    def effective_rate(self, rate: float = 1.0, style: str = "default") -> float:
        """Profile rate x context rate x asked rate, kept between 0.9 and 1.5."""
        wanted = self.profile.style(style).rate * rate
        return round(min(MAX_RATE, max(MIN_RATE, wanted)), 3)

    def sentence(self, text: str, rate: float) -> np.ndarray:
        """One sentence at an exact engine rate, levelled, from the cache when it recurs."""
        key = (self.name, text, rate)
        audio = CACHE.get(key)
        if audio is None:
            audio = level(self._render(text, rate), self.sample_rate)
            audio.setflags(write=False)
            if audio.size:  # a silent render is not remembered: the next try may speak
                CACHE.put(key, audio)
        return audio

    def stream(
        self, text: str, *, rate: float = 1.0, style: str = "default"
    ) -> Iterator[np.ndarray]:
        """Sentence-sized chunks, each followed by the profile's pause; the first comes fast."""
        settings = self.profile.style(style)
        engine_rate = self.effective_rate(rate, style)
        pause = np.zeros(int(round(settings.sentence_pause * self.sample_rate)), np.float32)
        gain = np.float32(settings.volume)
        for index, sentence in enumerate(split_sentences(text)):
            clause = first_clause(sentence) if index == 0 else None
            if clause is not None:  # the opening clause goes first, then the rest
                comma = np.zeros(int(round(_CLAUSE_PAUSE_S * self.sample_rate)), np.float32)
                yield np.clip(np.concatenate([self.sentence(clause[0], engine_rate) * gain,
                                              comma]), -1.0, 1.0)
                sentence = clause[1]
            speech = self.sentence(sentence, engine_rate) * gain
            yield np.clip(np.concatenate([speech, pause]), -1.0, 1.0)

    def synthesize(self, text: str, *, rate: float = 1.0, style: str = "default") -> np.ndarray:
        chunks = list(self.stream(text, rate=rate, style=style))
        return np.concatenate(chunks) if chunks else np.zeros(0, np.float32)

    def warm(self) -> None:
        """Render once so the first real prompt does not pay the engine's start-up cost."""
        if is_silent(self._render("Hello.", 1.0)):
            raise RuntimeError("it rendered silence")

    def describe(self) -> str:
        text = self.profile.description or self.engine
        return f"{self.name} ({text})"
