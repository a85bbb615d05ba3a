"""`letitout techniques [--json]`: the technique catalogue, one technique a line or as JSON."""

from __future__ import annotations

import argparse
import json

from assistant.techniques import default_catalogue


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {id, title, places, steps, sources, ...}")


def run(args: argparse.Namespace) -> int:
    catalogue = default_catalogue()
    if args.json:
        print(json.dumps([technique.to_json() for technique in catalogue], ensure_ascii=False))
        return 0
    width = max(len(technique.id) for technique in catalogue)
    for technique in catalogue:
        print(f"{technique.id:<{width}}  {technique.title}  ({', '.join(technique.places)})")
    return 0
