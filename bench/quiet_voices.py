"""Speech in from a voice far from the microphone, and talk from another room.

The crisis bench's sentences (bench/data/crisis_spoken.yaml) said by Piper's joe, scaled to
peak at a few levels (dBFS), over a quiet room's hiss (RMS 3, about -81 dBFS): how many are
heard as crisis, as whole recordings (`letitout recognize`) and streamed in 30 ms frames (the
live loop; 1.5 s of room before the voice). Then talk that is no command (held-out set 27's
non-commands and figures of speech, and the babble sentences, by espeak-ng and Piper) at the
same and fainter levels: how many recordings give an intent at all. Each recording is heard
fresh (forget_voice). Writes bench/results/quiet_voices.json.

    python bench/quiet_voices.py [--quick] [--levels -30 -40] [--talk-levels 0 -40 -46]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import speech_in as bench  # noqa: E402
from live_in import stream_clip  # noqa: E402

from assistant.listen.recognizer import make_recognizer  # noqa: E402

HISS_RMS = 3.0
TALK_VOICES = ["espeak-en-us", "piper-joe"]


def across_the_room(samples: np.ndarray, peak_db: float, rng) -> np.ndarray:
    """The voice peaking at peak_db dBFS, 1.5 s of room before it and 1 s after."""
    voice = samples.astype(float) / max(1.0, float(np.abs(samples).max()))
    voice *= 32767 * 10 ** (peak_db / 20)
    recording = np.concatenate([np.zeros(24000), voice, np.zeros(16000)])
    return np.clip(recording + rng.normal(0, HISS_RMS, len(recording)),
                   -32768, 32767).astype(np.int16)


def heard(recognizer, recording: np.ndarray, live: bool) -> str | None:
    """The intent's name (None for no intent), whole or streamed."""
    recognizer.forget_voice()
    if live:
        intent, _ = stream_clip(recognizer, recording)
        return intent.name if intent is not None else None
    return recognizer.recognize_audio(recording).intent.name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the first 60 crisis sentences")
    parser.add_argument("--levels", type=float, nargs="+", default=[-30.0, -40.0])
    parser.add_argument("--talk-levels", type=float, nargs="+", default=[0.0, -40.0, -46.0])
    parser.add_argument("--out", type=Path, default=HERE / "results" / "quiet_voices.json")
    args = parser.parse_args()
    cache = Path(tempfile.gettempdir()) / "letitout-bench-speech"
    cache.mkdir(parents=True, exist_ok=True)
    voices = bench.Voices(TALK_VOICES, cache)
    sets = yaml.safe_load((HERE / "data" / "crisis_spoken.yaml").read_text())
    crisis = [text for texts in sets.values() for text in texts][: 60 if args.quick else None]
    held_out = yaml.safe_load((HERE / "data" / "heldout_27.yaml").read_text())
    talk = [line["text"] for line in held_out["out_of_domain"] + held_out["figures_of_speech"]]
    talk += bench.BABBLE_TEXT
    recognizer = make_recognizer("pocketsphinx", warn=lambda message: None)
    report: dict = {"crisis_sentences": len(crisis), "talk_recordings": len(talk) * 2,
                    "hiss_rms": HISS_RMS, "crisis": {}, "talk_intents": {}}
    for level in args.levels:
        for live in (False, True):
            rng = np.random.default_rng(5)
            began = time.perf_counter()
            hits = sum(heard(recognizer, across_the_room(voices.speak("piper-joe", text),
                                                          level, rng), live) == "crisis"
                       for text in crisis)
            name = f"{'live' if live else 'whole'} {level:g} dBFS"
            report["crisis"][name] = hits
            print(f"crisis {name}: {hits}/{len(crisis)} ({time.perf_counter() - began:.0f} s)",
                  flush=True)
    for level in args.talk_levels:
        for live in (False, True):
            rng = np.random.default_rng(2)
            got = [heard(recognizer, across_the_room(voices.speak(voice, text), level, rng),
                         live) for voice in TALK_VOICES for text in talk]
            name = f"{'live' if live else 'whole'} {level:g} dBFS"
            report["talk_intents"][name] = sum(intent is not None for intent in got)
            print(f"talk {name}: {report['talk_intents'][name]} of {len(got)} gave an intent",
                  flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
