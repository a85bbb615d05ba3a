"""`letitout session`: a guided session, spoken (microphone and speaker) or typed (--text)."""

from __future__ import annotations

import argparse
import sys

from assistant.errors import LetitoutError
from assistant.techniques import PLACES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text", action="store_true",
                        help="read what you say from stdin, one line each (empty line: silence)")
    parser.add_argument("--place", choices=PLACES, help="where you are, if you know already")
    parser.add_argument("--minutes", type=int, help="how much time you have")
    parser.add_argument("--time-scale", type=float, default=1.0,
                        help="0 runs every wait on a virtual clock (instantly); 1 is real time")
    parser.add_argument("--events", metavar="PATH", help="write one JSON event per line here")
    parser.add_argument("--voice", help="voice name (see `letitout voices list`)")
    parser.add_argument("--country", help="country code for the crisis line (US, GB, IE, ...)")
    parser.add_argument("--engine", choices=("vosk", "pocketsphinx"), help="speech recogniser")
    parser.add_argument("--model", help="path to a vosk model folder")
    parser.add_argument("--input-device", help="microphone (index or part of its name)")
    parser.add_argument("--output-device", help="speaker (index or part of its name)")


def build_session(args, clock, events):
    from assistant.config import load_config
    from assistant.session import Session
    from assistant.techniques import default_catalogue
    from assistant.understand import default_understander

    config = load_config()
    country = args.country or config.get("country")
    return Session(default_catalogue(), default_understander(), events, place=args.place,
                   minutes=args.minutes, country=country)


def run(args) -> int:
    from assistant.clock import make_clock
    from assistant.events import Events

    if args.time_scale < 0:
        raise LetitoutError(f"--time-scale {args.time_scale}: use 0 (virtual) or a positive number")
    if args.minutes is not None and args.minutes <= 0:
        raise LetitoutError(f"--minutes {args.minutes}: use a positive number of minutes")
    clock = make_clock(args.time_scale)
    events = Events(clock, args.events)
    try:
        session = build_session(args, clock, events)
        if args.text:
            from assistant.runner import run_text
            from assistant.speak.outputs import TextOutput

            return run_text(session, sys.stdin, TextOutput(sys.stdout), clock, events)
        from assistant.live import run_live

        return run_live(session, args, clock, events)
    finally:
        events.close()
