"""Find spoken lines the recogniser's second look makes a crisis only when rescue_own_margin is
off (tests/test_listen_rescore.py needs at least one; which lines show it moves with the grammar).

    python3 tools/rescue_find.py LINES.txt ["-v en-029 -s 155" ...]

LINES.txt holds one line to say per row; each is spoken with espeak-ng in each voice given
(default the Caribbean voice) and heard with the margin off and on.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.listen import audio  # noqa: E402
from assistant.listen.recognizer import Settings, make_recognizer  # noqa: E402


def _spoken(voice: str, text: str, path: Path) -> np.ndarray:
    subprocess.run(["espeak-ng", *voice.split(), "-w", str(path), text], check=True)
    said = audio.read_wav(path)
    return np.concatenate([np.zeros(8000, np.int16), said, np.zeros(12800, np.int16)])


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    lines = [line.strip() for line in Path(argv[0]).read_text().splitlines() if line.strip()]
    voices = argv[1:] or ["-v en-029 -s 155"]
    quiet = lambda message: None  # noqa: E731
    shipped = make_recognizer("pocketsphinx", warn=quiet)
    without = make_recognizer("pocketsphinx", warn=quiet,
                              settings=Settings(rescue_own_margin=None))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "said.wav"
        for voice in voices:
            for line in lines:
                samples = _spoken(voice, line, path)
                off = without.recognize_audio(samples)
                if off.intent.name != "crisis" or off.intent.details.get("crisis_from") != "rescue":
                    continue
                shipped.forget_voice()
                on = shipped.recognize_audio(samples)
                verdict = "needs the margin" if on.intent.name != "crisis" else "crisis either way"
                print(f"{verdict} | {voice} | {line} | off: {off.text} | on: {on.text}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
