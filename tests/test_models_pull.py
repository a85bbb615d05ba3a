"""`letitout models pull` against a real HTTP server on loopback: Range resume, hash check,
atomic install, offline and corrupt-archive errors."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import socket
import subprocess
import sys
import threading
import zipfile

import pytest

from assistant.errors import LetitoutError
from assistant.listen import models


def _archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("vosk-model-small-en-us-0.15/am/final.mdl", b"m" * 50_000)
        bundle.writestr("vosk-model-small-en-us-0.15/conf/mfcc.conf", "--sample-frequency=16000\n")
        bundle.writestr("vosk-model-small-en-us-0.15/README", "test model\n")
    return buffer.getvalue()


ARCHIVE = _archive()
SHA = hashlib.sha256(ARCHIVE).hexdigest()


class _Server:
    """Serves ARCHIVE with Range support; can cut the first transfer short."""

    def __init__(self) -> None:
        self.cut_after: int | None = None
        self.ranges: list[str | None] = []
        self.body = ARCHIVE
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                header = self.headers.get("Range")
                server.ranges.append(header)
                start = int(header.split("=")[1].rstrip("-")) if header else 0
                body = server.body[start:]
                self.send_response(206 if header else 200)
                self.send_header("Content-Length", str(len(body)))
                if header:
                    end = len(server.body) - 1
                    self.send_header("Content-Range", f"bytes {start}-{end}/{len(server.body)}")
                self.end_headers()
                if server.cut_after is not None:
                    self.wfile.write(body[: server.cut_after])
                    server.cut_after = None
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/model.zip"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = _Server()
    yield running
    running.close()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("LETITOUT_MODELS_DIR", str(folder))
    return folder


def test_pull_downloads_verifies_and_installs_the_model_folder(server, cache, capsys):
    folder = models.pull("vosk-small-en-us", url=server.url, sha256=SHA)
    assert folder == cache / "vosk-model-small-en-us-0.15"
    assert (folder / "am" / "final.mdl").read_bytes() == b"m" * 50_000
    assert not list(cache.glob("*.part")) and not list(cache.glob(".unpack-*"))
    assert "100%" in capsys.readouterr().err  # the progress bar reached the end
    assert models.installed_models() == [folder]


def test_an_interrupted_download_resumes_where_it_stopped(server, cache):
    server.cut_after = 20_000
    with pytest.raises(LetitoutError, match="cut off"):
        models.pull("vosk-small-en-us", url=server.url, sha256=SHA, progress=False)
    part = cache / "vosk-model-small-en-us-0.15.zip.part"
    assert part.stat().st_size == 20_000
    folder = models.pull("vosk-small-en-us", url=server.url, sha256=SHA, progress=False)
    assert server.ranges == [None, "bytes=20000-"]
    assert (folder / "README").read_text() == "test model\n"


def test_a_hash_mismatch_is_one_line_and_leaves_nothing_installed(server, cache):
    with pytest.raises(LetitoutError) as caught:
        models.pull("vosk-small-en-us", url=server.url, sha256="0" * 64, progress=False)
    assert "corrupt" in str(caught.value) and "\n" not in str(caught.value)
    assert not (cache / "vosk-model-small-en-us-0.15").exists()
    assert not list(cache.glob("*.part"))  # a bad archive is not resumed next time


def test_an_archive_that_is_not_a_zip_is_one_line(server, cache):
    server.body = b"<html>not a zip</html>" * 100
    digest = hashlib.sha256(server.body).hexdigest()
    with pytest.raises(LetitoutError, match="not a valid zip"):
        models.pull("vosk-small-en-us", url=server.url, sha256=digest, progress=False)
    assert not (cache / "vosk-model-small-en-us-0.15").exists()


def test_offline_is_one_line_that_says_what_to_do(cache):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(LetitoutError) as caught:
        models.pull("vosk-small-en-us", url=f"http://127.0.0.1:{port}/m.zip", progress=False)
    message = str(caught.value)
    assert "cannot reach" in message and "--model PATH" in message and "\n" not in message


def test_an_unknown_model_name_lists_the_known_ones(cache):
    with pytest.raises(LetitoutError, match="vosk-small-en-us"):
        models.pull("no-such-model")


def test_the_manifest_pins_the_official_archive():
    entry = models.load_manifest()["vosk-small-en-us"]
    assert entry.url == "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip"
    assert entry.sha256 == "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498"
    assert entry.licence == "Apache-2.0" and entry.size > 0


def test_models_command_pulls_then_lists_where_models_are(server, cache):
    env_cmd = [sys.executable, "-m", "assistant", "models"]
    pulled = subprocess.run([*env_cmd, "pull", "vosk-small-en-us", "--url", server.url,
                             "--sha256", SHA], capture_output=True, text=True, timeout=60)
    assert pulled.returncode == 0, pulled.stderr
    listed = subprocess.run([*env_cmd, "list"], capture_output=True, text=True, timeout=60)
    assert "pocketsphinx" in listed.stdout
    assert str(cache / "vosk-model-small-en-us-0.15") in listed.stdout


def test_models_prepare_makes_the_grammars_and_the_adapted_model_in_the_cache(cache):
    done = subprocess.run([sys.executable, "-m", "assistant", "models", "prepare"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert str(cache) in done.stdout
    [stored] = cache.glob("grammar-*.json")
    assert {"stop", "crisis", "next"} <= set(json.loads(stored.read_text(encoding="utf-8")))
    assert len(list(cache.glob("grammar-*-lm-*.arpa"))) == 1  # the whole grammar's model
    assert list(cache.glob("pocketsphinx-en-us-voices-*/means"))
    assert list(cache.glob("pocketsphinx-en-us-narrowband-*/variances"))
