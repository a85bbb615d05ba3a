"""The person's settings file: ~/.config/letitout/config.yaml (or $LETITOUT_CONFIG).

Keys: country (crisis line), voice, engine. Everything is optional.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from assistant.data import load_yaml, problem


def config_path() -> Path:
    return Path(os.environ.get("LETITOUT_CONFIG")
                or Path(platformdirs.user_config_dir("letitout")) / "config.yaml")


def load_config() -> dict:
    path = config_path()
    if not path.is_file():
        return {}
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise problem(path, None, "the config must be a mapping like `country: GB`")
    return dict(data)
