"""Hand-written data files: every one loads, mistakes name their file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.data import load_yaml
from assistant.errors import LetitoutError

ROOT = Path(__file__).resolve().parent.parent
DATA = sorted(p for folder in ("intents", "prompts", "voices", "models")
              for p in (ROOT / folder).rglob("*.yaml"))


@pytest.mark.parametrize("path", DATA, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_loads(path):
    assert load_yaml(path) is not None


def test_a_key_written_twice_is_an_error_with_file_and_line(tmp_path):
    bad = tmp_path / "twice.yaml"
    bad.write_text("goodbye: one\nhello: two\ngoodbye: three\n")
    with pytest.raises(LetitoutError, match=r"twice\.yaml:3: the key 'goodbye' appears twice"):
        load_yaml(bad)


def test_broken_yaml_names_file_and_line(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("a: [1, 2\nb: 3\n")
    with pytest.raises(LetitoutError, match=r"broken\.yaml:\d+: "):
        load_yaml(bad)


def test_every_phrase_the_session_uses_is_in_the_prompts_file():
    from assistant.session import prompts

    source = (ROOT / "assistant" / "session.py").read_text()
    used = set(re.findall(r'_p\("([a-z_]+)"', source))
    used |= set(re.findall(r'prompts\(\)\["([a-z_]+)"\]', source))
    missing = used - set(prompts())
    assert not missing
