"""Build pocketsphinx from its published source with letitout's faster Gaussian scoring, and
install it over PyPI's wheel. setup.sh runs it; it never fails the setup: when anything goes
wrong (offline, no C compiler) it says so in one line and PyPI's pocketsphinx stays, which
hears exactly the same, only slower.

    python3 tools/build_pocketsphinx.py [--force]

Why: most of a pocketsphinx decode is scoring the acoustic model's Gaussians
(ptm_mgau.c eval_cb), one density at a time with an early exit, which the compiler cannot
vectorize. third_party/pocketsphinx/vectorized-gaussians.patch stores the means and variances
dimension-major and scores all of a codebook's densities together (AVX2 when the CPU has it,
chosen at run time), and the senone scores' log-additions no longer branch on which term is
smaller (a coin toss the CPU mispredicted). Each density's arithmetic is the same sequence of
float operations, so every score, hypothesis and confidence is bit for bit what the wheel
gives (checked on 240 quick-bench clips, clean and under running water, and on set 21's 180
spoken sentences); only the time changes. Measured (2026-12-04, set 21 as three bench voices
speak it, the shipped model alone, CPU per audio second of pocketsphinx's work): 0.078 ->
0.052 (vectorized scoring) -> 0.047 (and branch-free log-additions) -> 0.043 (each codebook's
mixture-weight rows and top-N scores looked up once per run of its senones). Tried and dropped:
skipping eight densities at a time when none reaches the top N (no gain measured).

third_party/pocketsphinx/warp-parameters.patch mends a process-wide trap in the frequency warp
(fe_warp_*.c): the warp's parameters live in static variables, and a decoder made with no warp
marks them neutral but keeps the old parameter string, so the next decoder given that same
string ("1.06") skipped reading it and was built UNWARPED. Any plain Decoder() made in the
process after letitout's first one did it (the test suite's decoder-worker tests: later tests
then heard differently, 2026-12-07). PyPI's wheel keeps the trap; letitout itself only ever
makes warped decoders, so it hears the same there.
The installed version carries a local label (5.1.1+letitout.N) so the engine can say which
build it runs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.errors import LetitoutError  # noqa: E402

VERSION = "5.1.1"
LABEL = "letitout.4"  # bump when the patch changes, so setup.sh rebuilds
URL = ("https://files.pythonhosted.org/packages/61/e7/"
       "13e0e787ff467218de880310d79cba14424f13b87171ac44af0bde1e428c/pocketsphinx-5.1.1.tar.gz")
SHA256 = "675778b309a22dfc9b7d37f7621976bba491d2a5f8c59696bd77fd6d07271355"
PATCHES = [ROOT / "third_party" / "pocketsphinx" / name
           for name in ("vectorized-gaussians.patch", "warp-parameters.patch")]


def installed_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("pocketsphinx")
    except PackageNotFoundError:
        return None


def fetch_source() -> Path:
    """The source archive, downloaded once (resumable) into the models cache, SHA-256 checked."""
    # The models' downloader (resumable, one-line errors); imported here so that a broken
    # install reaches main's one-line message instead of a traceback.
    from assistant.listen.models import _sha256, cache_dir, download

    folder = cache_dir() / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"pocketsphinx-{VERSION}.tar.gz"
    if archive.exists() and _sha256(archive) == SHA256:
        return archive
    part = archive.with_name(archive.name + ".part")
    download(URL, part, progress=False, timeout=60.0,
             offline_hint="run setup.sh again when online")
    if _sha256(part) != SHA256:
        part.unlink(missing_ok=True)
        raise LetitoutError(f"the source archive from {URL} is corrupt; run setup again")
    part.replace(archive)
    return archive


def build(archive: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="letitout-pocketsphinx-"))
    try:
        with tarfile.open(archive) as bundle:
            bundle.extractall(work, filter="data")
        source = work / f"pocketsphinx-{VERSION}"
        # git apply works on plain files outside a repository (the folder is under /tmp).
        for patch in PATCHES:
            subprocess.run(["git", "apply", "-p1", str(patch)], cwd=source, check=True,
                           capture_output=True, text=True)
        project = source / "pyproject.toml"
        text = project.read_text()
        text, count = re.subn(rf'^version = "{re.escape(VERSION)}"',
                              f'version = "{VERSION}+{LABEL}"', text, flags=re.M)
        if count != 1:
            raise LetitoutError(f"{project}: no version line to label")
        project.write_text(text)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                        "--force-reinstall", str(source)], check=True,
                       capture_output=True, text=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if installed")
    args = parser.parse_args(argv)
    have = installed_version()
    if have == f"{VERSION}+{LABEL}" and not args.force:
        print(f"pocketsphinx {have} (faster Gaussian scoring) is already installed")
        return 0
    if have is not None and not have.startswith(VERSION):
        print(f"pocketsphinx {have} is installed; the patch is for {VERSION}: left as it is")
        return 0
    try:
        build(fetch_source())
    except (LetitoutError, subprocess.CalledProcessError, OSError, tarfile.TarError,
            ImportError) as exc:
        # A failed command's last line of stderr says why; our own errors are one line.
        detail = (getattr(exc, "stderr", "") or str(exc)).strip()
        reason = detail.splitlines()[-1] if detail else type(exc).__name__
        print(f"letitout: pocketsphinx not rebuilt ({reason}); PyPI's wheel stays (same words, "
              "slower decoding)")
        return 0
    print(f"pocketsphinx {installed_version()} built and installed (faster Gaussian scoring)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
