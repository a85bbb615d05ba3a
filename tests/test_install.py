"""A plain `pip install .` carries the data: the wheel holds every data folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_intents_techniques_prompts_voices_and_models(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(tmp_path), str(ROOT)], capture_output=True, text=True,
                           timeout=300)
    if built.returncode != 0 and "hatchling" in built.stderr and "No matching" in built.stderr:
        pytest.skip("the build backend cannot be fetched here")
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("letitout-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("intents", "prompts", "voices", "models"):
        data = sorted((ROOT / folder).rglob("*.yaml"))
        assert data, folder
        for path in data:
            inside = f"assistant/_data/{path.relative_to(ROOT)}"
            assert inside in names, f"{inside} is missing from the wheel"
    assert "assistant/cli.py" in names


def test_an_installed_wheel_runs_from_anywhere(tmp_path):
    """Installed (not editable) into a fresh environment, it finds its data inside the wheel."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=120)
    python = venv / "bin" / "python"
    [wheel] = wheels.glob("letitout-*.whl")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(python), "-c", "import assistant.data as d; "
                            "print(d.data_dir('intents'))"], cwd=elsewhere, text=True,
                           capture_output=True, check=True).stdout.strip()
    assert "_data" in where and str(ROOT) not in where
    listed = subprocess.run([str(venv / "bin" / "letitout"), "techniques", "--json"],
                            cwd=elsewhere, text=True, capture_output=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count('"id"') == 17
