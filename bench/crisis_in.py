"""Spoken crisis language on clean audio: is it recognised every time (issue 3)?

Renders bench/data/crisis_spoken.yaml's sentences (crisis phrasings other than the templates'
own, "seen" and "blind" sets: see the file) with the bench voices, voices no adaptation heard
(espeak-ng variants) and Debian's flite voices, and recognises each clean recording with the
default engine as `letitout recognize one.wav` would in its own process (a fresh cepstral
mean). Prints recall per voice and set and every miss; writes bench/results/crisis_in.json.

    python bench/crisis_in.py [--quick]     (--quick: three voices, about 2 minutes)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import speech_in as bench  # noqa: E402
import unseen_voices  # noqa: E402

from assistant.listen.recognizer import make_recognizer  # noqa: E402
from assistant.understand import Understander  # noqa: E402

VOICES = ["espeak-en-us", "piper-joe", "espeak-en-us-f3", "espeak-en-m7",
          "espeak-en-gb-scotland", "espeak-en-029", "flite-slt", "flite-rms"]
QUICK = ["piper-joe", "espeak-en-us-f3", "flite-rms"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three voices only")
    args = parser.parse_args()
    sets = yaml.safe_load((HERE / "data" / "crisis_spoken.yaml").read_text())
    understander = Understander.load()
    not_typed = [t for s in sets.values() for t in s if understander.parse(t).name != "crisis"]
    if not_typed:
        print(f"not crisis even typed (mend assistant/crisis.py first): {not_typed}")
        return 1
    bench.ESPEAK_VOICES.update(unseen_voices.UNSEEN)
    names = QUICK if args.quick else VOICES
    voices = bench.Voices(names, Path(tempfile.gettempdir()) / "letitout-bench-speech")
    voices.cache.mkdir(parents=True, exist_ok=True)
    recognizer = make_recognizer("pocketsphinx", understander=understander, warn=lambda m: None)
    found = {name: {s: 0 for s in sets} for name in names}
    misses = []
    started = time.time()
    for name in names:
        for set_name, sentences in sets.items():
            for text in sentences:
                recognizer.forget_voice()
                result = recognizer.recognize_audio(bench.pad(voices.speak(name, text)))
                if result.intent.name == "crisis":
                    found[name][set_name] += 1
                else:
                    misses.append({"voice": name, "said": text, "heard": result.text,
                                   "intent": result.intent.name})
        print(f"{name:24s} " + "  ".join(f"{s} {found[name][s]}/{len(sets[s])}" for s in sets),
              flush=True)
    total = {s: sum(found[n][s] for n in names) for s in sets}
    report = {
        "voices": names,
        "sentences": {s: len(v) for s, v in sets.items()},
        "recall": {s: round(total[s] / (len(sets[s]) * len(names)), 4) for s in sets},
        "per_voice": {n: round(sum(found[n].values()) / sum(len(v) for v in sets.values()), 4)
                      for n in names},
        "misses": misses,
    }
    for s in sets:
        print(f"{s}: {total[s]}/{len(sets[s]) * len(names)} = {report['recall'][s]:.1%}")
    for miss in misses:
        print(f"  MISS {miss['voice']}: {miss['said']!r} heard {miss['heard']!r}"
              f" ({miss['intent']})")
    print(f"({time.time() - started:.0f} s)")
    out = HERE / "results" / f"crisis_in{'_quick' if args.quick else ''}.json"
    out.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
