"""A second, independent set of background-noise generators for the speech benchmarks.

Written from acoustics alone, without seeing the project's own noise generator, so that a
model adapted on that noise can be checked on noise it has never met. Every kind is built from
physical events rather than coloured noise under an envelope:

- shower: thousands of droplet impacts per second on skin, tub and tiles: Minnaert bubble
  "plinks" (damped, slightly rising sinusoids, f = 3.26 m/s / radius), broadband tile clicks and
  soft body thuds, plus spray hiss, through a bright tiled-bathroom reverb (RT60 0.5-0.8 s).
- tap: a stream into a sink: fewer, larger bubbles whose size drifts slowly (a wandering,
  gurgling pitch around 400 Hz-2 kHz), bursts of activity, a little splash, a sink-bowl
  resonance and a short reverb.
- wind: turbulence at a phone microphone as shot noise of passing eddies: octave sizes from
  5 mm to 64 cm, each a zero-mean pressure pulse lasting size / wind speed with Kolmogorov
  amplitude scaling (giving an f^-5/3 rumble), gusts on 0.5-5 s scales, occasional overload
  buffets clipped by the ADC, then a faint rustle of leaves.
- tv: one presenter (sometimes a guest) in flite voices reading news and documentary lines,
  with a synthetic music bed at times, through a small compressed loudspeaker and a living room.
- cafe: 5-8 flite / espeak-ng talkers chatting in small groups at 1-6 m, a murmur of
  pitch-shifted voices further off, and cup clinks (inharmonic shell modes), in a live room.

make(kind, n, rng) returns n samples, zero mean, unit standard deviation; it is deterministic
for a given rng state. Speech renders are cached in <tmp>/letitout-other-noise/.
"""

import hashlib
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from scipy import signal
from scipy.io import wavfile

KINDS = ("shower", "tap", "wind", "tv", "cafe")
CACHE = Path(tempfile.gettempdir()) / "letitout-other-noise"

TV_LINES = """Good evening, and welcome to the six o'clock news from the city newsroom.
Heavy rain is expected across the northern valleys for the rest of the week.
The council voted on Tuesday to extend the tram line to the harbour district.
Engineers say the new bridge will carry around forty thousand vehicles a day.
In the markets today, shares in shipping companies rose for a third session.
Migrating geese travel more than three thousand kilometres every autumn.
Deep beneath the ice, a slow current carries nutrients towards the open sea.
Farmers in the region began harvesting wheat two weeks earlier than usual.
The museum will reopen its west wing after a lengthy restoration of the roof.
Scientists have mapped the ocean floor off the coast in remarkable detail.
Tonight's match was delayed by half an hour after a power failure at the stadium.
These ancient forests are home to more than two hundred species of beetle.
The national library has digitised nearly a million historic newspapers.
Traffic on the ring road is moving slowly after a collision near the airport.
Over thousands of years, the river has carved a canyon almost a mile deep.
Our correspondent sent this report from the mountain villages in the south.""".split("\n")

CAFE_LINES = """Did you manage to find a parking space near the station this morning?
I think the new bakery on the corner does the best bread in town.
We are going to the coast for the long weekend if the weather holds.
Could you pass the sugar, please? Thanks.
He said the meeting got moved to Thursday afternoon at three.
My brother just bought an old van and wants to turn it into a camper.
Honestly, the second season was much better than the first one.
Are you still doing that pottery class on Wednesday evenings?
The rent on that flat went up again, so they might move out of the city.
I'll have a flat white and a slice of the lemon cake, please.
She finally finished painting the kitchen, and it looks really bright now.
Did you see the score last night? What a finish.
We should book the table for eight people, not six.
The train was twenty minutes late again, so I missed the start.
I'm thinking about learning Spanish before the trip next year.
Yeah, no, that's exactly what I told him on the phone.
They've opened a new climbing gym out by the river.
Let me know when you're free and we can go for a walk.""".split("\n")

