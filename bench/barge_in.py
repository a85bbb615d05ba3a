"""Barge-in: how fast "stop", spoken over the assistant's narration, silences it.

A private PulseAudio room (tests/pulse_room.py) with the assistant's speaker leaking into its
microphone (echo). `letitout session` runs on those devices; the person's voice (espeak-ng)
says "help me let it out", "yes", and then "stop" while the first step is being spoken.
Latency = from the end of the spoken "stop" to the speaker falling silent: the first 100 ms
of silence on the speaker's monitor after the moment the session cancelled its speech (the
session notes that moment on stderr in debug mode; both processes share the system's
monotonic clock, so a pause in the narration before the cut is never taken for the cut).
Also counts how often the assistant took its own voice for the person.

    python bench/barge_in.py [--runs 5] [--voice joe]

Writes bench/results/barge_in_VOICE.json (the assistant's voice).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pulse_room import PulseRoom, wait_for  # noqa: E402

SILENCE_RMS = 0.003
DEBUG = False


def read_events(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def person(name: str = "joe", gain: float = 0.8):
    import soxr

    from assistant.speak import load_voice

    voice = load_voice(name, warn=lambda m: None)
    return lambda text: soxr.resample(voice.synthesize(text), voice.sample_rate, 16000) * gain


def wait_quiet(room, quiet_s, timeout, after=0.0):
    def quiet():
        loud = [t for t, rms in room.speaker_activity() if rms > SILENCE_RMS and t >= after]
        return bool(loud) and time.monotonic() - loud[-1] >= quiet_s
    return wait_for(quiet, timeout)


def word_end(room, after: float, clip) -> float:
    """When the person's word ended in the microphone. The clip is found in the microphone
    recording by cross-correlation (the echo there can be as loud as the person), and its
    last voiced 10 ms block (over 5% of its loudest) is read off the recording's clock."""
    import numpy as np

    time.sleep(0.3)
    blocks = [(t, b) for t, b in list(room._recordings.get("mic", [])) if t >= after - 0.5]
    if not blocks:
        return time.monotonic()
    mic = np.concatenate([b for _, b in blocks])
    stamps = np.concatenate([np.full(len(b), t) for t, b in blocks])
    clip = np.asarray(clip, np.float64)
    size = 1 << int(np.ceil(np.log2(len(mic) + len(clip))))
    corr = np.fft.irfft(np.fft.rfft(mic, size) * np.conj(np.fft.rfft(clip, size)), size)
    start = int(np.argmax(corr[: len(mic)]))
    levels = [np.sqrt(np.mean(clip[i:i + 160] ** 2)) for i in range(0, len(clip), 160)]
    voiced = [i for i, level in enumerate(levels) if level > 0.05 * max(levels)]
    end = min(len(mic) - 1, start + (voiced[-1] + 1) * 160)
    return float(stamps[end])


def cancelled_at(stderr_path: Path) -> float | None:
    """When the session cut its own speech (its debug note), on the monotonic clock."""
    for line in stderr_path.read_text().splitlines():
        found = re.search(r"barge-in .* at monotonic ([0-9.]+)", line)
        if found:
            return float(found.group(1))
    return None


def first_silence_after(room, t0: float, span: float = 0.1) -> float | None:
    blocks = [(t, rms) for t, rms in room.speaker_activity() if t >= t0]
    run_start = None
    for t, rms in blocks:
        if rms <= SILENCE_RMS:
            run_start = t if run_start is None else run_start
            if t - run_start >= span:
                return run_start
        else:
            run_start = None
    return None


