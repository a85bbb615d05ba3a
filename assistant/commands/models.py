"""`letitout models list|pull NAME`: speech models on this machine, and downloading one."""

from __future__ import annotations


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="installed models and where they are")
    pull = sub.add_parser("pull", help="download a model from the manifest")
    pull.add_argument("name", help="model name, e.g. vosk-small-en-us")
    pull.add_argument("--url", help="download from this address instead of the manifest's")
    pull.add_argument("--sha256", help="expect this SHA-256 instead of the manifest's")


def run(args) -> int:
    from assistant.listen import models

    if args.action == "pull":
        folder = models.pull(args.name, url=args.url, sha256=args.sha256)
        print(f"{args.name}: installed in {folder}")
        return 0
    from assistant.listen.pocketsphinx_engine import model_dir

    print(f"pocketsphinx-en-us (embedded)  {model_dir()}")
    manifest = models.load_manifest()
    by_folder = {entry.folder: name for name, entry in manifest.items()}
    for folder in models.installed_models():
        name = by_folder.get(folder.name, folder.name)
        print(f"{name}  {folder}")
    env = models.os.environ.get(models.MODEL_ENV)
    if env:
        print(f"{models.MODEL_ENV}  {env}")
    for name, entry in manifest.items():
        if not (models.cache_dir() / entry.folder).is_dir():
            print(f"{name}  not installed (letitout models pull {name})")
    return 0
