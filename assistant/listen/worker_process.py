"""Starting and ending the listening half's worker processes (rnnoise_worker.py,
decoder_worker.py): each is this interpreter running one module, talking over its
stdin/stdout, ending when its stdin closes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import weakref
from pathlib import Path


def start(module: str, owner: object) -> subprocess.Popen:
    """`python -m module` with this checkout importable, ended when `owner` is collected.
    Raises OSError (or TypeError, ValueError) when no interpreter can be started."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    # A session of its own: the terminal's Ctrl-C is the session's to handle, not the worker's.
    proc = subprocess.Popen([sys.executable, "-m", module], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    weakref.finalize(owner, stop, proc)
    return proc


def stop(proc: subprocess.Popen | None) -> None:
    """Close its pipe and let it end (killed if it does not within 2 s)."""
    if proc is None or proc.poll() is not None:
        return
    try:
        proc.stdin.close()
        proc.wait(timeout=2)
    except (OSError, subprocess.TimeoutExpired):
        proc.kill()


def kill(proc: subprocess.Popen | None) -> None:
    """End it now, whatever it is doing (its pipe can no longer be trusted to be in step)."""
    if proc is None or proc.poll() is not None:
        return
    proc.kill()
    proc.wait()


def serving(serve) -> None:
    """The worker's side: serve until the pipe closes. Ctrl-C sent to it some other way than
    the terminal is still the session's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    serve()