def one_run(voice: str, echo: float, say) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        room = PulseRoom(Path(folder), echo_gain=echo).start()
        room.start_recording_speaker()
        room.start_recording("mic", "mic")  # what the assistant hears: to time the word
        events = Path(folder) / "events.jsonl"
        stderr_path = Path(folder) / "stderr.txt"
        stderr_file = stderr_path.open("w")
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "session", "--input-device", "pulse",
             "--output-device", "pulse", "--place", "home", "--minutes", "10",
             "--voice", voice, "--events", str(events)],
            env={**room.session_env(), "LETITOUT_DEBUG": "1"}, cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=stderr_file, text=True)
        result = {"ok": False}
        said_at = stop_end = 0.0
        try:
            wait_quiet(room, 1.0, 120)
            room.play_into_mic(say("help me let it out"))
            wait_for(lambda: any(e["type"] == "intent" for e in read_events(events)), 30)
            wait_for(lambda: any("?" in e.get("text", "") for e in read_events(events)[2:]), 30)
            wait_quiet(room, 1.0, 60, after=time.monotonic())
            room.play_into_mic(say("yes"))
            wait_for(lambda: any(e["type"] == "step" for e in read_events(events)), 30)
            time.sleep(1.5)  # well into the narration of the first step
            speaking = any(rms > SILENCE_RMS for _, rms in room.speaker_activity()[-10:])
            said_at = time.monotonic()
            clip = say("stop")
            room.play_into_mic(clip)
            stop_end = word_end(room, said_at, clip)
            ended = wait_for(lambda: any(e["type"] == "end" for e in read_events(events)), 30)
            cut = cancelled_at(stderr_path)
            # 40 ms: the goodbye may start soon after the cut, so a longer gap can be missed
            silent_at = (first_silence_after(room, cut - 0.05, span=0.04)
                         if cut is not None else None)
            log = read_events(events)
            heard = [e["text"] for e in log if e["type"] == "heard"]
            stopped = any(e["type"] == "end" and e["reason"] == "stop" for e in log)
            result = {
                "ok": bool(ended and stopped and speaking and silent_at is not None),
                "speaking_when_stop_said": speaking,
                # Only a real barge-in has a latency: otherwise the next quiet is a pause.
                # (A pause in the narration may have begun just before the cut: then the
                # cut itself is when the voice stopped for good.)
                "latency_ms": (round((max(silent_at, cut) - stop_end) * 1000)
                               if stopped and silent_at is not None else None),
                # where the time goes: hearing and deciding, then the audio path going quiet
                "decided_ms": round((cut - stop_end) * 1000) if cut is not None else None,
                "quiet_ms": (round(max(0.0, silent_at - cut) * 1000)
                             if cut is not None and silent_at is not None else None),
                "heard": heard,
                # the voice cut before the person said a word: its own voice, heard as a command
                "cut_before_person_spoke": cut is not None and cut < said_at,
                "self_heard": max(0, len(heard) - 3) + int(cut is not None and cut < said_at),
                "end_reason": next((e["reason"] for e in log if e["type"] == "end"), None),
            }
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            room.stop()
            stderr_file.close()
            if DEBUG:
                print(stderr_path.read_text(), file=sys.stderr)
                print(f"stop played at monotonic {said_at:.3f}, its end heard at "
                      f"{stop_end:.3f}", file=sys.stderr)
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--voice", default="joe")
    parser.add_argument("--echo", type=float, default=0.35, help="speaker-to-mic gain (0-1)")
    parser.add_argument("--person", default="joe", help="the person's voice")
    parser.add_argument("--person-gain", type=float, default=0.8,
                        help="the person's level in the microphone (peak, 0-1)")
    parser.add_argument("--debug", action="store_true",
                        help="print what the recogniser heard (LETITOUT_DEBUG)")
    args = parser.parse_args()
    global DEBUG
    DEBUG = args.debug
    say = person(args.person, args.person_gain)
    runs = []
    for i in range(args.runs):
        run = one_run(args.voice, args.echo, say)
        runs.append(run)
        print(f"run {i + 1}: {run}", flush=True)
    latencies = [r["latency_ms"] for r in runs if r.get("latency_ms") is not None]
    report = {
        "voice": args.voice, "echo_gain": args.echo, "person": args.person,
        "person_gain": args.person_gain, "runs": runs,
        "stopped": sum(1 for r in runs if r.get("end_reason") == "stop"),
        "latency_ms_p50": statistics.median(latencies) if latencies else None,
        "latency_ms_max": max(latencies) if latencies else None,
        "self_heard_total": sum(r.get("self_heard", 0) for r in runs),
    }
    name = args.voice if (args.person, args.person_gain, args.echo) == ("joe", 0.8, 0.35) else (
        f"{args.voice}_person-{args.person}-{args.person_gain:g}_echo-{args.echo:g}")
    out = ROOT / "bench" / "results" / f"barge_in_{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nstopped {report['stopped']}/{len(runs)}; latency after 'stop' ends: "
          f"p50 {report['latency_ms_p50']} ms, max {report['latency_ms_max']} ms; "
          f"own voice taken for the person: {report['self_heard_total']} time(s)")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
