"""`letitout parse [--json]`: understand typed utterances, one per line on stdin.

With --json each line gives {"text", "intent", "slots", "confidence"} (and "details": what a
reading found beyond the intent's own slots, when any); without it a readable
line. An empty line is intent null, never an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.understand import Understander, default_understander


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help='one JSON object a line: {"text", "intent", "slots", "confidence"}')
    parser.add_argument("--intents", type=Path, metavar="DIR",
                        help="read intent templates from DIR instead of the installed ones")
    parser.add_argument("--allow", metavar="INTENTS",
                        help="comma-separated intents that make sense now (crisis always counts)")
    parser.add_argument("--snap", action="store_true",
                        help="dictation mode: a line is a command only when nearly a template")


def _readable(result: dict) -> str:
    slots = " ".join(f"{k}={v}" for k, v in result["slots"].items())
    intent = result["intent"] or "-"
    return f"{intent:<18} {result['confidence']:.2f}  {slots:<24} {result['text']}".rstrip()


def run(args: argparse.Namespace) -> int:
    understander = Understander.load(args.intents) if args.intents else default_understander()
    allowed = [a.strip() for a in args.allow.split(",") if a.strip()] if args.allow else None
    understand = understander.snap if args.snap else understander.parse
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        result = understand(text, allowed).to_json()
        print(json.dumps(result, ensure_ascii=False) if args.json else _readable(result),
              flush=True)
    return 0
