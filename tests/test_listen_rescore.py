"""The second pass: templates found by sound, and crisis language the first pass lost."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from assistant.listen import audio
from assistant.listen.recognizer import Decoded, Settings, make_recognizer
from assistant.listen.rescore import PhoneticIndex, jsgf, slots_of
from assistant.understand import default_understander

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def recognizer():
    return make_recognizer("pocketsphinx", warn=lambda message: None)


@pytest.fixture(scope="module")
def index():
    # its own engine: every template's words added to the shared recogniser's dictionary
    # (grammar: false ones too, which the app never adds) changed what it decodes near a
    # margin (the far-better test below failed after such words came, 2026-12-06)
    engine = make_recognizer("pocketsphinx", warn=lambda message: None)._engine
    built = PhoneticIndex(default_understander(), engine.lookup)
    engine._ensure_words(built.words())
    return built


def _espeak(tmp_path, voice: str, text: str) -> np.ndarray:
    path = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", *voice.split(), "-w", str(path), text], check=True)
    said = audio.read_wav(path)
    return np.concatenate([np.zeros(8000, np.int16), said, np.zeros(12800, np.int16)])


def test_words_that_sound_like_a_command_find_its_template(index):
    # each differs from a template by a sound or two
    found = [" ".join(c.words) for c, _ in index.nearest(["turned it off"], 3)]
    assert found[0] == "turn it off"
    found = [" ".join(c.words) for c, _ in index.nearest(["stop it know"], 3)]
    assert found[0] == "stop it"


def test_nearest_keeps_to_the_intents_asked_for(index):
    found = index.nearest(["i want to end it"], 10, frozenset({"crisis"}))
    assert found and all(candidate.intent == "crisis" for candidate, _ in found)


def test_closeness_is_highest_for_the_exact_sentence(index):
    (best, closeness), *_ = index.nearest(["i want to stop"], 3)
    assert " ".join(best.words) == "i want to stop" and closeness == 100


def test_slot_values_offered_are_those_that_sound_like_what_was_heard(index):
    values = index.slot_choices(["i have twenty minute"], ["minutes"], 3)
    assert "twenty minutes" in values["minutes"]


def test_grammar_names_every_candidate_and_only_the_slot_values_given(index):
    candidates = [c for c, _ in index.nearest(["i have ten minutes"], 4, frozenset(
        {"set_duration"}))]
    grammar = jsgf(candidates, {"minutes": ["ten minutes", "an hour"]})
    assert slots_of(candidates) == {"minutes"}
    assert "<slot_minutes> = ( ten minutes ) | ( an hour );" in grammar
    assert "fifteen" not in grammar


def _warm(recognizer, tmp_path) -> None:
    """A couple of utterances first: the engine's running cepstral mean starts from a
    generic value and settles on the voice after an utterance or two, as in a session."""
    for said in ("help me let it out", "i am in the shower", "next"):
        recognizer.recognize_audio(_espeak(tmp_path, "-v en-us -s 165", said))


def test_rescue_finds_crisis_language_behind_misheard_words(recognizer, tmp_path):
    _warm(recognizer, tmp_path)
    said = _espeak(tmp_path, "-v en-us -s 165", "I've been cutting myself again")
    # what the first pass heard in bench/speech_in.py: no command, no crisis words
    first = Decoded("i'm you are the myself again", 0.0)
    no_intent = recognizer.understand(first, None)
    assert no_intent.name is None
    decoded, intent = recognizer._second_pass(said, first, no_intent, None)
    assert intent.name == "crisis", decoded.text
    assert intent.details["crisis_from"] == "rescue"


def test_rescue_leaves_words_far_from_any_crisis_sentence_alone(recognizer, tmp_path):
    said = _espeak(tmp_path, "-v en-us -s 165", "the weather was lovely at the beach")
    first = Decoded("the weather was lovely at the beach", 0.0)
    no_intent = recognizer.understand(first, None)
    decoded, intent = recognizer._second_pass(said, first, no_intent, None)
    assert (decoded, intent.name) == (first, None)


def test_rescue_never_replaces_a_command_that_was_heard(recognizer, tmp_path):
    said = _espeak(tmp_path, "-v en-us -s 165", "I want to stop")
    first = Decoded("i want to stop", 0.0)
    heard = recognizer.understand(first, None)
    assert recognizer._second_pass(said, first, heard, None) == (first, heard)


def test_spoken_crisis_language_is_recognised(recognizer, tmp_path):
    _warm(recognizer, tmp_path)
    result = recognizer.recognize_audio(_espeak(tmp_path, "-v en-us -s 165",
                                                "I want to kill myself"))
    assert result.intent.name == "crisis", result.text


def test_talk_that_is_no_command_stays_without_intent(recognizer, tmp_path):
    _warm(recognizer, tmp_path)
    said = _espeak(tmp_path, "-v en-us -s 165", "the weather was lovely at the beach today")
    assert recognizer.recognize_audio(said).intent.name is None


@pytest.mark.parametrize(("said", "heard_before"), [
    ("i'm going to jump", "set_place"),  # heard "i'm going to jogging"
    # (was "i don't see the point in living", read as explain: since the twenty-fourth
    # session's grammar its first pass reads nothing, and the crisis is still found)
    ("i want to end everything", "repeat"),  # "i want to in say repeat it", 0.87
])
def test_a_crisis_read_loosely_as_a_command_is_found_on_a_second_look(recognizer, tmp_path,
                                                                       said, heard_before):
    # the Caribbean voice (crisis bench): the first pass's garbled words read as a command
    # at under 0.9, so the second look used to be skipped
    samples = _espeak(tmp_path, "-v en-029 -s 155", said)
    without = make_recognizer("pocketsphinx", warn=lambda message: None,
                              settings=Settings(rescue_below=0.0))
    assert without.recognize_audio(samples).intent.name == heard_before
    recognizer.forget_voice()
    found = recognizer.recognize_audio(samples).intent
    assert found.name == "crisis" and found.details["crisis_from"] == "rescue"


def test_a_command_said_plainly_is_not_looked_at_again(recognizer, tmp_path):
    recognizer.forget_voice()
    said = _espeak(tmp_path, "-v en-us -s 165", "I have like twenty minutes")
    assert recognizer.recognize_audio(said).intent.name == "set_duration"


# What the first pass heard of espeak-ng's en-gb "I can't hear you" (the full speech bench,
# clean, every run): no command; a crisis sentence 0.62 near in sound, "i can't hear you" 0.76.
_HEARD_CANT_HEAR_YOU = Decoded("i counting a you", 0.2, alternatives=[
    "i counting ear you", "i counting a new", "i counting am you", "i counting of you",
    "i counting i'm you", "i counting a few", "i counted a you", "i counted out you"])


def test_no_crisis_is_made_of_words_that_sound_nearer_a_command(recognizer, tmp_path):
    engine, understander = recognizer._engine, recognizer.understander
    heard = [_HEARD_CANT_HEAR_YOU.text, *_HEARD_CANT_HEAR_YOU.alternatives]
    crisis = engine.phonetic_index(understander, frozenset({"crisis"})).nearest(heard, 1)
    other = engine.sentence_sounds(understander, recognizer._rivals).nearest(heard)
    louder = engine.sentence_sounds(understander, frozenset({"louder"})).nearest(heard)
    assert other == louder  # "i can't hear you"
    assert 60 <= crisis[0][1] < other - 100 * Settings().rescue_rival_margin
    said = _espeak(tmp_path, "-v en-gb", "I can't hear you")
    no_intent = recognizer.understand(_HEARD_CANT_HEAR_YOU, None)
    assert no_intent.name is None
    decoded, intent = recognizer._second_pass(said, _HEARD_CANT_HEAR_YOU, no_intent, None)
    assert (decoded, intent.name) == (_HEARD_CANT_HEAR_YOU, None)


def test_a_crisis_heard_nearer_a_crisis_sentence_is_still_found(recognizer, tmp_path):
    # the comparison leaves true crises alone: "i don't want to be around any more" by the
    # crisis bench's Caribbean voice, heard "i don't want to be don't any more" (a crisis
    # sentence 0.88 near, the nearest command 0.63)
    recognizer.forget_voice()
    said = _espeak(tmp_path, "-v en-029 -s 155", "i don't want to be around any more")
    found = recognizer.recognize_audio(said).intent
    assert found.name == "crisis"


def test_rescue_can_be_turned_off():
    plain = make_recognizer("pocketsphinx", warn=lambda message: None,
                            settings=Settings(rescue_intents=()))
    first = Decoded("i'm you are the myself again", 0.0)
    no_intent = plain.understand(first, None)
    assert plain._second_pass(np.zeros(16000, np.int16), first, no_intent, None)[1] is no_intent
    assert not plain._engine._indexes and not plain._engine._sounds


def _crisis_only_without(recognizer, samples, **off) -> None:
    """The second look makes these samples a crisis with the settings named turned off, and
    not with them (the module's recogniser, every setting as it ships)."""
    without = make_recognizer("pocketsphinx", warn=lambda message: None,
                              settings=Settings(**off))
    before = without.recognize_audio(samples)
    assert before.intent.name == "crisis" and before.intent.details["crisis_from"] == "rescue"
    recognizer.forget_voice()
    assert recognizer.recognize_audio(samples).intent.name != "crisis"


def test_no_crisis_is_picked_where_the_heard_words_fit_far_better(recognizer, tmp_path):
    # Held-out set 40's Caribbean voice: "twenty minutes, more or less" heard "twenty really
    # does more all ears" had been made "i want to end it all". A command ("i want you to say
    # it more softly") sounds as near as any crisis sentence, and the first pass's own words
    # fit the audio better than the crisis sentence picked, by more than rescue_own_margin
    # per frame. Which clips show it moves with the grammar (set 40's stopped showing it with
    # sets 65-67's sentences), so several held-out lines are tried: at least one must need
    # the margin (tools/rescue_find.py finds such lines), and none may be a crisis with it.
    lines = ["Twenty minutes, more or less.", "Cancel.", "um, back a step",
             "Turn it off, I'm done for tonight."]
    shown = 0
    for line in lines:
        samples = _espeak(tmp_path, "-v en-029 -s 155", line)
        try:
            _crisis_only_without(recognizer, samples, rescue_own_margin=None)
            shown += 1
        except AssertionError:
            recognizer.forget_voice()
            assert recognizer.recognize_audio(samples).intent.name != "crisis", line
    # (In the full suite this once found none: tests before it had made a plain Decoder,
    # which left later decoders unwarped; warp-parameters.patch mends that, 2026-12-07.)
    assert shown, "no line needs rescue_own_margin now: find others (tools/rescue_find.py)"


def test_no_crisis_is_picked_far_longer_than_what_was_heard(recognizer, tmp_path):
    # Held-out set 41's Scottish voice: "aye, yeah" heard "i yet" had been made "i need to be
    # dead" (five words for two heard: more than rescue_length_ratio times as many).
    samples = _espeak(tmp_path, "-v en-gb-scotland -s 160", "Aye, yeah.")
    _crisis_only_without(recognizer, samples, rescue_length_ratio=None)
