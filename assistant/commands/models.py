"""`letitout models list|pull NAME|prepare`: speech models on this machine, downloading one,
and making now what the first session would otherwise make (setup.sh runs prepare)."""

from __future__ import annotations


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="installed models and where they are")
    pull = sub.add_parser("pull", help="download a model from the manifest")
    pull.add_argument("name", help="model name, e.g. vosk-small-en-us")
    pull.add_argument("--url", help="download from this address instead of the manifest's")
    pull.add_argument("--sha256", help="expect this SHA-256 instead of the manifest's")
    sub.add_parser("prepare", help="make the command grammars and the adapted model "
                   "now, into the models cache, so the first session starts fast")


def run(args) -> int:
    from assistant.listen import models

    if args.action == "pull":
        folder = models.pull(args.name, url=args.url, sha256=args.sha256)
        print(f"{args.name}: installed in {folder}")
        return 0
    if args.action == "prepare":
        return _prepare()
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


def _prepare() -> int:
    """The grammar sentences and the whole command language model (grammar_cache.py) and the
    adapted model's Sphinx files, made once here: a first start made them itself and took
    about 8 s instead of 1.3."""
    import os
    import tempfile

    from assistant.listen.adapted_model import adapted_files, narrowband_path
    from assistant.listen.grammar import balanced_corpus
    from assistant.listen.models import cache_dir
    from assistant.listen.pocketsphinx_engine import command_lm_file, model_dir
    from assistant.listen.recognizer import print_stderr
    from assistant.understand import default_understander

    understander = default_understander()
    with tempfile.TemporaryDirectory(prefix="letitout-lm-") as folder:
        command_lm_file(understander, None, balanced_corpus(understander, None), folder)
    base = os.path.join(model_dir(), "en-us")
    adapted_files(base, print_stderr)
    narrow = narrowband_path()
    if narrow is not None:
        adapted_files(base, print_stderr, narrow)
    print(f"command grammars and the adapted model ready in {cache_dir()}")
    return 0
