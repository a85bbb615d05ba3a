"""The embedded engine: CMU pocketsphinx with the US English model its wheel ships, and that
model adapted to synthetic voices (assistant/listen/adapted_model.py). Each voice is heard with
the model that fits it (VoiceChoice): people with the model as shipped, which hears them
better; espeak-ng-like voices with the adapted one (unseen ones: 41 -> 78% of commands right).

Commands are decoded with a small trigram language model trained on the sentences the intent
templates expand to (every intent weighted the same), then understood by the fuzzy
understander, which refuses text that is not close to a command. Measured on this machine, a
finite-state grammar of all templates decodes at 0.1-0.2x real time (too slow) and a
phone-loop garbage model at 2-5x; the n-gram search stays near 0.04x and tolerates
phrasings the templates do not list.
Out-of-grammar speech is refused by the understander (unknown words count against a match)
and by voice activity gating. Free text (journaling) uses the bundled general model.
"""

from __future__ import annotations

import itertools
import math
import os
import tempfile
from collections import Counter

import numpy as np
from rapidfuzz import fuzz

from assistant.errors import LetitoutError
from assistant.listen import audio, grammar_cache
from assistant.listen.adapted_model import adapted_files, narrowband_path
from assistant.listen.decoder_worker import RemoteDecoder, forget_room
from assistant.listen.grammar import balanced_corpus, sentences_by_intent
from assistant.listen.lexicon import Lexicon
from assistant.listen.pronounce import non_rhotic_readings, pronounce_missing, spelled_readings
from assistant.listen.recognizer import Decoded, print_stderr
from assistant.listen.rescore import Phones, PhoneticIndex, SentenceSounds, jsgf, slots_of

NBEST = 10  # lattice paths looked at when the best one is not a command
TOPN = 6  # Gaussians scored per codebook (measured in bench/speech_in.py, see below)
WARP = "1.06"  # inverse-linear frequency warp factor for the filterbank
LM_DISCOUNT = 0.5  # probability mass the command model keeps for word sequences unseen
RESCORE_NEAREST = 24  # template sentences the second pass chooses among
RESCORE_SLOT_VALUES = 6  # values per slot (place, technique, minutes) it chooses among
RESCORE_CHOSEN_MIN = 50.0  # how near (0..100, phones) the sentence picked must sound
# Suffix of the command searches without the flat second pass (fwdflat). That pass costs
# about 30% of a decode; on a dev slice (175 clips per condition) it changed nothing on
# clean speech (92.6 -> 93.1% without it) or in running water at 10 dB (80.0 -> 80.6%), but
# over other people's talk at 10 dB it mattered (39.4 -> 30.3% without it). So it runs over
# talk and in a live utterance's whole second look; elsewhere the quick search: clean 93.1%,
# water 10 dB 81.1%, talk 10 dB 39.4%, clean CPU/audio 0.056 -> 0.049 (dev slice).
QUICK = "q"


OWN_BUILD = "+letitout"  # the local version label tools/build_pocketsphinx.py gives its build


