"""Speech-out benchmark: time to first audio and real-time factor per engine, and breath-cue
timing found back in a rendered 5-minute box-breathing WAV.

    python bench/speech_out.py          # prints a table, writes bench/results/speech_out.json

First audio is the time from asking ``Voice.stream`` for a one-sentence prompt to holding its
first chunk. "cold" is a fresh process (import, load, first sentence, no warm-up); "warm" is
after ``load_voice`` (which warms the engine), on sentences not yet in the cache.
Cue onsets are found by normalised cross-correlation with each phase's tone, then compared
with the schedule: jitter is the spread of the errors, drift the change from first to last.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from scipy.signal import correlate, find_peaks

# this checkout, not an installed copy (as the other benches)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.narration import Breath, Say  # noqa: E402
from assistant.speak import CACHE, WavOutput, load_voice
from assistant.speak.tones import tone

RESULTS = Path(__file__).resolve().parent / "results" / "speech_out.json"
ENGINES = {"piper": "joe", "espeak": "espeak-en-us"}
PROMPTS = ["Help me let it out.", "Where are you right now?", "Take your time, I'm here.",
           "Let your shoulders drop.", "Would you like to try something else?",
           "Breathe in slowly through your nose."]
LONG_STEP = (
    "Find a comfortable place to sit or lie down, and let your eyes close if that feels okay. "
    "Notice where your body touches the floor, the bed, or the chair. "
    "There is nothing you need to do right now, and nothing you need to get right. "
    "If a memory comes, let it come, and if tears come, let them come too. "
    "When you are ready, take one slow breath in, and let it go with a long sigh."
)

COLD = """
import json, time
t0 = time.perf_counter()
from assistant.speak.engines import ENGINE_CLASSES
from assistant.speak.profiles import load_profile, profile_files
profile = next(load_profile(p) for p in profile_files() if p.stem == {name!r})
t1 = time.perf_counter()
voice = ENGINE_CLASSES[profile.engine](profile)
t2 = time.perf_counter()
next(voice.stream("Help me let it out."))
t3 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "load_s": t2 - t1, "first_audio_s": t3 - t2}}))
"""


def cold_start(name: str) -> dict:
    done = subprocess.run([sys.executable, "-c", COLD.format(name=name)], capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def first_audio(voice, text: str) -> float:
    CACHE.clear()
    start = time.perf_counter()
    next(voice.stream(text))
    return time.perf_counter() - start


def real_time_factor(voice, text: str) -> tuple[float, float]:
    CACHE.clear()
    start = time.perf_counter()
    audio = voice.synthesize(text)
    seconds = len(audio) / voice.sample_rate
    return (time.perf_counter() - start) / seconds, seconds


def engine_numbers(engine: str, name: str) -> dict:
    cold = cold_start(name)
    t = time.perf_counter()
    voice = load_voice(name, warn=print)
    load_warm_s = time.perf_counter() - t
    warm = [first_audio(voice, text) for text in PROMPTS]
    rtf_short, short_s = real_time_factor(voice, PROMPTS[0])
    rtf_long, long_s = real_time_factor(voice, LONG_STEP)
    return {
        "voice": name, "engine": engine,
        "cold_import_s": round(cold["import_s"], 3), "cold_load_s": round(cold["load_s"], 3),
        "cold_first_audio_ms": round(cold["first_audio_s"] * 1000, 1),
        "load_and_warm_s": round(load_warm_s, 3),
        "warm_first_audio_ms_median": round(statistics.median(warm) * 1000, 1),
        "warm_first_audio_ms_max": round(max(warm) * 1000, 1),
        "rtf_short": round(rtf_short, 3), "short_audio_s": round(short_s, 2),
        "rtf_long": round(rtf_long, 3), "long_audio_s": round(long_s, 2),
    }


def find_onsets(audio: np.ndarray, template: np.ndarray, sr: int) -> np.ndarray:
    """Sample positions where the template starts: normalised cross-correlation peaks."""
    score = correlate(audio, template, mode="valid", method="fft")
    running = np.concatenate([[0.0], np.cumsum(audio**2)])
    energy = np.sqrt(np.maximum(running[len(template):] - running[: -len(template)], 0.0))
    score = score / (np.linalg.norm(template) * np.maximum(energy, 1e-9))
    peaks, _ = find_peaks(score, height=0.9, distance=int(sr))
    return peaks


def breath_timing(voice, counts: bool) -> dict:
    items = [Say("Let's breathe in a box together.", "breath"), Breath("box", 19, counts=counts)]
    audio, sr, slots = WavOutput(None, voice=voice).render(items)
    audio = audio.astype(np.float64)
    errors: list[tuple[float, float]] = []  # (scheduled seconds, detected - scheduled)
    missed = 0
    phases = [s for s in slots if s.kind == "phase"]
    for phase in ("in", "hold", "out"):
        found = find_onsets(audio, tone(phase, sr).astype(np.float64), sr) / sr
        for slot in (s for s in phases if s.phase == phase):
            nearest = found[np.argmin(np.abs(found - slot.start))] if len(found) else np.inf
            if abs(nearest - slot.start) > 0.25:
                missed += 1
                continue
            errors.append((slot.start, nearest - slot.start))
    errors.sort()
    times = np.array([t for t, _ in errors])
    err = np.array([e for _, e in errors])
    slope = float(np.polyfit(times, err, 1)[0]) if len(err) > 1 else 0.0
    return {
        "spoken_counts": counts,
        "round_s": round(slots[1].end - slots[1].start, 3),
        "cues_scheduled": len(phases), "cues_found": len(errors), "cues_missed": missed,
        "jitter_ms_std": round(float(np.std(err)) * 1000, 3),
        "jitter_ms_max_abs": round(float(np.max(np.abs(err - np.median(err)))) * 1000, 3),
        "drift_ms_first_to_last": round(float(err[-1] - err[0]) * 1000, 3) + 0.0,
        "drift_ms_fit_over_round": round(slope * (times[-1] - times[0]) * 1000, 3) + 0.0,
    }


def main() -> int:
    engines = [engine_numbers(engine, name) for engine, name in ENGINES.items()]
    voice = load_voice(None, warn=print)
    breath = [breath_timing(voice, counts) for counts in (False, True)]
    result = {
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, python "
                   f"{platform.python_version()}",
        "targets": {"first_audio_ms": {"espeak": 150, "piper": 300},
                    "drift_ms": 0, "jitter_ms": 10},
        "engines": engines, "breath_voice": voice.name, "breath": breath,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{'voice':<14}{'cold 1st ms':>12}{'warm 1st ms':>12}{'RTF short':>11}{'RTF long':>10}")
    for row in engines:
        print(f"{row['voice']:<14}{row['cold_first_audio_ms']:>12}"
              f"{row['warm_first_audio_ms_median']:>12}{row['rtf_short']:>11}{row['rtf_long']:>10}")
    print(f"\n{'5-min box round':<22}{'found':>8}{'jitter ms':>11}{'drift ms':>10}")
    for row in breath:
        label = "tones + counts" if row["spoken_counts"] else "tones only"
        print(f"{label:<22}{row['cues_found']:>4}/{row['cues_scheduled']:<3}"
              f"{row['jitter_ms_max_abs']:>11}{row['drift_ms_first_to_last']:>10}")
    print(f"\nwrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
