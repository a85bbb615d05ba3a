"""Speech in: audio front end, recognisers (pocketsphinx, vosk), model downloads."""

from assistant.listen.recognizer import (
    Final,
    Partial,
    Recognizer,
    Result,
    SpeechStart,
    Stream,
    make_recognizer,
)

__all__ = [
    "Final",
    "Partial",
    "Recognizer",
    "Result",
    "SpeechStart",
    "Stream",
    "make_recognizer",
]
