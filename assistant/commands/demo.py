"""`letitout demo`: a whole spoken session with a scripted person; no sound card needed."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", metavar="PATH", help="write one JSON event per line here")
    parser.add_argument("--out", metavar="WAV", help="write both voices on one timeline here")
    parser.add_argument("--voice", help="the assistant's voice (see `letitout voices list`)")
    parser.add_argument("--engine", choices=("vosk", "pocketsphinx"), help="speech recogniser")
    parser.add_argument("--model", help="path to a vosk model folder")


def run(args) -> int:
    from assistant.demo import run_demo

    return run_demo(args.events, args.out, args.voice, args.engine, args.model)
