"""tools/build_pocketsphinx.py (run by setup.sh): when the source cannot be had, setup goes on
with PyPI's wheel and says so in one line; nothing is installed from a bad archive."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("build_pocketsphinx",
                                                  ROOT / "tools" / "build_pocketsphinx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_corrupt_source_archive_is_deleted_and_the_wheel_stays(tmp_path, monkeypatch, capsys):
    tool = _tool()
    bad = tmp_path / "pocketsphinx-5.1.1.tar.gz"
    bad.write_bytes(b"not a tarball")
    monkeypatch.setenv("LETITOUT_MODELS_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tool, "URL", bad.as_uri())
    before = tool.installed_version()
    assert tool.main(["--force"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert "not rebuilt" in lines[0] and "corrupt" in lines[0] and "wheel stays" in lines[0]
    assert not list((tmp_path / "cache" / "sources").iterdir())  # nothing half-kept
    assert tool.installed_version() == before


def test_offline_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    tool = _tool()
    monkeypatch.setenv("LETITOUT_MODELS_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tool, "URL", "http://127.0.0.1:9/pocketsphinx-5.1.1.tar.gz")
    assert tool.main(["--force"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert "not rebuilt" in lines[0] and "cannot reach" in lines[0]
