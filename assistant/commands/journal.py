"""`letitout journal list|show|delete`: the letters you chose to keep, on this device only."""

from __future__ import annotations

import argparse

from assistant import journal
from assistant.errors import LetitoutError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    sub.add_parser("list", help="list saved letters")
    show = sub.add_parser("show", help="print one letter")
    show.add_argument("name", help="the letter's name from `letitout journal list`")
    delete = sub.add_parser("delete", help="delete one letter for good")
    delete.add_argument("name", help="the letter's name from `letitout journal list`")


def run(args) -> int:
    if args.action in (None, "list"):
        entries = journal.entries()
        if not entries:
            print(f"No letters kept. (They would be in {journal.journal_dir()}.)")
        for path in entries:
            first = path.read_text(encoding="utf-8").strip().splitlines()[0:1]
            preview = (first[0][:40] + "...") if first and len(first[0]) > 40 else "".join(first)
            print(f"{path.stem}  {preview}")
        return 0
    if args.action == "show":
        print(journal.show(args.name), end="")
        return 0
    if args.action == "delete":
        path = journal.delete(args.name)
        print(f"Deleted {path.stem}.")
        return 0
    raise LetitoutError(f"unknown journal action '{args.action}'; use list, show or delete")
