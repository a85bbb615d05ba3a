"""Downloadable speech models: the manifest, the user cache, and a careful downloader.

`pull` resumes an interrupted download (HTTP Range on a .part file), checks SHA-256, unpacks
into a temporary folder and renames it into place in one step, so a half-installed model is
never mistaken for a whole one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from assistant.data import data_dir, load_yaml, problem
from assistant.errors import LetitoutError

MODEL_ENV = "LETITOUT_VOSK_MODEL"
CACHE_ENV = "LETITOUT_MODELS_DIR"
MANIFEST_ENV = "LETITOUT_MODELS_MANIFEST"
CHUNK = 64 * 1024


@dataclass
class ModelEntry:
    name: str
    engine: str
    folder: str
    url: str
    sha256: str
    size: int
    licence: str
    description: str = ""


def manifest_path() -> Path:
    override = os.environ.get(MANIFEST_ENV)
    return Path(override) if override else data_dir("models") / "manifest.yaml"


def load_manifest(path: Path | None = None) -> dict[str, ModelEntry]:
    path = path or manifest_path()
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("models"), dict):
        raise problem(path, data, "needs a 'models:' mapping of name -> url, sha256, size")
    entries = {}
    for name, item in data["models"].items():
        if not isinstance(item, dict):
            raise problem(path, data, f"model '{name}' must be a mapping")
        missing = [k for k in ("url", "sha256", "folder") if not item.get(k)]
        if missing:
            raise problem(path, item, f"model '{name}' lacks {', '.join(missing)}")
        entries[name] = ModelEntry(
            name=name,
            engine=str(item.get("engine", "vosk")),
            folder=str(item["folder"]),
            url=str(item["url"]),
            sha256=str(item["sha256"]).lower(),
            size=int(item.get("size", 0) or 0),
            licence=str(item.get("licence", "")),
            description=str(item.get("description", "")),
        )
    return entries


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("letitout")) / "models"


def installed_models() -> list[Path]:
    """Model folders in the cache (a folder counts when it holds a vosk model)."""
    root = cache_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "am" / "final.mdl").is_file())


def find_vosk_model(explicit: str | None = None) -> Path | None:
    """--model PATH, else $LETITOUT_VOSK_MODEL, else the first pulled model; None if none."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env).expanduser()
    found = installed_models()
    return found[0] if found else None


# --- download ------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr (only redrawn when the percentage changes)."""

    def __init__(self, label: str, total: int, stream=None) -> None:
        self.label, self.total, self.stream = label, total, stream or sys.stderr
        self._shown = -1

    def update(self, done: int) -> None:
        if self.total <= 0:
            return
        percent = min(100, done * 100 // self.total)
        if percent != self._shown:
            self._shown = percent
            bar = "#" * (percent // 4)
            mb = done / 1e6
            self.stream.write(f"\r{self.label} [{bar:<25}] {percent:3d}% {mb:6.1f} MB")
            self.stream.flush()

    def close(self) -> None:
        if self._shown >= 0:
            self.stream.write("\n")
            self.stream.flush()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(url: str, part: Path, *, expected_size: int = 0, timeout: float = 30.0,
             progress: bool = True,
             offline_hint: str = "copy the model and use --model PATH") -> None:
    """Fetch url into `part`, resuming from its current length with an HTTP Range request.
    offline_hint: what to do instead when the host cannot be reached."""
    have = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"User-Agent": "letitout"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - manifest URL
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # we already have every byte
            return
        raise LetitoutError(f"cannot download {url}: the server said {exc.code} {exc.reason}") \
            from None
    except (urllib.error.URLError, OSError) as exc:
        host = urllib.parse.urlsplit(url).netloc or url
        raise LetitoutError(
            f"cannot reach {host} ({getattr(exc, 'reason', exc)}): you are offline? "
            f"{offline_hint}"
        ) from None
    with response:
        resumed = response.status == 206
        if not resumed:
            have = 0  # the server ignored Range: start over
        length = int(response.headers.get("Content-Length") or 0)
        total = have + length if length else expected_size
        bar = Progress(f"downloading {part.name.removesuffix('.part')}", total) if progress \
            else None
        try:
            with open(part, "ab" if resumed else "wb") as out:
                done = have
                while True:
                    try:
                        block = response.read(CHUNK)
                    except (OSError, urllib.error.URLError) as exc:
                        raise LetitoutError(
                            f"the download of {url} was cut off ({exc}); run the same command "
                            "again to resume"
                        ) from None
                    if not block:
                        break
                    out.write(block)
                    done += len(block)
                    if bar:
                        bar.update(done)
        finally:
            if bar:
                bar.close()
    if length and part.stat().st_size < have + length:
        raise LetitoutError(
            f"the download of {url} was cut off; run the same command again to resume"
        )


def pull(name: str, *, url: str | None = None, sha256: str | None = None,
         progress: bool = True) -> Path:
    """Download, verify and install one model from the manifest; returns its folder."""
    entries = load_manifest()
    if name not in entries:
        known = ", ".join(sorted(entries)) or "none"
        raise LetitoutError(f"no model named '{name}' in the manifest; known: {known}")
    entry = entries[name]
    url = url or os.environ.get("LETITOUT_MODEL_URL") or entry.url
    sha256 = (sha256 or os.environ.get("LETITOUT_MODEL_SHA256") or entry.sha256).lower()
    root = cache_dir()
    target = root / entry.folder
    if target.is_dir():
        return target
    root.mkdir(parents=True, exist_ok=True)
    part = root / f"{entry.folder}.zip.part"
    download(url, part, expected_size=entry.size, progress=progress)
    actual = _sha256(part)
    if actual != sha256:
        part.unlink(missing_ok=True)  # a corrupt archive must not be resumed
        raise LetitoutError(
            f"the archive from {url} is corrupt (SHA-256 {actual[:12]}..., expected "
            f"{sha256[:12]}...); it was deleted, run the command again"
        )
    _install(part, target, url)
    part.unlink(missing_ok=True)
    return target


def _install(archive: Path, target: Path, url: str) -> None:
    staging = Path(tempfile.mkdtemp(prefix=".unpack-", dir=target.parent))
    try:
        try:
            with zipfile.ZipFile(archive) as bundle:
                for member in bundle.namelist():
                    resolved = (staging / member).resolve()
                    if not str(resolved).startswith(str(staging.resolve())):
                        raise LetitoutError(f"the archive from {url} has unsafe paths; not used")
                bundle.extractall(staging)
        except zipfile.BadZipFile:
            archive.unlink(missing_ok=True)
            raise LetitoutError(
                f"the archive from {url} is not a valid zip; it was deleted, run the command again"
            ) from None
        inner = staging / target.name
        source = inner if inner.is_dir() else staging
        os.replace(source, target)  # atomic on one filesystem: all or nothing
    finally:
        shutil.rmtree(staging, ignore_errors=True)
