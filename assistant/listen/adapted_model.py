"""pocketsphinx's US English model adapted to synthetic voices, as files its decoder reads.

The model pocketsphinx ships was trained on people; espeak-ng's formant voices and other
synthetic speech sit far from it (the bench's unseen espeak-ng voices: 41% of commands right).
models/pocketsphinx/en-us-voices.npz holds the model's Gaussian means and variances after MAP
adaptation (sphinxtrain's bw and map_adapt) to 30 espeak-ng voice variants and Piper's joe
reading the assistant's own prompts and command sentences the templates expand to (half of
them also under running water, through the recogniser's noise suppression): none of the
bench voices, none of the sentences a bench or test scores.
tools/adapt_pocketsphinx.py rebuilds it. It hears people worse than the original does, so the
engine keeps both and lets each voice's likelihood choose (see pocketsphinx_engine.py).

The arrays are stored as float16 (half the size; a thousandth of a variance is far below what
changes a decision) and written out once, as float32 Sphinx files, into the models cache.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.data import data_dir

ADAPTATION = "en-us-voices.npz"
# The same voices and sentences through an 8 kHz channel (tools/adapt_pocketsphinx.py
# --narrowband): for speech with nothing above 4 kHz (audio.narrowband).
NARROWBAND = "en-us-narrowband.npz"
PARTS = ("means", "variances")
# "off" runs the shipped model alone; a path uses another adaptation (tools/ builds them).
SETTING = "LETITOUT_ADAPTED_MODEL"


def adaptation_path() -> Path:
    chosen = os.environ.get(SETTING, "")
    if chosen and chosen != "off":
        return Path(chosen)
    return data_dir("models") / "pocketsphinx" / ADAPTATION


def narrowband_path() -> Path | None:
    """The narrowband adaptation, or None when adaptations are off."""
    if os.environ.get(SETTING) == "off":
        return None
    return data_dir("models") / "pocketsphinx" / NARROWBAND


def adapted_files(base_model: str, warn: Callable[[str], None],
                  source: Path | None = None) -> dict[str, str] | None:
    """{"mean": path, "var": path} for pocketsphinx's Decoder, or None (said in one line) when
    the adaptation is missing, unreadable or does not fit this pocketsphinx's model."""
    if source is None and os.environ.get(SETTING) == "off":
        return None
    source = source or adaptation_path()
    try:
        stored = np.load(source)
        arrays = {part: np.asarray(stored[part], dtype=np.float32) for part in PARTS}
    except OSError as exc:
        warn(f"pocketsphinx: the voice adaptation {source} could not be read "
             f"({exc.strerror or exc}); using the model as shipped")
        return None
    except (KeyError, ValueError, EOFError, zipfile.BadZipFile):
        warn(f"pocketsphinx: {source} is not a voice adaptation (rebuild it with "
             "tools/adapt_pocketsphinx.py); using the model as shipped")
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    folder = _cache_folder() / f"pocketsphinx-{source.stem}-{digest}"
    paths = {}
    for part, arg in zip(PARTS, ("mean", "var"), strict=True):
        shape = _gaussian_shape(os.path.join(base_model, part))
        if shape != arrays[part].shape:
            warn(f"pocketsphinx: the voice adaptation {source} was made for another model "
                 f"({arrays[part].shape} {part}, this one has {shape}); using the model as shipped")
            return None
        target = folder / part
        if not target.exists():
            try:
                folder.mkdir(parents=True, exist_ok=True)
                _write_gaussians(target, arrays[part])
            except OSError as exc:
                warn(f"pocketsphinx: could not write the adapted model to {folder} "
                     f"({exc.strerror or exc}); using the model as shipped")
                return None
        paths[arg] = str(target)
    return paths


def _cache_folder() -> Path:
    """Where pulled models live (models.cache_dir, $LETITOUT_MODELS_DIR), else the temporary
    folder when that cannot be written."""
    from assistant.listen.models import cache_dir

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / "letitout"


def read_gaussians(path: str | Path, *, header_only: bool = False) -> tuple:
    """A Sphinx Gaussian file: ((codebooks, streams, densities, length), values or None)."""
    with open(path, "rb") as handle:
        data = handle.read(4096) if header_only else handle.read()
    at = data.index(b"endhdr\n") + len(b"endhdr\n") + 4  # past the byte-order word
    codebooks, streams, densities = struct.unpack_from("<III", data, at)
    lengths = struct.unpack_from(f"<{streams}I", data, at + 12)
    if len(set(lengths)) != 1:
        raise ValueError(f"{path}: streams of different lengths")
    shape = (codebooks, streams, densities, lengths[0])
    if header_only:
        return shape, None
    count = struct.unpack_from("<I", data, at + 12 + 4 * streams)[0]
    values = np.frombuffer(data, "<f4", count, at + 16 + 4 * streams).reshape(shape)
    return shape, values


def _gaussian_shape(path: str) -> tuple[int, ...] | None:
    try:
        return read_gaussians(path, header_only=True)[0]
    except (OSError, ValueError, struct.error):
        return None


def sphinx_header() -> bytes:
    """The start of a Sphinx-III binary file, up to its first number: no checksum line (with
    "chksum0" pocketsphinx expects one at the end), the numbers on a 4-byte boundary, then
    the byte-order word."""
    header = b"s3\nversion 1.0\n"
    pad = -(len(header) + len(b"endhdr\n")) % 4
    return header + b" " * pad + b"endhdr\n" + struct.pack("<i", 0x11223344)


def _write_gaussians(path: Path, values: np.ndarray) -> None:
    """A Sphinx-III Gaussian file, written aside and renamed: a second process starting at
    the same moment never reads half a file."""
    codebooks, streams, densities, length = values.shape
    body = struct.pack("<III", codebooks, streams, densities)
    body += struct.pack(f"<{streams}I", *([length] * streams)) + struct.pack("<I", values.size)
    part = path.with_suffix(f".part{os.getpid()}")
    part.write_bytes(sphinx_header() + body + values.astype("<f4").tobytes())
    os.replace(part, path)
