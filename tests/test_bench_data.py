"""The speech benches read each held-out line aloud: a typed line must be read as a person
would say it ("im home" is "I'm home", "im in bd" carries say: "I'm in bed"), or the bench
measures a synthesiser reading a typo rather than the recogniser hearing a person."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import speech_in  # noqa: E402

from assistant.english import english_words  # noqa: E402


def test_contractions_typed_without_apostrophes_are_read_with_them():
    assert speech_in.spoken("im home and ive got ten mins") == "I'm home and I've got ten mins"
    assert speech_in.spoken("its too quiet, lets stop") == "its too quiet, lets stop"
    assert speech_in.spoken("ok Im, um, done") == "ok I'm, um, done"
    assert speech_in.spoken("I'm fine, I've got time") == "I'm fine, I've got time"


@pytest.mark.parametrize("path", [BENCH / "data" / "paraphrases.yaml"], ids=lambda p: p.name)
def test_every_line_a_voice_reads_is_made_of_words(path, understander):
    known = english_words() | understander.vocabulary()
    for item in speech_in.commands_in(path):
        words = re.findall(r"[a-z']+", item["say"].lower())
        # "woah" and "mins" are said, though no dictionary spells them
        odd = [w for w in words if w not in known and w not in ("woah", "mins")]
        assert not odd, f"{item['text']!r} reads {odd}: give it a say: line"