FLITE = [("flite", v, s) for v, s in (("awb", 1.0), ("rms", 0.95), ("slt", 1.05), ("kal16", 1.0))]
ESPEAK = [("espeak", v, s) for v, s in (("en-us+m3", 160), ("en-us+f3", 170), ("en-gb+m1", 150),
                                        ("en+f2", 165), ("en-us+m7", 155), ("en-gb-x-rp+f4", 160))]


def _render(spec, text, rate):
    """One utterance at `rate`, silence-trimmed, RMS 0.1; cached (written aside, then renamed)."""
    engine, voice, speed = spec
    key = hashlib.sha1(f"{engine}|{voice}|{speed}|{rate}|{text}".encode()).hexdigest()
    path = CACHE / f"{key}.npy"
    if path.exists():
        return np.load(path)
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as td:
        wav = os.path.join(td, "out.wav")
        cmd = (["flite", "-voice", voice, "--setf", f"duration_stretch={speed}", "-t", text, "-o",
                wav] if engine == "flite" else ["espeak-ng", "-v", voice, "-s", str(speed), "-w",
                                                wav, text])
        subprocess.run(cmd, check=True, capture_output=True)
        sr, x = wavfile.read(wav)
    x = x.astype(np.float64) / 32768.0
    x = signal.resample_poly(x, rate, sr) if sr != rate else x
    loud = np.flatnonzero(np.abs(x) > 0.02 * np.abs(x).max())
    x = x[max(loud[0] - rate // 50, 0): loud[-1] + rate // 50]
    x = (0.1 * x / (np.sqrt(np.mean(x**2)) + 1e-12)).astype(np.float32)
    tmp = CACHE / f".{key}.{os.getpid()}.{os.urandom(4).hex()}"
    with open(tmp, "wb") as f:
        np.save(f, x)
    os.replace(tmp, path)
    return x


def _renders(pairs, rate):
    """Render (voice, text) pairs in parallel; the order of results is fixed."""
    with ThreadPoolExecutor(max_workers=max(os.cpu_count() or 2, 2)) as pool:
        return list(pool.map(lambda p: _render(p[0], p[1], rate), pairs))


def _slow(m, rng, tau, rate, ctrl=100):
    """Unit-variance Ornstein-Uhlenbeck process with time constant tau (s), at control rate."""
    k, a = int(m / rate * ctrl) + 2, np.exp(-1.0 / (tau * ctrl))
    y = signal.lfilter([np.sqrt(1 - a * a)], [1, -a], rng.standard_normal(k),
                       zi=[a * rng.standard_normal()])[0]
    return np.interp(np.arange(m) * ctrl / rate, np.arange(k), y)


def _events(m, rng, rate_fn, peak, rate):
    """Poisson event times (samples) with time-varying rate rate_fn (per s), by thinning."""
    t = np.sort(rng.integers(0, m, rng.poisson(peak * m / rate)))
    return t[rng.random(len(t)) * peak < rate_fn[t]]


def _scatter(m, t0, n_l, grain):
    """Sum of grains (rows of grain(chunk), at most n_l long) starting at samples t0."""
    out, step = np.zeros(m + n_l), max(1, 2**21 // n_l)
    for s in range(0, len(t0), step):
        c = slice(s, s + step)
        g = grain(c)
        idx = (t0[c, None] + np.arange(g.shape[1])).ravel()
        out += np.bincount(idx, g.ravel(), minlength=m + n_l)
    return out[:m]


def _plinks(m, t0, f0, tau, amp, rate, glide=0.0, length=0.03):
    """Damped sinusoids amp*exp(-t/tau)*sin(2 pi f0 (t + glide t^2/2)) starting at t0."""
    t = np.arange(int(length * rate)) / rate
    f0, tau, amp, glide = (np.broadcast_to(v, t0.shape) for v in (f0, tau, amp, glide))
    return _scatter(m, t0, len(t), lambda c: amp[c, None] * np.exp(-t / tau[c, None]) * np.sin(
        2 * np.pi * f0[c, None] * (t + 0.5 * glide[c, None] * t * t)))


def _hiss(m, t0, tau, amp, rate, rng, length=0.1):
    """Decaying noise bursts (hi-hats, snares)."""
    t = np.arange(int(length * rate)) / rate
    return _scatter(m, t0, len(t), lambda c: amp * np.exp(-t / tau) * rng.standard_normal(
        (len(t0[c]), len(t))))


def _filt(x, fc, kind, rate, order=2):
    """Butterworth filter ("low", "high" or "bandpass" with fc = (lo, hi))."""
    fc = np.minimum(fc, 0.45 * rate)
    return signal.sosfilt(signal.butter(order, fc, kind, fs=rate, output="sos"), x)


def _tail(x, rng, rt60, wet, rate, bright=0.7):
    """Diffuse reverberation of x with energy `wet` x that of x: exponentially decaying noise
    whose highs die sooner (`bright` = high-band share of RT60), after a few early reflections."""
    t = np.arange(int(rt60 * rate)) / rate
    lo, hi = (_filt(rng.standard_normal(len(t)), 3000, k, rate) for k in ("low", "high"))
    ir = lo * np.exp(-6.9 * t / rt60) + hi * np.exp(-6.9 * t / (bright * rt60))
    ir *= np.clip(t / 0.01, 0, 1)  # the diffuse tail builds up over the first 10 ms...
    ir[rng.integers(int(0.002 * rate), int(0.02 * rate), 6)] += rng.uniform(-0.5, 0.5, 6)
    ir *= np.sqrt(wet / np.sum(ir**2))  # ...after a handful of discrete wall reflections
    return signal.fftconvolve(x, ir)[: len(x)]


def _shower(m, rng, rate):
    flow = np.exp(0.2 * _slow(m, rng, 1.5, rate) + 0.1 * _slow(m, rng, 0.2, rate))
    t = _events(m, rng, 3000 * flow, 3000 * flow.max(), rate)
    kind = rng.random(len(t))
    b, c, d = t[kind < 0.3], t[(kind >= 0.3) & (kind < 0.8)], t[kind >= 0.8]
    # bubbles entrained in the tub water: sizes fall off steeply (big ones are rare)
    radius = np.minimum(0.4e-3 * (1 + rng.pareto(2.5, len(b))), 4e-3)
    f = np.minimum(3.26 / radius, 0.45 * rate)
    tau = np.minimum(1 / (np.pi * f * rng.uniform(0.03, 0.08, len(b))), 0.006)
    x = _plinks(m, b, f, tau, radius / 1e-3 * rng.lognormal(0, 0.5, len(b)), rate,
                rng.uniform(0, 40, len(b)))
    x += _plinks(m, c, rng.uniform(2000, 7000, len(c)), rng.uniform(1e-4, 4e-4, len(c)),
                 3 * rng.lognormal(0, 0.6, len(c)) * rng.choice([-1, 1], len(c)), rate,
                 length=0.003)  # hard, short clicks on the tiles
    x += _plinks(m, d, rng.uniform(300, 900, len(d)), rng.uniform(5e-4, 1.5e-3, len(d)),
                 2 * rng.lognormal(0, 0.5, len(d)), rate, length=0.008)  # soft hits on skin
    hiss = _filt(rng.standard_normal(m), (1500, 8000), "bandpass", rate) * flow
    x = _filt(x + 0.5 * np.std(x) * hiss / np.std(hiss), 100, "high", rate)
    # ~1 m from the water in a ~15 m3 tiled room: the reverberant field outweighs the direct one
    return x + _tail(x, rng, rng.uniform(0.5, 0.8), rng.uniform(2, 4), rate, bright=0.85)


def _tap(m, rng, rate):
    busy = np.exp(0.6 * _slow(m, rng, 0.3, rate) + 0.4 * _slow(m, rng, 2.0, rate))
    t = _events(m, rng, 90 * busy, 90 * busy.max(), rate)
    size = rng.uniform(3e-3, 5e-3) * np.exp(0.25 * _slow(m, rng, 1.5, rate))  # drifting pitch
    radius = size[t] * rng.lognormal(0, 0.2, len(t))
    f = 3.26 / radius
    tau = np.minimum(1 / (np.pi * f * rng.uniform(0.015, 0.035, len(t))), 0.025)
    x = _plinks(m, t, f, tau, radius / 1e-3 * rng.lognormal(0, 0.4, len(t)), rate,
                rng.uniform(0, 15, len(t)), length=0.12)
    splash = _filt(rng.standard_normal(m), (500, 4000), "bandpass", rate) * np.sqrt(busy)
    x += 0.5 * np.std(x) * splash / np.std(splash)
    for fb in rng.uniform(250, 600, 2):  # the sink bowl rings at a couple of low modes
        b, a = signal.iirpeak(fb, 8, fs=rate)
        x += 0.5 * signal.lfilter(b, a, x)
    return x + _tail(x, rng, rng.uniform(0.3, 0.5), rng.uniform(0.4, 1.0), rate)


def _wind(m, rng, rate):
    gusts = 0.35 * _slow(m, rng, 3, rate) + 0.25 * _slow(m, rng, 0.7, rate)
    speed = rng.uniform(4, 8) * np.exp(gusts)  # wind speed at the phone, m/s
    x = np.zeros(m)
    for size in 0.005 * 2.0 ** np.arange(8):  # eddy sizes 5 mm .. 64 cm
        dec = int(2 ** max(0, np.floor(np.log2(rate * size / (8 * speed.max())))))  # big = slow,
        u = speed[::dec]  # so render it at a lower sample rate
        t = _events(len(u), rng, 2 * u / size, 2 * u.max() / size, rate / dec)
        dur = size / u[t]  # a frozen eddy sweeps past the port in size / U seconds
        # Kolmogorov: eddy velocity ~ size^(1/3), pressure ~ U * velocity; eddies smaller than
        # the ~1 cm port average out
        amp = u[t] ** 2 * size ** (1 / 3) * size / (size + 0.01) * rng.normal(0, 1, len(t))
        k = np.argsort(dur)  # so that each chunk of grains is only as long as it needs
        t, dur, amp = t[k], dur[k], amp[k]

        def eddy(c, dur=dur, amp=amp, dec=dec):  # one smooth zero-mean pressure swing
            ph = np.arange(int(dur[c][-1] * rate / dec) + 2) * dec / rate / dur[c, None]
            return amp[c, None] * np.where(ph < 1, np.sin(2 * np.pi * ph) * np.sin(np.pi * ph) ** 2,
                                           0)

        seg = _scatter(len(u), t, int(dur[-1] * rate / dec) + 2, eddy)
        x += signal.resample_poly(seg, dec, 1)[:m]
    gust = (speed / speed.mean()) ** 4  # violent buffets, mostly in the strongest gusts
    t = _events(m, rng, 0.2 * gust, 0.2 * gust.max(), rate)
    dur = rng.uniform(0.05, 0.3, len(t))
    ramp = np.arange(int(0.3 * rate)) / rate
    bump = _scatter(m, t, len(ramp), lambda c: np.sin(np.pi * np.minimum(
        ramp / dur[c, None], 1)) ** 2)
    x = _filt(x + 5 * np.std(x) * bump * _filt(rng.standard_normal(m), 250, "low", rate), 30,
              "high", rate, 1)  # through the microphone's vent...
    x = np.clip(x, -3.5 * np.std(x), 3.5 * np.std(x))  # ...into an overloaded ADC...
    x = _filt(x, 40, "high", rate)  # ...and the phone's DC blocker
    lag = np.roll(speed, int(rate * rng.uniform(0.5, 2)))  # the gust reaches the trees later
    t = _events(m, rng, 400 * lag, 400 * lag.max(), rate)
    leaves = _plinks(m, t, rng.uniform(2500, 7000, len(t)), rng.uniform(2e-4, 8e-4, len(t)),
                     rng.normal(0, 1, len(t)) * lag[t] ** 2, rate, length=0.004)
    return x + 0.1 * np.std(x) * leaves / (np.std(leaves) + 1e-12)


def _place(track, clip, at):
    """Add clip into track starting at sample `at`, cropped to the track."""
    a, b = max(at, 0), min(at + len(clip), len(track))
    if b > a:
        track[a:b] += clip[a - at: b - at]


def _music(m, rng, rate):
    """Pop-style bed: a I-V-vi-IV chord pad and bass, a plucked pentatonic tune, drums."""
    beat = 60 / rng.uniform(84, 124)
    key = 220 * 2 ** (rng.integers(0, 12) / 12)
    major = np.array([0, 2, 4, 5, 7, 9, 11])
    bar = int(4 * beat * rate)
    t = np.arange(bar) / rate
    x = np.zeros(m + bar)
    for i, start in enumerate(range(0, m, bar)):
        root = [0, 4, 5, 3][i % 4]
        pad = sum(np.sin(2 * np.pi * h * key * 2 ** ((major[(root + k) % 7]) / 12) * t) / h
                  for k in (0, 2, 4) for h in (1, 2, 3, 4))
        x[start: start + bar] += 0.15 * pad * np.minimum(t / 0.05, 1) * np.exp(-t / 3)
        x[start: start + bar] += 0.4 * np.sin(2 * np.pi * key / 2 * 2 ** (major[root] / 12) * t)
    beats = np.arange(0, m, int(beat * rate))
    notes = key * 2 * 2 ** (rng.choice([0, 2, 4, 7, 9], len(beats)) / 12)
    x = x[:m] + _plinks(m, beats, notes, 0.25, 0.5 * (rng.random(len(beats)) < 0.7), rate,
                        length=0.6)
    x += _plinks(m, beats[::2], 120.0, 0.08, 1.5, rate, -5.0, 0.15)  # kick: the pitch drops
    x += _hiss(m, beats[1::2], 0.06, 0.5, rate, rng, 0.2)  # snare
    hats = _hiss(m, np.arange(0, m, int(beat * rate / 2)), 0.015, 0.3, rate, rng, 0.06)
    return x + _filt(hats, 6000, "high", rate)


def _tv(m, rng, rate):
    voices = [FLITE[i] for i in rng.permutation(len(FLITE))[:2]]
    guest = rng.random() < 0.5
    order = rng.permutation(len(TV_LINES))
    need = int(m / rate / 3) + 4  # TV lines last about 4 s, so this is enough of them
    who = [1 if guest and (j // 3) % 2 else 0 for j in range(need)]
    clips = _renders([(voices[w], TV_LINES[order[j % len(order)]]) for j, w in enumerate(who)],
                     rate)
    x, at = np.zeros(m), -int(rng.uniform(0, 3) * rate)
    for j, clip in enumerate(clips):
        _place(x, clip, at)
        pause = rng.uniform(0.5, 0.9) if j % 3 == 2 else rng.uniform(0.15, 0.45)
        at += len(clip) + int(rate * pause)
    on = (_slow(m, rng, 4, rate) > rng.uniform(-0.3, 0.8)).astype(float)  # music comes and goes
    on = signal.lfilter([2 / rate], [1, 2 / rate - 1], on)  # with half-second fades
    music = _music(m, rng, rate)
    x += rng.uniform(0.2, 0.5) * 0.1 * on * music / np.std(music)  # 6-14 dB under the voice
    # a small flat-panel speaker: little below 250 Hz, nothing above 7 kHz, and the set's
    # "dialogue enhancement" presence boost around 2.5 kHz
    x = _filt(x, (250, 7000), "bandpass", rate, 4)
    b, a = signal.iirpeak(2500, 1.5, fs=rate)
    x += signal.lfilter(b, a, x)
    env = np.sqrt(signal.lfilter([0.002], [1, -0.998], x * x)) + 1e-9
    thr = np.sqrt(np.mean(x * x))
    x *= np.minimum(1, (env / thr) ** (1 / 3 - 1))  # 3:1 compression above the mean level
    x = np.tanh(x / (3 * thr)) * 3 * thr  # and a little cone / amplifier saturation
    return x + _tail(x, rng, rng.uniform(0.4, 0.6), rng.uniform(1, 2.5), rate)


def _cafe(m, rng, rate):
    pool = FLITE + ESPEAK
    k = int(rng.integers(5, 9))
    voices = [pool[i] for i in rng.permutation(len(pool))[:k]]
    groups = np.array_split(rng.permutation(k), int(rng.integers(2, k // 2 + 1)))
    dist, effort = rng.uniform(1, 6, k), rng.lognormal(0, 0.35, k)
    rc = 1.1  # critical distance of a ~300 m3 room with RT60 0.8 s
    plan = []  # (talker, start, line), fixed before rendering: cached or not, the same result
    for g in groups:
        at, last = -int(rng.uniform(0, 4) * rate), -1
        while at < m:
            s = int(rng.choice([i for i in g if i != last] if len(g) > 1 else g))
            line = int(rng.integers(len(CAFE_LINES)))
            plan.append((s, at, line))
            at += int(rate * (len(CAFE_LINES[line]) / 15 + rng.uniform(-0.3, 0.8)))  # overlaps
            last = s
    clips = _renders([(voices[s], CAFE_LINES[i]) for s, _, i in plan], rate)
    dry, far = np.zeros(m), np.zeros(m)
    for (s, at, _), clip in zip(plan, clips, strict=True):
        _place(dry, effort[s] / dist[s] * clip, at)  # direct sound falls as 1/r...
        _place(far, effort[s] / rc * clip, at)  # ...the diffuse field does not
    for _ in range(int(m / rate * 1.5)):  # a murmur of other tables, pitch- and speed-shifted
        c = clips[rng.integers(len(clips))]
        r = rng.uniform(0.85, 1.2)
        _place(far, 0.3 * np.interp(np.arange(0, len(c) - 1, r), np.arange(len(c)), c),
               int(rng.integers(-len(c), m)))
    # synthetic voices carry a far stronger fundamental than real talkers (whose long-term
    # spectrum peaks near 500 Hz): tame it, as Lombard speech in a noisy room does too
    dry, far = _filt(dry, 300, "high", rate, 1), _filt(far, 300, "high", rate, 1)
    t = _events(m, rng, np.full(m, 0.8), 0.8, rate)
    t = np.concatenate([t, t[rng.random(len(t)) < 0.3] + int(0.12 * rate)])  # cup, then saucer
    t = t[t < m]
    base, decay = rng.uniform(1500, 4000, len(t)), rng.uniform(0.03, 0.15, len(t))
    amp = 0.05 * rng.lognormal(0, 0.5, len(t))
    clink = sum(_plinks(m, t, np.minimum(base * r, 0.45 * rate), decay / r, amp / r, rate,
                        length=0.4) for r in (1.0, 2.83, 5.42))  # shell modes n = 2, 3, 4
    return dry + 0.3 * clink + _tail(far + clink, rng, rng.uniform(0.7, 0.9), 1.0, rate)


def make(kind: str, n: int, rng: np.random.Generator, rate: int = 16000) -> np.ndarray:
    """n samples of `kind` noise at `rate`, zero mean and unit standard deviation."""
    if kind not in KINDS:
        raise ValueError(f"unknown noise kind {kind!r}; expected one of {KINDS}")
    pad = rate  # one second of warm-up so the reverbs and slow processes are already running
    build = {"shower": _shower, "tap": _tap, "wind": _wind, "tv": _tv, "cafe": _cafe}[kind]
    x = build(n + pad, rng, rate)[pad:]
    x = x - x.mean()
    return x / x.std() if x.std() > 0 else x
