"""The downloadable engine: vosk (Kaldi) with a grammar of command phrases plus "[unk]".

Words outside the grammar come out as "[unk]", which we treat as "not a command".
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from assistant.errors import LetitoutError
from assistant.listen.grammar import grammar_sentences
from assistant.listen.recognizer import Decoded, print_stderr

UNKNOWN = "[unk]"
# Files every vosk model folder has; checked first so a wrong folder gets a clear line.
_REQUIRED = ("am/final.mdl", "conf/mfcc.conf")


def check_model_dir(path: str | Path) -> Path:
    folder = Path(path).expanduser()
    if not folder.exists():
        raise LetitoutError(
            f"vosk model folder {folder} does not exist; run `letitout models pull "
            "vosk-small-en-us` or give --model PATH"
        )
    if not folder.is_dir():
        raise LetitoutError(f"vosk model {folder} is a file; give the unpacked model folder")
    missing = [name for name in _REQUIRED if not (folder / name).is_file()]
    if missing:
        raise LetitoutError(
            f"{folder} is not a vosk model folder (no {missing[0]}); unpack the model there again"
        )
    return folder


class VoskEngine:
    name = "vosk"

    def __init__(self, model_path: str | Path, *, warn=print_stderr) -> None:
        folder = check_model_dir(model_path)
        try:
            import vosk
        except ImportError:
            raise LetitoutError("vosk is not installed; run: pip install vosk") from None
        vosk.SetLogLevel(-2)  # Kaldi warnings (e.g. a model without [unk]) are not for people
        try:
            self._model = vosk.Model(str(folder))
        except Exception:  # noqa: BLE001 - vosk raises a bare Exception on a broken model
            raise LetitoutError(
                f"vosk could not load the model in {folder}: it is damaged or incomplete; "
                "pull or unpack it again"
            ) from None
        self._vosk = vosk
        self.model_path = folder
        self.description = f"vosk {getattr(vosk, '__version__', '')} with model {folder}".replace(
            "vosk  ", "vosk "
        )
        self._warn = warn
        self._grammars: dict[frozenset[str] | None, str] = {}

    def prepare(self, key: frozenset[str] | None, understander) -> None:
        if key not in self._grammars:
            phrases = grammar_sentences(understander, key)
            self._grammars[key] = json.dumps(phrases + [UNKNOWN], ensure_ascii=False)

    def prepare_phrases(self, key: frozenset[str] | None, phrases: list[str]) -> None:
        self._grammars[key] = json.dumps(list(phrases) + [UNKNOWN], ensure_ascii=False)

    def utterance(self, key: frozenset[str] | None, dictation: bool = False,
                  careful: bool = True) -> _Utterance:
        # careful (pocketsphinx's choice of search) means nothing to vosk's one search.
        if dictation:
            recognizer = self._vosk.KaldiRecognizer(self._model, 16000)
        else:
            recognizer = self._vosk.KaldiRecognizer(self._model, 16000, self._grammars[key])
        recognizer.SetWords(True)
        return _Utterance(recognizer)


class _Utterance:
    def __init__(self, recognizer) -> None:
        self._rec = recognizer
        self._texts: list[str] = []
        self._confs: list[float] = []
        self._words: list[tuple[str, float, float]] = []  # (word, start s, end s), no [unk]

    def _take(self, result_json: str) -> None:
        result = json.loads(result_json)
        text = result.get("text", "").strip()
        if text:
            self._texts.append(text)
            found = result.get("result", [])
            self._confs.extend(float(w.get("conf", 1.0)) for w in found)
            self._words.extend((str(w.get("word", "")), float(w.get("start", 0.0)),
                                float(w.get("end", 0.0))) for w in found
                               if w.get("word") != UNKNOWN)

    def feed(self, samples: np.ndarray, whole: bool = False) -> None:
        data = np.asarray(samples, dtype=np.int16).tobytes()
        if self._rec.AcceptWaveform(data):
            self._take(self._rec.Result())  # vosk closed a phrase on its own pause

    def partial(self) -> str:
        partial = json.loads(self._rec.PartialResult()).get("partial", "")
        return " ".join([*self._texts, partial]).replace(UNKNOWN, "").strip()

    def finish(self) -> Decoded:
        self._take(self._rec.FinalResult())
        words = " ".join(self._texts).split()
        kept = [w for w in words if w != UNKNOWN]
        confidence = min(self._confs) if self._confs else (1.0 if kept else 0.0)
        text = " ".join(kept)
        timed = self._words if " ".join(w for w, _, _ in self._words) == text else []
        return Decoded(text, confidence, out_of_grammar=len(kept) != len(words), words=timed)