def build_name() -> str:
    """The installed pocketsphinx's version, saying so when it is letitout's own build
    (tools/build_pocketsphinx.py: the same scores, the Gaussians scored about 1.4x faster)."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        found = version("pocketsphinx")
    except PackageNotFoundError:
        return "5"
    return f"{found} (vectorized Gaussian scoring)" if OWN_BUILD in found else found

# Where the cepstral mean starts. pocketsphinx normalises each utterance by a running mean
# that only catches up after whole utterances; its own start (40,3,-1,0...) is far from any
# voice, so a fresh recogniser misheard its first utterance (one recording per process, or
# the first thing said in a session). The first mean is set instead: c0 (log energy) from
# the speech itself, c1..c12 from a typical spectral shape (the mean of the four espeak-ng
# bench voices and Piper's joe, the natural voice weighing as much as the four). A whole
# recording's c0 is measured by a batch pass of pocketsphinx's own front end; a live lead-in
# is too short, so there c0 = 0.86 x the level (dB) of its loud frames - 12 (fitted over five
# voices at two gains, residual sd 4). Measured one recording per process: unseen espeak-ng
# voices 28.7 -> 36.3% right (bench/unseen_voices.py), the quick bench's clips in running
# water at 10 dB 70.0 -> 75.0%, in talk at 10 dB 18.3 -> 20.8%; also fine 20 dB quieter,
# where a fixed start fell to half. Later utterances keep the running mean. Moving c0 when
# the level jumped helped with levels alternating 20 dB apart (64.2 -> 68.9%) but was not
# kept: estimated from the level it cost background talk at 10 dB 41.7 -> 33.3% (talk raises
# the level); measured, it lost that gain and cost a tenth of a decode per utterance.
C0_PER_DB, C0_AT_0_DB = 0.86, -12.0
TYPICAL_SHAPE = (1.31, -4.52, 13.30, -7.19, -3.59, -0.12, -14.19, -1.38, -2.92, 5.12, -1.18,
                 -6.53)
PROBE_MIN_S = 0.6  # a first feed this long is a whole recording: its c0 is measured
DITHER_SEED = 7  # each utterance's dither starts from this seed (see dithered)


def dithered(samples: np.ndarray, noise: np.random.Generator) -> np.ndarray:
    """pocketsphinx's dither, drawn from the utterance's own generator: one in four samples
    one step up. An utterance's generator starts from DITHER_SEED, so a recording is heard the
    same whatever was decoded before it (the same audio gives the same answer)."""
    samples = np.asarray(samples, dtype=np.int16)
    steps = noise.integers(0, 4, len(samples)) == 0
    return np.minimum(samples.astype(np.int32) + steps, 32767).astype(np.int16)


def model_dir() -> str:
    from pocketsphinx import get_model_path

    return os.path.join(get_model_path(), "en-us")


class _Model:
    """One acoustic model: its decoder, and what has been set up in it."""

    def __init__(self, name: str, decoder, options: dict) -> None:
        self.name = name
        self.decoder = decoder
        self.options = options  # what the decoder was made with (for the dictation one)
        self.dictation: _Model | None = None  # its free-text twin (_dictation_model)
        self.active: str | None = None
        self.heard_any = False  # a running cepstral mean exists (see prime_mean)
        self.probe_ready = False
        self._start_mean: str | None = None
        # In a worker process (decoder_worker.RemoteDecoder): given its audio first, so it
        # decodes while this process decodes with the other model.
        self.remote = getattr(decoder, "remote", False)

    @property
    def start_mean(self) -> str:
        """pocketsphinx's own starting cepstral mean (asked when first needed: a worker's
        decoder is still being made while this process makes its own)."""
        if self._start_mean is None:
            self._start_mean = self.decoder.get_cmn()
        return self._start_mean

    def activate(self, search: str) -> None:
        # Tracked here: Decoder.current_search() crashes when no search is active yet.
        if self.active != search:
            self.decoder.activate_search(search)
            self.active = search

    def prime(self, c0: float | None) -> None:
        if not self.heard_any and c0 is not None:
            self.decoder.set_cmn(",".join(f"{x:.2f}" for x in [c0, *TYPICAL_SHAPE]))

    def forget(self) -> None:
        """Back to how a new process starts: a new front end (reinit_feat, 0.1 ms: its noise
        estimate too, and its normalisation, which once pocketsphinx has decoded in live mode
        stays live, so a recording's c0 measured in batch by prime_mean came out 13 lower than
        in a new process), then pocketsphinx's own starting mean."""
        self.decoder.reinit_feat()
        self.decoder.set_cmn(self.start_mean)
        self.heard_any = False


