"""English words: pocketsphinx's pronouncing dictionary (134k words, names among them), read
once when first needed. Typed text's spellings are checked against it (templates.normalise puts
back a dropped g; Understander mends a typo only in a word that is no English word). Without
pocketsphinx installed the list is empty and nothing is mended."""

from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    try:
        from pocketsphinx import get_model_path

        path = os.path.join(get_model_path(), "en-us", "cmudict-en-us.dict")
        with open(path, encoding="utf-8") as lines:
            # alternative readings are listed as "word(2)"
            return frozenset(line.split(" ", 1)[0] for line in lines if "(" not in line[:40])
    except (ImportError, OSError):
        return frozenset()
