"""The `letitout` command: a thin shell over library calls, one module per subcommand.

Each module in assistant/commands/ has ``add_arguments(parser)`` and ``run(args) -> int``.
Errors meant for a person (LetitoutError) print as one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from assistant import __version__
from assistant.errors import LetitoutError

COMMANDS = {
    "session": "run a guided session (microphone, or typed with --text)",
    "parse": "understand typed utterances, one per line on stdin",
    "recognize": "recognise speech in WAV files and understand it",
    "techniques": "list the technique catalogue",
    "voices": "list voices or speak a text",
    "demo": "a whole spoken session with a scripted person, no sound card needed",
    "models": "list or download speech models",
    "doctor": "check devices, engines, models and voices",
    "journal": "list, show or delete saved journal letters",
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """All commands are listed; only the one asked for is imported (start-up stays quick)."""
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((a for a in argv if not a.startswith("-")), None)
    parser = argparse.ArgumentParser(
        prog="letitout",
        description="An offline voice companion for when you need to cry and can't.",
    )
    parser.add_argument("--version", action="version", version=f"letitout {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module = importlib.import_module(f"assistant.commands.{name}")
            module.add_arguments(command)
            command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except LetitoutError as exc:
        print(f"letitout: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("letitout: stopped. Take care of yourself.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