class PocketsphinxEngine:
    name = "pocketsphinx"

    def __init__(self, *, warn=print_stderr, parallel: bool = True) -> None:
        """parallel: the adapted model decodes in a process of its own (decoder_worker.py)."""
        try:
            from pocketsphinx import Decoder
        except ImportError:
            raise LetitoutError(
                "pocketsphinx is not installed; run: pip install pocketsphinx"
            ) from None
        path = model_dir()
        self._warn = warn
        # The flat second pass and lattice best path fix short commands ("stop" heard as
        # "about" or "bath" without them); the lattice also gives runner-up hypotheses.
        # Narrow flat-pass beams: the default ones cost a quarter of the decode time for no
        # accuracy in bench/speech_in.py.
        # Dither: digital silence (exact zeros) upsets the cepstral mean; +12 points measured.
        # It is added here (dithered), not by pocketsphinx: its dither draws on one random
        # generator for the whole process, so a recording decoded differently after others.
        # topn 6 (default 4): scoring more Gaussians per codebook makes the acoustic match
        # hold up for voices unlike the training speakers (espeak-ng voices +5 to +12 of 200
        # bench clips and +4 of 126 unseen ones; topn 2 lost 12, topn 16 gained no more on
        # unseen voices for 1.5x the time).
        # warp 1.06: a slight vocal-tract-length warp of the filterbank, measured +1 on the
        # bench and +4 on unseen espeak-ng voices, Piper unchanged; choosing the warp per
        # utterance by likelihood gained only +4 of 326 more for 2-4 decodes, so it is fixed.
        options = dict(
            lm=None, loglevel="FATAL", fwdflat=True, bestpath=True, dither=False,
            fwdflatbeam=1e-40, fwdflatwbeam=1e-20, topn=TOPN,
            warp_type="inverse_linear", warp_params=WARP,
        )
        self._lexicon = Lexicon(os.path.join(path, "cmudict-en-us.dict"))
        self._ruled: dict[str, str] = {}  # words pronounced by rule (pronounce_missing)
        self._in_decoders: set[str] = set()
        # The command decoders start with no words (lexicon.py: a search over the whole
        # dictionary took 0.8 s to make); _ensure_words gives them the ones the commands use.
        # Free text (journaling) has its own decoder with the whole dictionary, made when
        # first needed (_dictation_model).
        with tempfile.TemporaryDirectory(prefix="letitout-dict-") as folder:
            empty = os.path.join(folder, "empty.dict")
            open(empty, "w").close()
            self._models = [_Model("shipped", Decoder(**options, dict=empty), options)]
            self.description = (f"pocketsphinx {build_name()} with its embedded US English model "
                                f"({path})")
            adaptation = adapted_files(os.path.join(path, "en-us"), warn)
            if adaptation is not None:
                both = {**options, **adaptation}
                # In the worker, the decoder is made while this process makes its own.
                decoder = RemoteDecoder(both) if parallel else Decoder(**both, dict=empty)
                self._models.append(_Model("voices", decoder, both))
                self.description += ", and that model adapted to synthetic voices"
            # Speech through an 8 kHz channel (audio.narrowband) goes to a model adapted to
            # it alone: the wideband models heard flite's 8 kHz voice 47% right.
            self._narrow: _Model | None = None
            source = narrowband_path()
            narrow = adapted_files(os.path.join(path, "en-us"), warn, source) if source else None
            if narrow is not None:
                both = {**options, **narrow}
                self._narrow = _Model("narrowband", Decoder(**both, dict=empty), both)
                self.description += " and to 8 kHz speech"
        self._choice = VoiceChoice(len(self._models))
        self._model_path = path
        self._searches: dict[frozenset[str] | None, str] = {}
        # (understander, intents) -> the phonetic index of those intents' templates
        self._indexes: dict[tuple[int, frozenset[str]], PhoneticIndex] = {}
        self._sounds: dict[tuple[int, frozenset[str]], SentenceSounds] = {}

    @property
    def helper_cpu_s(self) -> float:
        """CPU seconds the decoder worker has spent (benches add it to this process's)."""
        return sum(m.decoder.cpu_s for m in self._models if m.remote)

    def _every_model(self) -> list[_Model]:
        return self._models + ([self._narrow] if self._narrow is not None else [])

    def narrowband_model(self, samples: np.ndarray) -> _Model | None:
        """The narrowband model when this speech came through an 8 kHz channel, else None."""
        if self._narrow is not None and audio.narrowband(samples):
            return self._narrow
        return None

    @property
    def _lead(self) -> _Model:
        """The model that fits this voice best so far (partial results and second looks)."""
        return self._models[self._choice.leader]

    @property
    def _decoder(self):
        """The leading model's decoder (tests look words up in it)."""
        return self._lead.decoder

    @property
    def model_in_use(self) -> str:
        return self._lead.name

    # vocabulary -----------------------------------------------------------------------------
    def lookup(self, word: str) -> str | None:
        """A word's usual phones ("S T AA P"), from the dictionary or the rule that gave them."""
        return self._ruled.get(word) or self._lexicon.lookup(word)

    def _ensure_words(self, words: set[str]) -> None:
        new = set(words) - self._in_decoders
        if not new:
            return
        self._in_decoders |= new
        missing = sorted(w for w in new if self._lexicon.lookup(w) is None)
        self._ruled.update(pronounce_missing(missing, self.lookup) if missing else {})
        # Measured: "mhm" said by espeak-ng and Piper was heard as "which am" or "that make
        # am" every time (2.5% of the quick bench) until it had its spelt reading too.
        spelled = spelled_readings(new, self.lookup)
        entries = []
        for word in sorted(new):
            readings = self._lexicon.readings(word) or [self._ruled[word]]
            readings += [spelled[word]] if word in spelled else []
            readings += non_rhotic_readings(word, readings)
            entries += [(word if i == 0 else f"{word}({i + 1})", phones)
                        for i, phones in enumerate(readings)]
        for model in self._every_model():
            for i, (name, phones) in enumerate(entries):
                # the searches are rebuilt once, after the last word
                model.decoder.add_word(name, phones, i == len(entries) - 1)
        if missing:  # each word is new once, so this is said once per word
            self._warn(
                f"pocketsphinx: {len(missing)} word(s) not in its dictionary, pronounced by "
                "rule: " + ", ".join(missing[:12]) + (" ..." if len(missing) > 12 else "")
            )

    def prepare(self, key: frozenset[str] | None, understander) -> None:
        if key in self._searches:
            return
        corpus = balanced_corpus(understander, key)
        self._ensure_words({w for w in corpus.split()})
        # Short names: pocketsphinx refuses to activate a search with a very long name.
        name = "all" if key is None else f"only_{len(self._searches)}"
        with tempfile.TemporaryDirectory(prefix="letitout-lm-") as folder:
            path, stored = command_lm_file(understander, key, corpus, folder)
            refused = ("pocketsphinx could not load the command language model"
                       + (f" {path} (delete it and start again)" if stored else ""))
            models = _remote_first(self._every_model())
            for model in models:
                try:
                    # The model without the flat second pass first: a search reads the option
                    # when it is made, so it is switched off around that one only. Order
                    # matters: making a search without the flat pass also stops the decoder
                    # keeping an utterance's every frame, which the flat pass needs (an
                    # utterance over ~2.5 s then failed to end); the flat search made last
                    # turns that back on.
                    model.decoder.config["fwdflat"] = False
                    model.decoder.add_lm_file(name + QUICK, path)
                    model.decoder.config["fwdflat"] = True
                    model.decoder.add_lm_file(name, path)
                except RuntimeError as exc:
                    raise LetitoutError(f"{refused}: {exc}") from None
                finally:
                    model.decoder.config["fwdflat"] = True
            for model in models:  # a worker has read the file (or says why it could not)
                try:
                    getattr(model.decoder, "settle", lambda: None)()
                except RuntimeError as exc:
                    raise LetitoutError(f"{refused}: {exc}") from None
        self._searches[key] = name

    def utterance(self, key: frozenset[str] | None, dictation: bool = False,
                  careful: bool = True) -> _Utterance:
        """careful=False: without the flat second pass (see QUICK)."""
        if dictation:
            return _Utterance(self, [self._dictation_model()], "dictation")
        models = [self._models[i] for i in self._choice.deciding()]
        return _Utterance(self, models, self._searches[key] + ("" if careful else QUICK))

    def _dictation_model(self) -> _Model:
        """Free text: the leading acoustic model with the whole dictionary and the general
        language model, in a decoder of its own made on first use (0.84 s here; one model only, a
        second copy of the 27 MB language model is not worth it for a journal letter). It
        starts from the voice the commands have learnt (the running cepstral mean)."""
        lead = self._lead
        if lead.dictation is None:
            from pocketsphinx import Decoder

            decoder = Decoder(**lead.options)
            decoder.add_lm_file("dictation", os.path.join(self._model_path, "en-us.lm.bin"))
            lead.dictation = _Model(f"{lead.name}-dictation", decoder, lead.options)
            if lead.heard_any:
                decoder.set_cmn(lead.decoder.get_cmn())
                lead.dictation.heard_any = True
        return lead.dictation

    # second pass --------------------------------------------------------------------------
    def rescore(self, key: frozenset[str] | None, samples: np.ndarray, first: Decoded,
                understander, intents: frozenset[str], min_closeness: float = 0.0,
                rivals: frozenset[str] = frozenset(), rival_margin: float = 1.0,
                own_margin: float | None = None) -> Decoded | None:
        """Decode the audio again against only the templates of these intents that sound
        nearest to what the first pass heard (and its runner-ups). The result's confidence
        is how close in phones (0..1) the heard words were to the nearest of them. None
        when there is nothing to compare, or the nearest is under min_closeness (then the
        audio is not decoded again: the recogniser looks behind every loosely read command),
        or a grammar sentence of the rival intents sounds nearer by rival_margin or more, or
        (own_margin) one sounds as near and the first pass's own words fit the audio better
        than the sentence picked by own_margin or more per frame."""
        heard = [t for t in [first.text, *first.alternatives] if t.strip()]
        if not heard:
            return None
        index = self.phonetic_index(understander, intents)
        allowed = None if key is None else intents & key
        nearest = index.nearest(heard, RESCORE_NEAREST, allowed)
        if not nearest or nearest[0][1] / 100 < min_closeness:
            return None
        rival_as_near = False
        if rivals:
            bar = nearest[0][1] + 100 * rival_margin
            others = self.sentence_sounds(understander, rivals)
            # one search: the nearest rival's closeness, looked for down to what the own-words
            # check needs (as near as the nearest crisis sentence), else down to the bar
            cutoff = nearest[0][1] if own_margin is not None else bar
            rival = (others.nearest(heard, None if key is None else rivals & key, cutoff=cutoff)
                     if cutoff <= 100 else None)
            if rival is not None and rival >= bar:
                return None
            rival_as_near = own_margin is not None and rival is not None
        candidates = [candidate for candidate, _ in nearest]
        values = index.slot_choices(heard, slots_of(candidates), RESCORE_SLOT_VALUES)
        model = self.narrowband_model(samples) or self._lead
        picked = self._decoded_alone(model, "rescore", jsgf(candidates, values), samples)
        if picked is None or not picked[0]:
            return None
        text = picked[0]
        if rival_as_near and own_margin is not None:
            # Each fit is of one sentence alone: the picked sentence's fit among the 24 moved
            # with which other candidates came (the runner-ups choose them): -46.6 and -40.8
            # for the same "i want to end it all" on two grammars, -36.35 alone on both.
            own = self._decoded_alone(model, "own_words", jsgf([], {}, [first.text]), samples)
            alone = self._decoded_alone(model, "picked_alone", jsgf([], {}, [text]), samples)
            # (a sentence no path could end in is no evidence: the crisis stands)
            if (own is not None and alone is not None and math.isfinite(alone[1])
                    and own[1] - alone[1] >= own_margin):
                return None
        # The second look picks among 24 sentences; one that sounds far from what was heard
        # ("suicide" for "to it down") was a false crisis. Measured on unseen voices: the
        # crises it found sounded 0.53-0.95 near, so below 0.5 the pick is refused; the
        # nearest sentence's closeness stays the confidence (Settings.rescue_closeness).
        chosen = index.sound(text)
        if max(fuzz.ratio(chosen, index.sound(h)) for h in heard) < RESCORE_CHOSEN_MIN:
            return None
        return Decoded(text, nearest[0][1] / 100)

    def _decoded_alone(self, model: _Model, search: str, grammar: str, samples: np.ndarray
                       ) -> tuple[str, float] | None:
        """The audio decoded again against this grammar alone: the words and how well they fit
        (the best path's score per frame); None when the grammar cannot be made. A second
        look must not move the running cepstral mean (the same audio twice would weigh double
        in it and change how the next utterances are heard), nor count as evidence of which
        model fits."""
        try:
            model.decoder.add_jsgf_string(search, grammar)
        except (ValueError, RuntimeError):
            return None
        model.active = None  # a fresh search under the same name: activate it again
        mean = model.decoder.get_cmn()
        utterance = _Utterance(self, [model], search, evidence=False)
        utterance.feed(samples)
        text = utterance.finish().text
        fit = _fit(model.decoder, model.decoder.hyp())
        model.decoder.set_cmn(mean)
        return text, fit

    def sentence_sounds(self, understander, intents: frozenset[str]) -> SentenceSounds:
        """The grammar's sentences of these intents by sound, made once per understander
        (every intent but crisis: 79,000 sentences, about 0.3 s from the kept grammar; a
        PhoneticIndex of them took 1.4 s); the recogniser asks for them at start."""
        found = self._sounds.get((id(understander), intents))
        if found is None:
            sentences = sentences_by_intent(understander, sorted(intents))
            self._ensure_words({w for said in sentences.values() for s in said for w in s.split()})
            found = SentenceSounds(sentences, Phones(self.lookup))
            self._sounds[(id(understander), intents)] = found
        return found

    def phonetic_index(self, understander, intents: frozenset[str]) -> PhoneticIndex:
        """Built once per understander and intents (crisis only: a few milliseconds); the
        recogniser asks for it at start so the first rescue does not wait for it."""
        found = self._indexes.get((id(understander), intents))
        if found is None:
            found = PhoneticIndex(understander, self.lookup, intents)
            self._ensure_words(found.words())
            found.nearest(["a"], 1)  # every sentence's phones, now that every word has some
            self._indexes[(id(understander), intents)] = found
        return found

    def prime_mean(self, samples: np.ndarray, models: list[_Model]) -> None:
        """Before the first utterance: start the cepstral mean from this speech's loudness and
        a typical spectral shape. A whole recording's c0 is measured (_measured_c0); a live
        stream's lead-in is too short for that, so its c0 comes from its loudest frames'
        level. Later utterances keep the running mean: it knows this voice and this room."""
        fresh = [m for m in models if not m.heard_any]
        if not fresh:
            return
        if len(samples) >= PROBE_MIN_S * audio.RATE:
            c0 = self._measured_c0(samples, fresh[0])
        else:
            level = audio.speech_level_db(samples)
            c0 = None if level is None else C0_PER_DB * level + C0_AT_0_DB
        for model in fresh:
            model.prime(c0)

    def warm_up(self, key: frozenset[str] | None) -> None:
        """Decode half a second of faint noise with each model, then put back what it moved
        (the cepstral mean; no evidence counted). A process's first decode ran about a fifth
        slower than later ones (memory the search touches for the first time), and in a
        recording's decode time; here it is start-up."""
        noise = np.random.default_rng(0).normal(0, 30, audio.RATE // 2).astype(np.int16)
        models = self._models
        for model in _remote_first(models):
            model.activate(self._searches[key])
            model.decoder.start_utt()
            model.decoder.process_raw(noise.tobytes(), False, True)
        for model in _remote_first(models):
            model.decoder.end_utt()
        for model in models:
            model.decoder.set_cmn(model.start_mean)
            forget_room(model.decoder)
            model.decoder.hyp()  # waits for a worker to finish

    @property
    def primed(self) -> bool:
        """Has every model heard speech (a cepstral mean of its own)? Before that, the first
        recording is fed in one piece: its start is measured from all of it (prime_mean)."""
        return all(m.heard_any for m in self._models)

    def forget_voice(self) -> None:
        """Back to pocketsphinx's own start, as in a new process (benches compare the two)."""
        for model in self._every_model():
            model.forget()
        self._choice.forget()

    def _measured_c0(self, samples: np.ndarray, model: _Model) -> float:
        """The recording's own mean c0, from pocketsphinx's front end (the same for every
        model): the whole utterance's features (batch), read before any search. The
        utterance must still end, and ending it searches what is stored, so the search is one
        that says nothing: over the 24 WAVs of /work/dev/short, 0.0068 of the audio's duration
        with a one-word search, 0.0032 with this one (same c0 to the dither's 0.05)."""
        if not model.probe_ready:
            model.decoder.add_jsgf_string(
                "probe", "#JSGF V1.0;\ngrammar probe;\npublic <p> = <NULL>;\n")
            model.probe_ready = True
        model.activate("probe")
        model.decoder.start_utt()
        # no_search: features only, the mean of the whole recording (full_utt)
        probe = dithered(samples, np.random.default_rng(DITHER_SEED))
        model.decoder.process_raw(probe.tobytes(), True, True)
        c0 = float(model.decoder.get_cmn().split(",")[0])
        model.decoder.end_utt()
        return c0


def command_lm_file(understander, key: frozenset[str] | None, corpus: str,
                    folder: str) -> tuple[str, bool]:
    """(the command language model's ARPA file, whether it was kept from before). The model
    made from the same templates, code and pocketsphinx build is read back from the models
    cache (grammar_cache.py; making it took 0.5 s of start-up and of a session's first
    narrowed turn); otherwise it is made in folder and a copy kept."""
    source = getattr(understander, "source", None)
    keep = grammar_cache.model_path(source, key, build_name()) if source else None
    stored = grammar_cache.stored_model(keep)
    if stored is not None:
        return str(stored), True
    path = os.path.join(folder, "commands.arpa")
    command_lm(corpus).write_file(path)
    grammar_cache.keep_model(path, keep)
    return path, False


def command_lm(corpus: str):
    """pocketsphinx's trigram model builder over the corpus, one sentence per line. Its own
    reader took 2.3 s of start-up on the balanced corpus (134k lines, a regular expression
    each); the lines repeat (28k distinct), so each distinct line's n-grams are counted once,
    times how often it occurs: the same counts (a test compares the two models)."""
    from pocketsphinx.lm import ArpaBoLM

    lm = ArpaBoLM(add_start=True, discount_mass=LM_DISCOUNT)
    for line, times in Counter(corpus.split("\n")).items():
        words = ["<s>", *line.split(), "</s>"]
        for j, first in enumerate(words):
            lm.grams_1[first] += times
            if j + 1 < len(words):
                lm.grams_2[first][words[j + 1]] += times
                if j + 2 < len(words):
                    lm.grams_3[first][words[j + 1]][words[j + 2]] += times
    lm.compute()
    return lm


class VoiceChoice:
    """Which acoustic model fits this voice. While that is open, every model decodes each
    utterance and the evidence adds up (the best path's score per frame, weighted by frames);
    the model ahead on it gives the answer. Once one is ahead by SETTLE_MARGIN per frame over
    SETTLE_FRAMES (or simply leads after SETTLE_ANYWAY_FRAMES), only it decodes (half the
    work), with every model looking again every RECHECK_EVERY utterances, older evidence
    halved, in case the voice changed.
    Measured on people (the ALSA test voice, a TIMIT sentence) the shipped model is ahead by
    2-15 per frame; on synthetic voices the adapted one by about 7 on average, clip to clip
    -12 to +25: single utterances mislead, hence the adding up."""

    SETTLE_FRAMES = 300  # 3 s of speech
    SETTLE_MARGIN = 3.0
    # In running water the two fit about as well (margins of 0-5), and both decoding every
    # utterance doubled the cost for nothing: after 12 s of speech the leader decodes alone.
    SETTLE_ANYWAY_FRAMES = 1200
    RECHECK_EVERY = 8

    def __init__(self, count: int) -> None:
        self._count = count
        self.forget()

    def forget(self) -> None:
        self.leader = 0
        self._score = [0.0] * self._count  # frames x fit, summed
        self._frames = 0
        self._since_check = 0

    @property
    def settled(self) -> bool:
        if self._count < 2 or self._frames < self.SETTLE_FRAMES:
            return self._count < 2
        if self._frames >= self.SETTLE_ANYWAY_FRAMES:
            return True  # this close for this long: either model will do as well
        ahead = sorted(self._score, reverse=True)
        return (ahead[0] - ahead[1]) / self._frames >= self.SETTLE_MARGIN

    def deciding(self) -> list[int]:
        """The models that decode the next utterance."""
        if self.settled and self._since_check < self.RECHECK_EVERY:
            return [self.leader]
        return list(range(self._count))

    def record(self, fits: list[float], frames: int) -> int:
        """Per-frame fits of every model for one utterance; returns the model whose answer
        stands (the one ahead on all the evidence)."""
        if self.settled:  # a recheck: what was heard before counts half
            self._score = [s / 2 for s in self._score]
            self._frames //= 2
        if all(math.isfinite(f) for f in fits) and frames > 0:
            self._score = [s + f * frames for s, f in zip(self._score, fits, strict=True)]
            self._frames += frames
            self.leader = max(range(self._count), key=lambda i: self._score[i])
        self._since_check = 0
        return self.leader

    def skipped(self) -> None:
        self._since_check += 1


# The early look (_Utterance._early_look): after this much of an utterance, a model ahead by
# this much per frame decodes the rest alone. Unseen voices one recording per process: CPU
# time / audio 0.111 -> 0.092, commands right 77.7 -> 78.0%.
EARLY_LOOK_S = 1.0
EARLY_MARGIN = 6.0
LOG_BASE = math.log(1.0001)  # pocketsphinx's scores are powers of 1.0001


def _fit(decoder, hyp) -> float:
    """The best path's score per frame (higher: the model fits this audio better)."""
    if hyp is None or hyp.best_score <= 0:
        return -math.inf
    return math.log(hyp.best_score) / LOG_BASE / max(1, decoder.n_frames())


class _Utterance:
    """One utterance decoded by one or more acoustic models at once."""

    def __init__(self, engine: PocketsphinxEngine, models: list[_Model], search: str,
                 evidence: bool = True) -> None:
        self._engine = engine
        self._models = models
        self._search = search
        self._evidence = evidence
        self._started = False
        self._fed = 0  # samples given to the models
        self._looked = False  # the early look at which model fits has been taken
        self._decided_early = False
        self._narrowband = False  # heard with the narrowband model: no evidence of the voice
        self._noise = np.random.default_rng(DITHER_SEED)  # its dither (see dithered)

    def _start(self, samples: np.ndarray | None = None) -> None:
        if not self._started:
            if samples is not None and len(samples):
                narrow = self._engine.narrowband_model(samples) if self._evidence else None
                if narrow is not None:
                    self._models, self._narrowband = [narrow], True
                self._engine.prime_mean(samples, self._models)
            for model in _remote_first(self._models):
                model.activate(self._search)
                model.decoder.start_utt()
            self._started = True

    def feed(self, samples: np.ndarray, whole: bool = False) -> None:
        """whole=True: this is the entire utterance, so normalise it as a whole (batch CMN),
        which is steadier than the running estimate a live stream has to use."""
        self._start(samples)
        samples = np.asarray(samples, dtype=np.int16)
        if len(self._models) > 1 and not whole and not self._looked:
            head = max(0, int(EARLY_LOOK_S * audio.RATE) - self._fed)
            if head < len(samples):
                self._process(samples[:head], whole)
                self._early_look()
                samples = samples[head:]
        self._process(samples, whole)

    def _process(self, samples: np.ndarray, whole: bool) -> None:
        if not len(samples):  # pocketsphinx raises IndexError on no audio
            return
        data = dithered(samples, self._noise).tobytes()
        for model in _remote_first(self._models):
            model.decoder.process_raw(data, False, whole)
        self._fed += len(samples)

    def _early_look(self) -> None:
        """A second into the utterance: when one model already fits far better, the others
        stop here (their decode is wasted work) and what was seen counts as evidence."""
        self._looked = True
        fits = [_fit(m.decoder, m.decoder.hyp()) for m in self._models]
        if not all(math.isfinite(f) for f in fits):
            return
        ahead = sorted(fits, reverse=True)
        if ahead[0] - ahead[1] < EARLY_MARGIN:
            return
        leader = self._engine._choice.record(fits, self._models[0].decoder.n_frames())
        keep = self._engine._models[leader]
        for model in self._models:
            if model is not keep:
                model.decoder.end_utt()
                model.heard_any = True
        self._models = [keep]
        self._decided_early = True

    def partial(self) -> str:
        if not self._started:
            return ""
        lead = self._engine._lead
        model = lead if lead in self._models else self._models[0]
        hyp = model.decoder.hyp()
        return hyp.hypstr if hyp is not None else ""

    def finish(self) -> Decoded:
        self._start()
        for model in _remote_first(self._models):
            model.decoder.end_utt()
            model.heard_any = True
        hyps = [model.decoder.hyp() for model in self._models]
        winner = 0
        if len(self._models) > 1:  # every model decoded it: who fits is evidence
            fits = [_fit(m.decoder, h) for m, h in zip(self._models, hyps, strict=True)]
            leader = self._engine._choice.record(fits, self._models[0].decoder.n_frames())
            winner = self._models.index(self._engine._models[leader])
        elif self._evidence and not self._decided_early and not self._narrowband:
            self._engine._choice.skipped()
        if hyps[winner] is None:  # its worker died during this utterance: another's answer
            winner = next((i for i, h in enumerate(hyps) if h is not None), winner)
        hyp, decoder = hyps[winner], self._models[winner].decoder
        if hyp is None:
            return Decoded("", 0.0)
        # What the other models heard is the first runner-up: the fit goes by every frame,
        # noise included, and a steady hiss made the adapted model fit Piper's joe better by
        # 10 per frame while it heard "off to now" for "help me let it out" (the shipped
        # model heard it right). A runner-up is believed only when it reads clearly as a
        # command (Settings.min_alternative_confidence).
        others = [h.hypstr for i, h in enumerate(hyps)
                  if i != winner and h is not None and h.hypstr and h.hypstr != hyp.hypstr]
        alternatives = _alternatives(decoder, hyp.hypstr)
        return Decoded(hyp.hypstr, float(hyp.prob),
                       alternatives=[*others, *(a for a in alternatives if a not in others)],
                       words=_timed_words(decoder, hyp.hypstr))


def _remote_first(models: list[_Model]) -> list[_Model]:
    """Models in a worker first: each call to one returns at once, so it works while the
    others work here."""
    return sorted(models, key=lambda m: not m.remote)


FRAME_S = 0.01  # pocketsphinx's frame step (its default frame rate, 100 a second)


def _timed_words(decoder, best: str) -> list[tuple[str, float, float]]:
    """The best path's words with their start and end (seconds into the utterance); silences
    and fillers left out, alternative pronunciations ("to(3)") named as the word."""
    words = []
    try:
        for segment in decoder.seg():
            word = segment.word
            if word.startswith(("<", "[", "++")):
                continue
            words.append((word.split("(")[0], segment.start_frame * FRAME_S,
                          (segment.end_frame + 1) * FRAME_S))
    except RuntimeError:  # no search result
        return []
    # the words must be the text's own; anything else and no word has a time
    return words if " ".join(w for w, _, _ in words) == best else []


def _alternatives(decoder, best: str) -> list[str]:
    """Distinct runner-up word strings from the lattice (cheap: about 1 ms)."""
    found: list[str] = []
    try:
        for hyp in itertools.islice(decoder.nbest(), NBEST):
            text = hyp.hypstr if hyp is not None else ""  # the lattice can end early
            if text and text != best and text not in found:
                found.append(text)
    except RuntimeError:  # no lattice (nothing decoded)
        pass
    return found
