"""RNNoise on the second core, its output streamed back while the recogniser decodes it.

A whole recording over steady noise went through RNNoise first and was decoded after: about
half of its decode time was RNNoise. pocketsphinx holds Python's lock while it decodes, so a
thread cannot overlap the two; a second process can. It denoises 0.2 s at a time and sends
each piece back as soon as it is ready, so decoding starts after the first piece and the two
run side by side. The samples are exactly those of RnnoiseDenoiser.process_whole (both are
its whole_in_pieces).

Protocol over the worker's stdin/stdout: once loaded, the worker sends the count 0xFFFFFFFE
(ready); a job is a little-endian uint32 sample count and
that many int16 samples; the answer is pieces, each a uint32 count and int16 samples, then
the count 0xFFFFFFFF and a float64: the worker's CPU seconds for the job.

    python -m assistant.listen.rnnoise_worker   (started by RnnoiseProcess)
"""

from __future__ import annotations

import struct
import sys
import time
from collections.abc import Iterator

import numpy as np

from assistant.listen import worker_process
from assistant.listen.denoise import RnnoiseDenoiser

_END = 0xFFFFFFFF
_READY = 0xFFFFFFFE
_COUNT = struct.Struct("<I")


def _read(stream, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the RNNoise worker's pipe closed")
    return data


def serve(stdin=None, stdout=None) -> None:
    """The worker's loop: jobs in, pieces out, until its stdin closes."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    # Load the library and touch its code paths before saying ready (its start-up, about 0.2 s
    # of CPU, is the recogniser's start-up, not the first recording's on a shared core).
    list(RnnoiseDenoiser().whole_in_pieces(np.zeros(1600, np.int16)))
    stdout.write(_COUNT.pack(_READY))
    stdout.flush()
    while True:
        head = stdin.read(_COUNT.size)
        if len(head) < _COUNT.size:
            return
        (count,) = _COUNT.unpack(head)
        samples = np.frombuffer(_read(stdin, 2 * count), dtype=np.int16)
        started = time.process_time()
        for piece in RnnoiseDenoiser().whole_in_pieces(samples):
            stdout.write(_COUNT.pack(len(piece)) + piece.tobytes())
            stdout.flush()
        stdout.write(_COUNT.pack(_END) + struct.pack("<d", time.process_time() - started))
        stdout.flush()


class RnnoiseProcess:
    """The client: one worker process for the recogniser's life (started with it, so its
    start-up is not in a recording's decode time: wait_ready() before the first job). Any
    failure leaves it off for good and the caller denoises in its own process (`alive` is
    then False)."""

    def __init__(self) -> None:
        self.cpu_s = 0.0  # the worker's CPU time over all jobs (benches add it)
        try:
            self._proc = worker_process.start("assistant.listen.rnnoise_worker", self)
        except (OSError, TypeError, ValueError):  # no interpreter to start: denoise in-process
            self._proc = None
        self._ready = False

    def wait_ready(self) -> None:
        """Until the worker has loaded (it loads while the caller does its own start-up).
        A worker that cannot load is left off."""
        if self._ready or self._proc is None:
            return
        try:
            (count,) = _COUNT.unpack(_read(self._proc.stdout, _COUNT.size))
            if count != _READY:
                raise EOFError("the RNNoise worker said something else first")
            self._ready = True
        except (EOFError, OSError, ValueError):
            worker_process.stop(self._proc)
            self._proc = None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def pieces(self, samples: np.ndarray) -> Iterator[np.ndarray]:
        """The recording through RNNoise, piece by piece. Raises EOFError or OSError when
        the worker fails (it is then left off)."""
        samples = np.asarray(samples, dtype=np.int16)
        self.wait_ready()
        if self._proc is None:
            raise EOFError("the RNNoise worker could not start")
        finished = False
        try:
            self._proc.stdin.write(_COUNT.pack(len(samples)) + samples.tobytes())
            self._proc.stdin.flush()
            while True:
                piece = self._next()
                if piece is None:
                    finished = True
                    return
                yield piece
        except (EOFError, OSError, ValueError):
            finished = True
            worker_process.stop(self._proc)
            self._proc = None
            raise EOFError("the RNNoise worker stopped") from None
        except KeyboardInterrupt:
            # Ctrl-C mid-write or mid-piece: the pipe is out of step, and reading "the rest"
            # could wait forever. The worker ends; RNNoise runs in this process from now on.
            finished = True
            worker_process.kill(self._proc)
            self._proc = None
            raise
        finally:
            if not finished:  # the caller stopped early: read the rest, keep in step
                try:
                    while self._next() is not None:
                        pass
                except (EOFError, OSError, ValueError):
                    worker_process.stop(self._proc)
                    self._proc = None

    def _next(self) -> np.ndarray | None:
        """The next piece of the answer; None at its end."""
        out = self._proc.stdout
        (count,) = _COUNT.unpack(_read(out, _COUNT.size))
        if count == _END:
            self.cpu_s += struct.unpack("<d", _read(out, 8))[0]
            return None
        return np.frombuffer(_read(out, 2 * count), dtype=np.int16)


if __name__ == "__main__":
    worker_process.serving(serve)
