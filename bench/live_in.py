"""Speech in through the live path: the quick bench's commands streamed frame by frame.

bench/speech_in.py recognises whole recordings; the live loop streams 30 ms frames, ends an
utterance by trailing silence and takes its answer from a whole second look at it. Here each
clip (1.5 s of background before the voice, 0.8 s after) goes through Recognizer.stream()
and the first Final with an intent is the answer. Reports per condition: intent and slots
right, wrong intents, and the wall time from the end of the clip's speech to that Final.
Writes bench/results/live_in.json (or --out). --peak-dbfs scales each clip, noise and all,
so its loudest sample peaks there: a person across the room (-30 dBFS: the same scene, far).

    python bench/live_in.py [--conditions clean water_10 water_5 wind_10 babble_10] [--log F]
                            [--peak-dbfs -30] [--hiss 3] [--out F]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import speech_in as bench  # noqa: E402

from assistant.listen import Final, audio  # noqa: E402
from assistant.listen.recognizer import make_recognizer  # noqa: E402
from assistant.understand import Understander  # noqa: E402

VOICES = ["espeak-en-us", "espeak-en-gb-high", "piper-joe"]


def stream_clip(recognizer, samples: np.ndarray):
    """The first Final with an intent (or None), and seconds of wall time spent after the
    last frame that held speech."""
    stream = recognizer.stream()
    spent = 0.0
    for start in range(0, len(samples), audio.FRAME_SAMPLES):
        began = time.perf_counter()
        events = stream.accept(samples[start : start + audio.FRAME_SAMPLES])
        spent = time.perf_counter() - began
        named = [e for e in events if isinstance(e, Final) and e.intent.name is not None]
        if named:
            return named[0].intent, spent
    named = [e for e in stream.flush() if isinstance(e, Final) and e.intent.name is not None]
    return (named[0].intent if named else None), spent


def at_peak(samples: np.ndarray, peak_db: float) -> np.ndarray:
    """The clip scaled so its loudest sample is at peak_db dBFS."""
    scaled = samples.astype(np.float64) / max(1, int(np.abs(samples).max()))
    return np.round(scaled * 32767 * 10 ** (peak_db / 20)).astype(np.int16)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conditions", nargs="+",
                        default=["clean", "water_10", "water_5", "wind_10", "babble_10"])
    parser.add_argument("--log", type=Path, help="one JSON line per clip: what was got")
    parser.add_argument("--peak-dbfs", type=float,
                        help="scale every clip to peak here (a far voice), noise and all")
    parser.add_argument("--hiss", type=float, default=0.0,
                        help="a room's hiss of this RMS under every clip after scaling (the "
                             "clips are padded with digital silence, which no microphone gives)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "live_in.json")
    args = parser.parse_args()
    understander = Understander.load()
    items = bench.utterances(understander, quick=True)
    cache = Path(tempfile.gettempdir()) / "letitout-bench-speech"
    cache.mkdir(parents=True, exist_ok=True)
    voices = bench.Voices(VOICES, cache)
    clean = [(item, bench.pad(voices.speak(v, item["say"]), before=1.5))
             for v in VOICES for item in items]
    rng = np.random.default_rng(11)
    noises = {kind: bench.make_noise(kind, 16000 * 60, rng, voices) for kind in bench.NOISES}
    recognizer = make_recognizer("pocketsphinx", understander=understander,
                                 warn=lambda message: None)
    report: dict = {"clips_per_condition": len(clean), "peak_dbfs": args.peak_dbfs,
                    "hiss_rms": args.hiss,
                    "conditions": {}}
    log = args.log.open("a") if args.log else None
    for condition in args.conditions:
        clips = clean
        if condition != "clean":
            kind, snr = condition.split("_")
            place = np.random.default_rng(sum(map(ord, condition)))
            clips = []
            for item, samples in clean:
                at = place.integers(0, len(noises[kind]) - len(samples))
                clips.append((item, bench.mix(samples, noises[kind][at : at + len(samples)],
                                              int(snr))))
        if args.peak_dbfs is not None:
            clips = [(item, at_peak(samples, args.peak_dbfs)) for item, samples in clips]
        if args.hiss:
            room = np.random.default_rng(3)
            clips = [(item, np.clip(samples + room.normal(0, args.hiss, len(samples)),
                                    -32768, 32767).astype(np.int16)) for item, samples in clips]
        right = wrong = 0
        waits = []
        for item, samples in clips:
            intent, spent = stream_clip(recognizer, samples)
            if log:
                log.write(json.dumps({"condition": condition, "said": item["text"],
                                      "intent": item["intent"], "slots": item["slots"],
                                      "got": intent.name if intent else None,
                                      "got_slots": dict(intent.slots) if intent else {},
                                      "heard": intent.text if intent else None}) + "\n")
            right += intent is not None and bench.correct(intent, item)
            wrong += intent is not None and not bench.correct(intent, item)
            waits.append(spent)
        report["conditions"][condition] = {
            "accuracy": round(right / len(clips), 4),
            "wrong_intent_rate": round(wrong / len(clips), 4),
            "final_decode_s_median": round(statistics.median(waits), 3),
        }
        print(condition, report["conditions"][condition], flush=True)
    if log:
        log.close()
    out = args.out
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
