"""A pocketsphinx decoder in a process of its own: two acoustic models decode side by side.

While the engine has not yet learnt which of its two models fits a voice (a process's first
recordings, one every RECHECK_EVERY after), both decode every utterance. pocketsphinx holds
Python's lock while it decodes (two decoders in two threads were slower than one after the
other), so the second model lives in a second process and decodes on the other core.

RemoteDecoder stands in for pocketsphinx.Decoder (the calls the engine makes). Calls whose
result the engine does not use (feeding audio, starting and ending an utterance, setting the
cepstral mean, adding a word) are sent and not waited for, so the caller decodes with its own
model meanwhile; the rest wait for their answer, which comes after everything sent before.
If the worker dies, the decoder is rebuilt in this process from what was set up in it
(words, language models, grammars, settings, the cepstral mean as of the last hypothesis)
and recognition goes on; the utterance under way when it died is lost for this model (its
hypothesis is None).

Protocol over the worker's stdin/stdout: pickled messages. First the Decoder's options; then
(method, arguments, answer wanted). The worker answers the options once its decoder is made,
and each call that wants an answer: ("ok", value) or ("error", type name, message); an error
in a call not answered is given at the next answered call.

    python -m assistant.listen.decoder_worker   (started by RemoteDecoder)
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import NamedTuple

from assistant.listen import worker_process

# Sent and not waited for: their results are never used.
NOT_ANSWERED = frozenset({"process_raw", "start_utt", "end_utt", "set_cmn", "add_word",
                          "activate_search", "config_set", "add_lm_file", "start_stream"})
# Replayed into a local decoder when the worker dies: what makes the decoder what it is.
SET_UP = frozenset({"add_word", "add_lm_file", "add_jsgf_string", "config_set"})
NBEST_LIMIT = 20  # runner-up paths sent back (the engine reads at most NBEST of them)


class Seg(NamedTuple):
    """What pocketsphinx's Segment gives the engine: a word of the best path and its frames."""

    word: str
    start_frame: int
    end_frame: int


class Hyp(NamedTuple):
    """What pocketsphinx's Hypothesis gives the engine."""

    hypstr: str
    best_score: int
    prob: float


def _hyp(hyp) -> tuple | None:
    # a plain tuple: the worker runs as __main__, whose classes the client cannot unpickle
    return None if hyp is None else (hyp.hypstr, hyp.best_score, hyp.prob)


def _call(decoder, method: str, args: tuple):
    if method == "config_set":
        decoder.config[args[0]] = args[1]
        return None
    if method == "config_get":
        return decoder.config[args[0]]
    if method == "hyp":  # and the running mean, for a decoder rebuilt after a failure
        return _hyp(decoder.hyp()), decoder.get_cmn()
    if method == "nbest":
        found = []
        for hyp in decoder.nbest():
            found.append(_hyp(hyp))
            if len(found) >= args[0]:
                break
        return found
    if method == "seg":
        return [(s.word, s.start_frame, s.end_frame) for s in decoder.seg()]
    if method == "cpu_s":
        return time.process_time()
    if method == "settle":
        return None
    if method == "start_stream":
        return forget_room(decoder)
    return getattr(decoder, method)(*args)


