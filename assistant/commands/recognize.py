"""`letitout recognize FILE... [--json] [--engine] [--model]`: speech to intent on WAV files."""

from __future__ import annotations

import json
import sys


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="WAV files (any rate, channels)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--engine", choices=("vosk", "pocketsphinx"), help="speech engine")
    parser.add_argument("--model", metavar="PATH", help="vosk model folder")


def run(args) -> int:
    from assistant.listen import make_recognizer

    recognizer = make_recognizer(args.engine, args.model)
    status = 0
    for path in args.files:
        result = recognizer.recognize_file(path)
        if "error" in result:
            status = 1
        if args.json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        elif "error" in result:
            print(f"letitout: {result['error']}", file=sys.stderr)
        else:
            slots = " ".join(f"{k}={v}" for k, v in result["slots"].items())
            intent = result["intent"] or "(no intent)"
            print(f"{path}: {intent} {slots}".rstrip() + f"  \u201c{result['text']}\u201d")
    return status
