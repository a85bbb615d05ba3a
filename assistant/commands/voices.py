"""`letitout voices list|say`: the voices that work here, and speaking a text with one."""

from __future__ import annotations

import argparse
import sys

from assistant.clock import RealClock, VirtualClock
from assistant.errors import LetitoutError
from assistant.narration import Say
from assistant.speak.profiles import STYLES


def _warn(line: str) -> None:
    print(f"letitout: {line}", file=sys.stderr)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    sub.add_parser("list", help="one voice a line, its name first; the default is marked")
    say = sub.add_parser("say", help="speak a text, or write it to a WAV file")
    say.add_argument("text", help="what to say")
    say.add_argument("--voice", help="a voice name from `letitout voices list`, "
                     "a profile .yaml or a Piper .onnx model")
    say.add_argument("--out", metavar="WAV", help="write the speech here instead of playing it")
    say.add_argument("--style", choices=STYLES, default="default",
                     help="the speaking context (default, shower, breath, walk)")
    say.add_argument("--device", help="output device index or part of its name")


def run(args) -> int:
    from assistant.speak import (
        SpeakerOutput,
        WavOutput,
        find_output_device,
        list_voices,
        load_voice,
    )

    if args.action in (None, "list"):
        voices = list_voices(warn=_warn)
        width = max((len(v.name) for v in voices), default=0)
        for info in voices:
            mark = "  (default)" if info.default else ""
            print(f"{info.name:<{width}}  {info.engine:<6}  {info.description}{mark}")
        return 0 if voices else 1
    if args.action == "say":
        if not args.text.strip():
            raise LetitoutError("nothing to say; give the text in quotes")
        if not args.out:
            find_output_device(args.device)  # no speaker: say so before loading any voice
        voice = load_voice(args.voice, warn=_warn)
        items = [Say(args.text, args.style)]
        if args.out:
            WavOutput(args.out, voice=voice).play(items, VirtualClock())  # instant, no waiting
            return 0
        speaker = SpeakerOutput(args.device, voice=voice)
        try:
            speaker.play(items, RealClock())
        finally:
            speaker.close()
        return 0
    raise LetitoutError(f"unknown voices action '{args.action}'; use list or say")
