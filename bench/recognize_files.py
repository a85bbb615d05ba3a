"""Decode time as `letitout recognize` reports it, on WAVs as the synthesisers write them.

The other benches recognise thousands of clips in one long-lived recogniser; a person (or an
acceptance script) may instead run `letitout recognize one.wav --json` once per file, where a
fresh process meets each voice for the first time (both acoustic models decode, the start of
the cepstral mean is measured). This runs the real command line on the same WAVs both ways
and reports decode_ms / audio duration (total, median, 90th percentile) and whether the
intent was right. Sentences: the unseen-voices bench's slice (no other bench scores them);
voices: Piper's joe and two espeak-ng variants. Writes bench/results/recognize_files.json.

    python bench/recognize_files.py [--sentences 8]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import speech_in as bench  # noqa: E402
import unseen_voices  # noqa: E402

from assistant.understand import Understander  # noqa: E402

VOICES = ["piper-joe", "espeak-en-us", "espeak-en-gb-high"]


def recognize(paths: list[Path]) -> list[dict]:
    """`python -m assistant recognize PATHS --json`: one result per file."""
    done = subprocess.run([sys.executable, "-m", "assistant", "recognize", *map(str, paths),
                           "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def summary(results: list[dict], wanted: list[dict]) -> dict:
    durations = [r["audio_s"] for r in results]
    ratios = sorted(r["decode_ms"] / 1000 / d for r, d in zip(results, durations, strict=True))
    right = sum(1 for r, item in zip(results, wanted, strict=True)
                if r.get("intent") == item["intent"])
    return {
        "files": len(results),
        "decode_over_audio_total": round(sum(r["decode_ms"] for r in results) / 1000
                                         / sum(durations), 4),
        "decode_over_audio_median": round(statistics.median(ratios), 4),
        "decode_over_audio_p90": round(ratios[int(0.9 * (len(ratios) - 1))], 4),
        "intent_right": round(right / len(results), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=8)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "recognize_files.json")
    args = parser.parse_args()
    items = unseen_voices.sentences(Understander.load(), args.sentences)
    cache = Path(tempfile.gettempdir()) / "letitout-bench-speech"
    cache.mkdir(parents=True, exist_ok=True)
    voices = bench.Voices(VOICES, cache)
    paths, wanted = [], []
    for voice in VOICES:
        for item in items:
            said = item["say"]
            voices.speak(voice, said)  # renders it into the cache as written
            paths.append(voices.path(voice, said))
            wanted.append(item)
    one_each = [recognize([path])[0] for path in paths]
    together = recognize(paths)
    report = {
        "voices": VOICES,
        "one_process_per_file": summary(one_each, wanted),
        "one_process_for_all": summary(together, wanted),
    }
    print(json.dumps(report, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