def forget_room(decoder) -> None:
    """pocketsphinx's noise estimate (its spectral subtraction) runs on from one utterance to
    the next, as in a live stream; this starts it afresh. start_stream is the only call that
    resets it (the Python binding calls it needless and deprecated)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        decoder.start_stream()


def make_decoder(options: dict):
    """pocketsphinx's Decoder with these options; an empty dictionary when none is named (the
    engine adds its words one by one)."""
    from pocketsphinx import Decoder

    if options.get("dict") is not None:
        return Decoder(**options)
    with tempfile.TemporaryDirectory(prefix="letitout-dict-") as folder:
        empty = os.path.join(folder, "empty.dict")
        open(empty, "w").close()
        return Decoder(**{**options, "dict": empty})


def serve(stdin=None, stdout=None) -> None:
    """The worker's loop: calls in, answers out, until its stdin closes."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer

    def reply(message) -> None:
        pickle.dump(message, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()

    try:
        decoder = make_decoder(pickle.load(stdin))
    except EOFError:
        return
    except Exception as exc:  # the client makes it in its own process (and says why not)
        reply(("error", type(exc).__name__, str(exc)))
        return
    reply(("ok", None))
    error: Exception | None = None
    while True:
        try:
            method, args, answer = pickle.load(stdin)
        except EOFError:
            return
        value = None
        if error is None:
            try:
                value = _call(decoder, method, args)
            except Exception as exc:
                error = exc
        if answer:
            if error is None:
                reply(("ok", value))
            else:
                reply(("error", type(error).__name__, str(error)))
                error = None


class _StartFailed(Exception):
    """The worker could not make its decoder (made here instead, which says why)."""


_ERRORS = {"ValueError": ValueError, "KeyError": KeyError, "RuntimeError": RuntimeError}


class _Config:
    """decoder.config[key] (read and set) across the pipe."""

    def __init__(self, owner: RemoteDecoder) -> None:
        self._owner = owner

    def __getitem__(self, key: str):
        return self._owner._call("config_get", (key,))

    def __setitem__(self, key: str, value) -> None:
        self._owner._call("config_set", (key, value))


class RemoteDecoder:
    """A Decoder(**options) in a worker process (see the module's docstring)."""

    remote = True

    def __init__(self, options: dict) -> None:
        self._options = dict(options)
        # replayed if the worker dies, with add_lm_file's (temporary) file as it was read
        self._set_up: list[tuple[str, tuple, bytes | None]] = []
        self._started = False  # the worker has said its decoder is made
        self._search: str | None = None
        self._mean: str | None = None
        self._in_utterance = False
        self._local = None  # the decoder rebuilt here after the worker died
        self._lost_utterance = False
        self._cpu_s = 0.0  # the worker's CPU time when it was last asked
        self.config = _Config(self)
        try:
            self._proc = worker_process.start("assistant.listen.decoder_worker", self)
            self._send(self._options)
        except (OSError, TypeError, ValueError):  # no interpreter to start: decode here
            self._proc = None
            self._local = make_decoder(self._options)

    @property
    def alive(self) -> bool:
        return self._local is None and self._proc.poll() is None

    @property
    def cpu_s(self) -> float:
        """The worker's CPU seconds so far (benches add it to this process's)."""
        if self.alive:
            self._cpu_s = self._call("cpu_s", ())
        return self._cpu_s

    def settle(self) -> None:
        """Wait for the worker to do what it was sent; raise the error one of them met."""
        self._call("settle", ())

    def kill(self) -> None:
        """End the worker now (tests: the engine must go on without it)."""
        worker_process.kill(self._proc)

    # the Decoder's calls the engine makes ----------------------------------------------------
    def hyp(self) -> Hyp | None:
        found, self._mean = self._call("hyp", ())
        return None if self._lost_utterance or found is None else Hyp(*found)

    def nbest(self):
        if self._lost_utterance:
            return iter([])
        return iter([h if h is None else Hyp(*h) for h in self._call("nbest", (NBEST_LIMIT,))])

    def seg(self):
        if self._lost_utterance:
            return iter([])
        return iter([Seg(*s) for s in self._call("seg", ())])

    def __getattr__(self, method: str):
        if method.startswith("_"):
            raise AttributeError(method)
        return lambda *args: self._call(method, args)

    # plumbing -------------------------------------------------------------------------------
    def _call(self, method: str, args: tuple):
        if self._local is None:
            try:
                value = self._in_worker(method, args)
                self._remember(method, args)
                return value
            except (EOFError, OSError, pickle.UnpicklingError, _StartFailed):
                self._take_over()
            except KeyboardInterrupt:
                # Ctrl-C in the middle of an exchange leaves a message half sent or a reply
                # unread: the worker is out of step for good, and waiting on it can wait
                # forever (a spoken session's Ctrl-C once hung a minute). It ends now; a later
                # call (the session ending its utterance) takes over here.
                self.kill()
                raise
        self._remember(method, args)
        if method == "cpu_s":
            return self._cpu_s
        return _call(self._local, method, args)

    def _in_worker(self, method: str, args: tuple):
        answer = method not in NOT_ANSWERED
        self._send((method, args, answer))
        if not answer:
            return None
        if not self._started:
            self._answer()  # the decoder is made (or _StartFailed says it could not be)
            self._started = True
        return self._answer()

    def _remember(self, method: str, args: tuple) -> None:
        if method == "start_utt":
            self._in_utterance, self._lost_utterance = True, False
        elif method == "end_utt":
            self._in_utterance = False
        elif method == "activate_search":
            self._search = args[0]
        elif method == "set_cmn":
            self._mean = args[0]
        elif method in SET_UP:
            content = Path(args[1]).read_bytes() if method == "add_lm_file" else None
            self._set_up.append((method, args, content))

    def _send(self, message) -> None:
        pickle.dump(message, self._proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        self._proc.stdin.flush()

    def _answer(self):
        reply = pickle.load(self._proc.stdout)
        if reply[0] == "ok":
            return reply[1]
        if not self._started:
            raise _StartFailed(reply[2])
        raise _ERRORS.get(reply[1], RuntimeError)(reply[2])

    def _take_over(self) -> None:
        """The worker died: the same decoder here, set up as it was."""
        worker_process.stop(self._proc)
        self._local = make_decoder(self._options)
        with tempfile.TemporaryDirectory(prefix="letitout-lm-") as folder:
            for method, args, content in self._set_up:
                if content is not None:
                    path = os.path.join(folder, "replayed.lm")
                    Path(path).write_bytes(content)
                    args = (args[0], path)
                try:
                    _call(self._local, method, args)
                except (RuntimeError, ValueError):  # failed the first time too
                    pass
        if self._mean is not None:
            self._local.set_cmn(self._mean)
        if self._search is not None:
            self._local.activate_search(self._search)
        if self._in_utterance:  # what it had heard of this utterance is gone
            self._local.start_utt()
            self._lost_utterance = True


if __name__ == "__main__":
    worker_process.serving(serve)
