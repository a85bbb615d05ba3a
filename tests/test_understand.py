"""Understanding: templates in intents/*.yaml, slots, fuzzy matching, rejection, the parse CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.data import data_dir
from assistant.errors import LetitoutError
from assistant.numbers import find_durations
from assistant.templates import expand, normalise
from assistant.understand import INTENT_IDS, Intent, Understander

TEMPLATE_TESTS = Understander.load().tests


@pytest.mark.parametrize("case", TEMPLATE_TESTS,
                         ids=[f"{c.intent}:{c.text}" for c in TEMPLATE_TESTS])
def test_every_template_test_sentence_parses_to_its_intent_and_slots(understander, case):
    result = understander.parse(case.text)
    assert result.name == case.intent, f"{case.where}: {case.text!r} -> {result}"
    for slot, value in case.slots.items():
        assert result.slots.get(slot) == value, f"{case.where}: {case.text!r} -> {result}"


def test_every_contract_intent_has_templates_and_tests(understander):
    assert set(understander.intent_names) == set(INTENT_IDS)
    tested = {case.intent for case in understander.tests}
    assert tested == set(INTENT_IDS)


def test_no_sentence_belongs_to_two_intents(understander):
    owner: dict[str, str] = {}
    for template in understander._templates:
        for words in expand(template.node, understander._rules):
            sentence = " ".join(words)
            assert owner.setdefault(sentence, template.intent) == template.intent, sentence


OUT_OF_DOMAIN = [
    "the weather is nice today", "my mother called", "I made soup for dinner",
    "I keep thinking about the day he left", "dear Sam, I never told you how much you meant",
    "we used to walk the dog together on sundays", "my brother borrowed my car again",
    "I remember the smell of her kitchen", "the train was late this morning",
    "I'm dying to see that movie", "my feet are killing me", "the bus stop was crowded",
    "why did you leave without saying anything", "it has been three years since the funeral",
]


@pytest.mark.parametrize("text", OUT_OF_DOMAIN)
def test_out_of_domain_talk_gives_no_intent(understander, text):
    assert understander.parse(text).name is None


@pytest.mark.parametrize("text", ["", "   ", "...", "um uh"])
def test_empty_or_meaningless_text_gives_no_intent(understander, text):
    result = understander.parse(text)
    assert result.name is None and result.slots == {}


def test_place_and_time_in_one_answer_give_set_place_with_both_slots(understander):
    result = understander.parse("I'm in the shower and have ten minutes")
    assert result.name == "set_place"
    assert result.slots == {"place": "shower", "minutes": 10}


@pytest.mark.parametrize("text, place", [
    ("in the bath", "shower"), ("I'm in the bathroom", "shower"), ("walking", "walk"),
    ("I'm outside", "walk"), ("on a walk", "walk"), ("in the park", "walk"),
    ("I'm in bed", "bed"), ("lying down", "bed"), ("my bedroom", "bed"),
    ("at home", "home"), ("on the couch", "home"), ("the living room", "home"),
    ("in the car", "car"), ("I'm driving", "car"), ("parked", "car"),
])
def test_place_synonyms_map_to_contract_places(understander, text, place):
    result = understander.parse(text)
    assert (result.name, result.slots.get("place")) == ("set_place", place)


@pytest.mark.parametrize("text, minutes", [
    ("five minutes", 5), ("5 min", 5), ("half an hour", 30), ("an hour", 60),
    ("a couple of minutes", 2), ("a few minutes", 5), ("ten or fifteen minutes", 10),
    ("twenty five minutes", 25), ("quarter of an hour", 15), ("an hour and a half", 90),
    ("10-15 mins", 10), ("two hours", 120), ("45", 45),
    # "half" as recognisers hear it without its h: still half an hour, never an hour
    ("off an hour or so", 30), ("i have app an hour", 30), ("i have hopped an hour", 30),
])
def test_spoken_durations_become_whole_minutes(understander, text, minutes):
    result = understander.parse(text)
    assert (result.name, result.slots.get("minutes")) == ("set_duration", minutes)


def test_a_number_inside_a_command_is_not_a_duration(understander):
    assert not any(d.with_unit for d in find_durations(normalise("the next one").split()))
    assert find_durations(normalise("that one").split()) == []  # a thing, not one minute
    assert understander.parse("one more time").name == "repeat"


def test_typos_fillers_and_politeness_still_understood(understander):
    assert understander.parse("um, okay so, nxt please").name == "next"
    assert understander.parse("uh could you slow down a bit").name == "slower"
    found = understander.parse("lets do the breathng")
    assert (found.name, found.slots) == ("choose_technique", {"technique": "breathwork"})


def test_technique_names_come_from_the_catalogue(understander, catalogue):
    for tid, names in catalogue.names().items():
        result = understander.parse(f"let's do {names[-1]}")
        assert result.slots.get("technique") == tid, (names[-1], result)


def test_allowed_intents_narrow_the_reading_but_never_hide_crisis(understander):
    assert understander.parse("walking").slots == {"place": "walk"}
    asked_for_technique = understander.parse("walking", allowed=["choose_technique"])
    assert (asked_for_technique.name, asked_for_technique.slots) == (
        "choose_technique", {"technique": "walk"})
    assert understander.parse("go ahead", allowed=["next", "stop"]).name is None
    assert understander.parse("I want to die", allowed=["next"]).name == "crisis"


def test_a_template_search_remembered_with_a_high_floor_still_answers_a_lower_one():
    # A parse raises the search's floor once a reading is found; "nothing this near" found
    # with a high floor must not stand for a later search with a lower one.
    understander = Understander.load()
    text, slots = "could you maybe go a touch slower for me", frozenset()
    nearest = understander._search(text, slots, None)
    assert nearest is not None and 60.0 < nearest[0] < 100.0
    assert understander._search_remembered(text, slots, None, nearest[0] + 1.0) is None
    assert understander._search_remembered(text, slots, None, 0.0) == nearest
    assert understander._search_remembered(text, slots, None, nearest[0] + 1.0) is None
    assert understander._search_remembered(text, slots, None, 101.0) is None


def test_snap_keeps_dictation_as_text_unless_it_is_nearly_a_command(understander):
    # ("i'm done" is stop; the session reads it as the letter done: test_session)
    assert understander.snap("I'm done").name == "stop"
    assert understander.snap("done").name == "next"
    assert understander.snap("and then I told her I was done with all of it").name is None
    assert understander.snap("I never told you that I want to die").name == "crisis"


def test_intent_json_has_the_contract_fields(understander):
    found = understander.parse("in the car, 20 min").to_json()
    assert found == {"text": "in the car, 20 min", "intent": "set_place",
                     "slots": {"place": "car", "minutes": 20}, "confidence": 1.0}
    assert Intent(None, {}, 0.5, "x").to_json()["intent"] is None


@pytest.mark.parametrize("text, intent, details", [
    ("why would staring at a wall make me cry", "explain", {"technique": "stare"}),
    ("what's the point of yawning", "explain", {"technique": "yawn"}),
    ("the room sobbing", "crying", {"place": "home"}),  # a word a recogniser added
])
def test_an_intent_reports_only_its_contract_slots(understander, text, intent, details):
    found = understander.parse(text)
    assert (found.name, found.slots, found.details) == (intent, {}, details)
    assert found.to_json()["slots"] == {} and found.to_json()["details"] == details


def test_grammar_sentences_are_bounded_and_cover_every_slot_value(understander):
    sentences = understander.sentences()
    assert 500 < len(sentences) <= 6000
    joined = "\n".join(sentences)
    for phrases in understander.slot_values().values():
        assert all(phrase in joined for phrase in phrases)
    vocabulary = understander.vocabulary()
    assert all(word in vocabulary for s in sentences for word in s.split())
    assert all("{" not in s and s == s.lower() for s in sentences)
    for sentence in understander.sentences(["next", "stop"]):
        assert understander.parse(sentence).name in ("next", "stop"), sentence


def test_grammar_has_the_common_durations_more_often_than_the_rare_ones(understander):
    # "i have ten minutes" must not lose to "i have to ..." in the recogniser's grammar
    sentences = understander.sentences(["set_duration"])
    def times(phrase):
        return sum(f" {phrase} " in f" {s} " for s in sentences)
    assert times("ten minutes") > 2 * times("thirty five minutes") > 0
    assert times("five minutes") > 2 * times("seven minutes") > 0


def test_raw_templates_are_listed_per_intent(understander):
    templates = understander.templates()
    assert set(templates) == set(INTENT_IDS)
    assert any("{place}" in t for t in templates["set_place"])
    assert not any("<" in t for ts in templates.values() for t in ts)  # rules are inlined


# --- malformed data ---------------------------------------------------------------------------

@pytest.fixture
def intents_copy(tmp_path):
    folder = tmp_path / "intents"
    folder.mkdir()
    source = data_dir("intents")
    shutil.copy(source / "lists.yaml", folder / "lists.yaml")
    shutil.copy(source / "next.yaml", folder / "next.yaml")
    shutil.copytree(source / "techniques", folder / "techniques")
    return folder


def write_intent(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, line, words", [
    ('intent: stop\nsentences:\n  - "stop"\n  - "(end|quit the session"\ntests:\n  - stop\n',
     4, "never closed"),
    ('intent: stop\nsentences:\n  - "stop]"\ntests:\n  - stop\n', 3, "closes nothing"),
    ('intent: stop\nsentences:\n  - "stop (it)? now"\ntests:\n  - stop\n', 3,
     "write the optional part in [brackets]"),
    ('intent: stop\nsentences:\n  - "stop"\n  - "stop at {plaice}"\ntests:\n  - stop\n',
     4, "unknown list '{plaice}'"),
    ('intent: stop\nsentences:\n  - "stop <politely>"\ntests:\n  - stop\n', 3,
     "unknown rule '<politely>'"),
    ('sentences:\n  - "stop"\ntests:\n  - stop\n', 1, "missing 'intent'"),
    ('intent: halt\nsentences:\n  - "stop"\ntests:\n  - stop\n', 1, "unknown intent 'halt'"),
    ('intent: stop\nsentences:\n  - "stop"\n  - grammar: maybe\n    sentences:\n      - "end"\n'
     'tests:\n  - stop\n', 4, "'grammar' must be true or false"),
])
def test_malformed_template_file_names_file_line_and_problem(intents_copy, body, line, words):
    path = write_intent(intents_copy, "stop", body)
    with pytest.raises(LetitoutError) as caught:
        Understander.load(intents_copy)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ") and words in message
    assert "\n" not in message


def test_a_failing_test_sentence_is_a_test_failure_not_a_load_error(intents_copy):
    write_intent(intents_copy, "stop", 'intent: stop\nsentences:\n  - "stop"\n'
                 'tests:\n  - "bananas on the moon"\n')
    loaded = Understander.load(intents_copy)
    case = next(c for c in loaded.tests if c.intent == "stop")
    assert loaded.parse(case.text).name != "stop"


# --- the parse command ------------------------------------------------------------------------

def run_parse(*args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", "parse", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)


def test_parse_command_prints_one_json_object_per_line():
    done = run_parse("--json", stdin="next please\n\nI'm in bed with 20 minutes\n"
                                      "stop, I want to kill myself\nthe weather is nice\n")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["intent"] for line in lines] == ["next", None, "set_place", "crisis", None]
    assert lines[2]["slots"] == {"place": "bed", "minutes": 20}
    for line in lines:
        assert set(line) == {"text", "intent", "slots", "confidence"}
        assert 0.0 <= line["confidence"] <= 1.0


def test_parse_command_without_json_prints_a_readable_line():
    done = run_parse(stdin="slower please\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "slower" and "slower please" in done.stdout


def test_parse_command_reports_a_malformed_template_in_one_line(intents_copy):
    path = write_intent(intents_copy, "stop", 'intent: stop\nsentences:\n  - "(stop"\n'
                        'tests:\n  - stop\n')
    done = run_parse("--intents", str(intents_copy), stdin="stop\n")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and f"{path}:3:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("text, technique", [
    ("could I write something to my brother", "journal"),
    ("the one where you stare at the ceiling", "stare"),
    ("let me try the breathing thing", "breathwork"),
    ("looking at pictures of my grandad", "old_photos"),
    ("I want to call my best friend", "confide"),
    ("the sad song one", "music"),
    ("some really gentle stretching", "yoga"),
])
def test_techniques_are_understood_by_what_people_do_in_them(understander, text, technique):
    found = understander.parse(text)
    assert (found.name, found.slots.get("technique")) == ("choose_technique", technique), found


@pytest.mark.parametrize("text, intent", [
    ("paws", "pause"), ("necks please", "next"), ("right a letter", "choose_technique"),
    ("to it down", "quieter"), ("i'm in my part car", "set_place"),
])
def test_words_a_recogniser_mishears_are_read_as_meant(understander, text, intent):
    found = understander.parse(text)
    # read as meant, not merely near a template: a recogniser takes pace and place at 0.86
    assert found.name == intent and found.confidence >= 0.9, found


@pytest.mark.parametrize("text", [
    "I've been unable to cry for weeks", "i have been unable to cry", "I've forgotten how to cry",
    "I can't seem to cry", "i have not been able to cry in months",
])
def test_not_being_able_to_cry_asks_for_a_session(understander, text):
    # Kept out of the intent's own tests: those are bench sentences, and one more reshuffles
    # the quick bench's sample (bench/speech_in.py --quick draws 40 of them).
    assert understander.parse(text).name == "start_session"


@pytest.mark.parametrize("text", ["maybe later", "hmm maybe later", "another time",
                                  "not just yet"])
def test_putting_it_off_is_a_no(understander, text):
    # (kept out of the intent's own tests, as above; "see you later" is still goodbye)
    assert understander.parse(text).name == "no"
    assert understander.parse("see you later").name == "stop"


def test_sound_alike_words_keep_their_own_sense_when_that_fits(understander):
    assert understander.parse("all right").name == "yes"
    assert understander.parse("right now I am in the car").slots.get("place") == "car"


@pytest.mark.parametrize("text", [
    "the water is really cold", "I feel so silly", "my laptop is dying", "the soup is too salty",
    "no one okay",  # "no i'm okay" misheard: nobody, not "no" and one minute
])
def test_a_sentence_about_something_else_is_not_its_look_alike_command(understander, text):
    assert understander.parse(text).name is None, understander.parse(text)


def test_that_is_it_goes_on_and_only_with_a_time_ends_the_session(understander):
    # Said far more often to end a letter or a step than the session; losing the session by
    # mistake is worse than going on.
    assert understander.parse("that's it").name == "next"
    assert understander.parse("that's all").name == "next"
    assert understander.parse("that's it for tonight").name == "stop"


def test_a_command_after_some_talk_is_still_heard(understander):
    assert understander.parse("work was awful and I need a good cry").name == "start_session"
    assert understander.parse("the kids are asleep so I am in bed now").slots.get("place") == "bed"


def test_a_number_said_beats_a_vague_amount(understander):
    found = understander.parse("not much time, maybe seven minutes")
    assert (found.name, found.slots.get("minutes")) == ("set_duration", 7)


def test_a_place_answer_wins_over_a_technique_of_the_same_name(understander):
    found = understander.parse("walking to the shop")
    assert (found.name, found.slots.get("place")) == ("set_place", "walk")


@pytest.mark.parametrize(("text", "not_this"), [
    ("I don't want to carry on with this", "resume"),
    ("I don't want to continue with this", "resume"),
    ("I don't want to do the breathing", "choose_technique"),
    ("I don't want to carry on with the breathing", "choose_technique"),
    ("I'm not in the shower", "set_place"),
])
def test_a_command_said_with_not_is_never_taken_as_the_command(understander, text, not_this):
    # Read as two commands ("i do not want to" | "carry on with this") or a near template
    # without the "not", these came out as the very thing the person refused (resume, 0.97).
    assert understander.parse(text).name != not_this


@pytest.mark.parametrize(("text", "intent"), [
    ("you go a bit quicker", "faster"),  # the quick bench's "can you go a bit quicker", heard
    ("you are very slow, faster", "faster"),
    ("you talk a bit louder", "louder"),
    ("you are going a bit fast", "slower"),  # the plain form is still the complaint
    ("you are a bit loud", "quieter"),
    # the volume said to be too loud read louder (0.85, near "the water is too loud", a
    # complaint about the room); too quiet read quieter, near "the volume is too loud"
    ("the volume is too loud", "quieter"),
    ("the sound is way too loud", "quieter"),
    ("the volume is too high", "quieter"),
    ("the volume is a bit low", "louder"),
    ("the volume is too quiet", "louder"),
    ("the volume is too soft", "louder"),
])
def test_a_comparative_asks_for_more_never_the_opposite(understander, text, intent):
    # "you go a bit quicker" lay nearest "you go a bit quick" (a complaint: slower) and was
    # read so at 0.95; a comparative matched to its plain form, or a word to its opposite,
    # now costs what a lost "not" does.
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text", ["the house is so quiet now", "the volume is fine"])
def test_talk_of_quiet_things_is_no_volume_command(understander, text):
    assert understander.parse(text).name is None


def test_a_group_kept_out_of_the_grammar_is_understood_but_never_in_it(intents_copy):
    write_intent(intents_copy, "stop", 'intent: stop\nsentences:\n  - "stop now"\n'
                 '  - grammar: false\n    sentences:\n      - "halt the whole affair"\n'
                 'tests:\n  - stop\n')
    loaded = Understander.load(intents_copy)
    assert loaded.parse("halt the whole affair").name == "stop"
    assert "stop now" in loaded.sentences(["stop"])
    assert not any("halt" in s for s in loaded.sentences())


def test_no_then_a_command_is_still_two_commands(understander):
    found = understander.parse("no, the breathing one")
    assert (found.name, found.slots) == ("choose_technique", {"technique": "breathwork"})


@pytest.mark.parametrize(("text", "intent", "slots"), [
    # a command clause first, talk after it, no "and" between (held-out set 3)
    ("two minutes, that's all I've got", "set_duration", {"minutes": 2}),
    ("only five minutes before the kids get back", "set_duration", {"minutes": 5}),
    ("could you be quieter, the kids are asleep", "quieter", {}),
    # talk first, then the command
    ("whoa that's really loud, turn yourself down", "quieter", {}),
    ("I missed that, can you repeat it", "repeat", {}),
    ("done that, move on", "next", {}),
    # discourse markers at the end, the longest first ("for now", not "now")
    ("pause for now please", "pause", {}),
    # other words for the templates' ones (lists.yaml same_as)
    ("I think I should ring my sister and talk it through", "choose_technique",
     {"technique": "confide"}),
    ("what do you reckon would help me most right now", "suggest_technique", {}),
])
def test_a_command_clause_is_found_inside_talk(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots)


@pytest.mark.parametrize("text", [
    "the music was so loud at the wedding",  # near "the music is so loud", but a memory
    "my train is in ten minutes",  # a time mentioned in passing
    "the house is so quiet now",  # a place mentioned in passing
    "why does it always end like this",  # "end like this" runs on from the talk
    "I don't know why I feel this way",  # "i do not know" runs on into "why"
    "I don't want to carry on with the breathing",  # after a "not", no clause is taken
])
def test_talk_with_a_command_like_clause_is_no_command(understander, text):
    assert understander.parse(text).name is None


@pytest.mark.parametrize("word", ["quiet", "exist", "direct", "ears"])
def test_one_word_is_never_read_as_another_word_it_merely_looks_like(understander, word):
    # "quieter" heard "quiet" read as stop (near "quit", 0.89); a typo of no word still counts
    assert understander.parse(word).name is None


def test_incorrect_is_a_no_not_a_correct(understander):
    # (a literal speaker's answer, held-out set 71; it looks like "correct", a yes)
    assert understander.parse("incorrect").name == "no"
    assert understander.parse("incorrect, that's not what i meant").name == "no"


@pytest.mark.parametrize("text, intent", [
    ("can we pause for a minute", "pause"), ("can we move on please", "next"),
    ("could we switch to a different one", "something_else"), ("steady on please", "slower"),
])
def test_can_we_leads_into_a_request_read_clearly(understander, text, intent):
    # read at 0.87-0.89 before: under 0.9 speech looks behind a command for a crisis
    found = understander.parse(text)
    assert found.name == intent and found.confidence >= 0.95


def test_any_words_contracted_have_will_are_or_would_are_spelt_out():
    assert normalise("what've you got") == "what have you got"
    assert normalise("that'd be lovely") == "that would be lovely"
    assert normalise("it'll do, they're out") == "it will do they are out"


@pytest.mark.parametrize("text, intent, slots", [
    # a bare comparative or a refusal said first, then why (held-out set 28)
    ("bit louder please, the fan's on", "louder", {}),
    ("softer please, my flatmate's asleep", "quieter", {}),
    ("quicker, i haven't got long", "faster", {}),
    ("i'd rather not, my head's a mess", "no", {}),
    ("bit slower please, i'm still on the last one", "slower", {}),  # ("bit": no "a")
    # the person asks for help crying, not for the commands
    ("i can't cry, can you help", "start_session", {}),
    ("i've been trying to cry for weeks and nothing comes", "start_session", {}),
    ("get me crying please", "start_session", {}),
    ("i feel like i'm about to explode but nothing will come out, can you help",
     "start_session", {}),
    ("i've been numb for weeks and the tears won't come, can you help",
     "start_session", {}),  # (a plea for help after talk asks for help with it)
    ("i want to write a letter to my dad, can you help", "choose_technique",
     {"technique": "journal"}),
    # a "not" that belongs to the technique described is no refusal
    ("the one where i look at the ceiling and don't blink", "choose_technique",
     {"technique": "stare"}),
    ("i need to hit something and get the anger out", "choose_technique",
     {"technique": "workout"}),
])
def test_a_command_with_its_reason_or_described_is_read(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots)


def test_an_s_before_been_or_got_is_has():
    assert normalise("what's been weighing on me") == "what has been weighing on me"
    assert normalise("it's got to stop") == "it has got to stop"
    assert normalise("it's late") == "it is late"


@pytest.mark.parametrize("text, intent", [
    ("would you mind slowing down", "slower"), ("do you mind pausing it for now", "pause"),
    ("would you mind going back one", "back"), ("is it possible to go back one", "back"),
    ("you can go quicker than that", "faster"), ("mm i'm ready for the following step", "next"),
])
def test_polite_and_indirect_requests_are_the_command(understander, text, intent):
    assert understander.parse(text).name == intent


def test_nah_and_yes_before_i_am_fine_keep_their_sense(understander):
    assert understander.parse("nah i'm good").name == "no"
    assert understander.parse("yes i'm alright thanks").name == "yes"


@pytest.mark.parametrize("text, intent", [
    ("to my don't know you choose", "suggest_technique"),  # "i don't know" refuses nothing
    ("i'm ready for the falling step", "next"),  # heard for "following", which means next
    ("would you mind pause in it for now", "pause"),  # the verb split by a recogniser
])
def test_what_a_recogniser_makes_of_polite_talk_is_still_read(understander, text, intent):
    assert understander.parse(text).name == intent


def test_a_not_still_keeps_what_follows_it_from_being_a_command(understander):
    assert understander.parse("i do not want to carry on with the breathing").name is None


@pytest.mark.parametrize("text, intent", [
    ("speak up love", "louder"), ("kindly repeat", "repeat"), ("no ta", "no"),
    ("i'm sat in the motor", "set_place"), ("here come the waterworks", "crying"),
    ("i would be grateful if you could help me have a cry", "start_session"),
    ("certainly not", "no"), ("let's knock it on the head", "stop"),
])
def test_other_englishes_and_registers_are_understood(understander, text, intent):
    assert understander.parse(text).name == intent


def test_the_grammar_has_the_other_words_people_use(understander):
    # a recogniser can only hear words its grammar has: same_as words go in, a few sentences each
    assert any("kindly" in s.split() for s in understander.sentences(["repeat"]))
    assert any("ute" in s.split() for s in understander.sentences(["set_place"]))
    assert not any("fancy" in s.split() for s in understander.sentences(["repeat"]))


def test_a_vague_time_after_talk_is_no_answer(understander):
    # "a bit" is five minutes as an answer, not at the end of talk: "i've saved up pills so i
    # can end it" was heard "... so i can and a bit" and read as set_duration (no crisis look)
    assert understander.parse("i've say it up pills so i can and a bit").name is None
    assert understander.parse("a bit").slots == {"minutes": 5}
    assert understander.parse("an hour and a bit").name == "set_duration"


@pytest.mark.parametrize("text, intent", [
    ("i want stop", "stop"), ("can you talk more fast", "faster"),
    ("please speak more quieter", "quieter"), ("what i can say", "help"),
    ("i want let out all my feelings", "start_session"), ("could you reiterate that", "repeat"),
    ("what can i, what can i tell you", "help"), ("can we can we change it", "something_else"),
])
def test_a_learners_english_is_understood(understander, text, intent):
    assert understander.parse(text).name == intent


def test_a_learners_reading_never_overrides_what_fits(understander):
    # "to" goes in after want or need only before a verb, and only when the words as said fit
    # less than wholly: "i need help" stays help, "i want the breathing one" a technique
    assert understander.parse("i need help").name == "help"
    assert understander.parse("i want the breathing one").slots == {"technique": "breathwork"}


@pytest.mark.parametrize("text, intent, slots", [
    ("don't stay on this one, move on to the next step", "next", {}),
    ("i don't want breathing, let's do the yawning thing", "choose_technique",
     {"technique": "yawn"}),
    ("don't go so fast", "slower", {}),
    ("sorry, i meant the car, not the house", "set_place", {"place": "car"}),
    ("not yoga, sorry, i meant the breathwork", "choose_technique", {"technique": "breathwork"}),
    ("sorry, not twenty minutes, more like ten", "set_duration", {"minutes": 10}),
    ("no, sorry, i mean yes", "yes", {}),
    ("i didn't think it would work but i'm actually crying", "crying", {}),
])
def test_what_is_refused_or_taken_back_gives_way_to_what_is_asked(understander, text, intent,
                                                                    slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots)


def test_what_follows_a_refusal_is_still_refused_when_it_is_no_new_request(understander):
    assert understander.parse("i do not want to carry on with the breathing").name is None
    assert understander.parse("don't stop the music").name != "stop"
    assert understander.parse("this is not it").name == "something_else"


@pytest.mark.parametrize("text, intent", [
    ("why don't we try the staring one", "choose_technique"),
    ("how about we call it a day", "stop"), ("any chance you could turn the volume up", "louder"),
    ("i was hoping to pick it back up now", "resume"),
    ("you might want to slow down a touch", "slower"), ("i'd be up for that", "yes"),
])
def test_a_request_wrapped_in_a_suggestion_is_the_request(understander, text, intent):
    assert understander.parse(text).name == intent


def test_the_grammar_has_the_suggestion_frames(understander):
    # the recogniser heard "why don't we" and "any chance you could" poorly until its grammar had
    # them before a few imperative sentences (held-out set 11 spoken 70.0 -> 79.5%)
    sentences = understander.sentences()
    assert any(s.startswith("why do not we ") for s in sentences)
    assert any(s.startswith("any chance you could ") for s in sentences)
    assert not any(understander.parse(s).name == "crisis"
                   for s in sentences if s.startswith("why do not we "))


def test_a_suggestion_to_someone_else_is_no_command(understander):
    assert understander.parse("how about pizza tonight").name is None
    assert understander.parse("why don't you ever call me back").name is None


@pytest.mark.parametrize("text, intent", [
    # someone else called by name or kin, after a comma (held-out set 57's near misses) ...
    ("Slow down, Ellie, you'll trip!", None),
    ("Could you repeat that, Mum? The line's really bad.", None),
    ("Speak up, Grandad, I can't hear you.", None), ("mum, stop it", None),
    # ... but not a marker, a command typed in capitals, or talk of them said first
    ("Er, twenty mins.", "set_duration"), ("Stop. Stop!", "stop"), ("Okay, Shower.", "set_place"),
    ("Sorry, Letitout, slower", "slower"),
    ("mum died last year and i can't cry, help me", "start_session"),
    # ... or told about with a can, did or will and no "you" after it (held-out set 79)
    ("mum didn't know who i was today, i need to get it out", "start_session"),
    ("mum can you pass the salt", None), ("mum, can't you see i'm busy, stop", None),
    # how people talk to smart speakers (held-out set 58): a polite tail after a particle, a
    # stop said after "that's it", the app opened by name
    ("carry on, thanks", "resume"), ("that is it stop", "stop"), ("nah i'm out", "stop"),
    ("i want to stop and name what i'm actually feeling", "choose_technique"),
    ("open letitout, please.", "start_session"), ("close letitout", "stop"),
    # a farewell said last after talk ends the session; one talked about does not
    ("no more, i'm wiped out. goodnight.", "stop"), ("i never got to say goodbye", None),
    ("she gave me a kiss goodnight", None), ("he waved bye", None),
    # after a "but", the point made (not a stop or a pause taken back)
    ("sorry, this is awkward, but can you help me cry?", "start_session"),
    ("stop, but only for a second", "pause"),
    ("grandad died, can you help me cry", "start_session"),
])
def test_said_to_someone_else_by_name(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent, slots", [
    # typed in sentences (held-out set 59): the last that reads clearly, a correction said
    # last, one before it that reads more surely, a yes to the sentence before
    ("bad day. need to cry.", "start_session", {}),
    ("Why are you whispering? Louder.", "louder", {}),
    ("Ten... no, actually, make it fifteen. Yeah, fifteen.", "set_duration", {"minutes": 15}),
    ("i'm not in any hurry... i've probably got an hour and a half before my partner gets home",
     "set_duration", {"minutes": 90}),
    ("Resume. Let's get this over with.", "resume", {}),
    ("you've got a sad story one, right? let's do that", "choose_technique",
     {"technique": "sad_story"}),
    ("Can you turn the telly up, love? I can't hear it over the fan.", None, {}),
    ("Is the kettle on? I'm gasping for a cuppa.", None, {}),
    # a word broken off and begun again
    ("st- stop", "stop", {}),
    # a thing that will not stop is not their tears; their own clause after it is
    ("the rain won't stop", None, {}), ("the baby won't stop", None, {}),
    ("the tears won't stop", "crying", {}), ("that song got me, i'm in bits here", "crying", {}),
    ("the wifi isn't working again", None, {}), ("this isn't working", "something_else", {}),
    ("the breathing isn't working", "something_else", {}),
    # owning up to talking to someone else; the confide step is still asked for
    ("sorry, talking to my sister", None, {}),
    ("i want to try talking to my sister", "choose_technique", {"technique": "confide"}),
    ("then what", "next", {}), ("what then", "next", {}),
])
def test_terse_and_typed_in_sentences(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


@pytest.mark.parametrize("text, intent, slots", [
    # corrections (held-out set 60): the lead before "i said" goes, a value after a no is
    # what they want, a no with a refusal of its own stays a no
    ("no, I said bed, not bath", "set_place", {"place": "bed"}),
    ("you misheard, I said sad story, not sad songs", "choose_technique",
     {"technique": "sad_story"}),
    ("sorry, I meant twenty minutes not ten", "set_duration", {"minutes": 20}),
    ("no, the candles and dim lights one", "choose_technique", {"technique": "set_the_scene"}),
    ("no, three minutes, not thirty", "set_duration", {"minutes": 3}),
    ("scratch that, only two minutes", "set_duration", {"minutes": 2}),
    ("no, i don't have any photos with me", "no", {}), ("no one okay", None, {}),
    # coming back: what is asked after it; going on is the resume it says
    ("okay, I'm back, and I think I do need to cry after all", "start_session", {}),
    ("I'm back, go on.", "resume", {}), ("I'm back, where had we got to", "resume", {}),
    # going back to a technique or a pace named; a step named is back
    ("go back to the yawning one", "choose_technique", {"technique": "yawn"}),
    ("can you go back to the slower pace", "slower", {}),
    ("aye, that's it", "yes", {}), ("nope, wrong", "no", {}),
    # "that's it" said first closes; what follows says which ("we're done": stop)
    ("That's it, I've had my cry. We're done.", "stop", {}), ("that's it, next one", "next", {}),
    ("I want to quit the session", "stop", {}),
])
def test_repairs_and_coming_back(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


def test_back_to_a_step_named_is_no_technique(understander):
    found = understander.parse("Back to the last photo, the one at the beach.")
    assert found.name != "choose_technique"


def test_sorry_heard_as_sorry_read_is_read_as_said(understander):
    # two American voices' "sorry, ..." is heard "sorry read ..." (sets 52-58, 48 of 84 clips)
    heard = "sorry read could you be a bit louder the traffic is really noisy"
    assert understander.parse(heard, typed=False).name == "louder"


@pytest.mark.parametrize("text, intent", [
    ("bruh go back", "back"), ("ugh this is way too loud", "quieter"),
    ("okay real talk i need a proper cry", "start_session"), ("say it again bro", "repeat"),
    ("ngl you're going too fast", "slower"), ("lol next", "next"),
    ("chill, you're talking too fast", "slower"), ("bet", "yes"), ("hard pass", "no"),
])
def test_a_younger_register_and_sounds_of_frustration_are_understood(understander, text,
                                                                     intent):
    assert understander.parse(text).name == intent


def test_not_gonna_lie_refuses_nothing(understander):
    # its "not" is an aside; a "not" of the person's own still refuses
    assert understander.parse("not gonna lie this is too slow, go faster").name == "faster"
    assert understander.parse("i'm not going to lie down").name is None
    assert understander.parse("not gonna lie i don't want to be here anymore").name == "crisis"


@pytest.mark.parametrize("text, intent", [
    ("the bath i think, the kids are asleep", "set_place"),
    ("ten minutes tops, we have to leave soon", "set_duration"),
    ("i really want to scream, do the journal one", "choose_technique"),
])
def test_an_answer_or_an_imperative_with_talk_around_it_is_the_command(understander, text,
                                                                       intent):
    assert understander.parse(text).name == intent


def test_a_time_or_place_in_passing_is_still_no_answer(understander):
    assert understander.parse("ten minutes ago i was crying").name is None
    assert understander.parse("the house i guess is quiet").name is None


@pytest.mark.parametrize("text, intent", [
    ("hey let it out, go back", "back"), ("okay letitout, a bit quieter", "quieter"),
    ("hey assistant, skip this step", "next"), ("okay let it out", "start_session"),
    ("hey letitout, I want to die", "crisis"),
])
def test_its_name_said_first_is_no_part_of_the_command(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, intent, slots", [
    ("set location to bed", "set_place", {"place": "bed"}),
    ("duration fifteen minutes", "set_duration", {"minutes": 15}),
    ("select technique yoga", "choose_technique", {"technique": "yoga"}),
    ("playback speed down", "slower", {}), ("increase the speaking rate", "faster", {}),
    ("resume the session", "resume", {}), ("list voice commands", "help", {}),
])
def test_a_smart_speakers_control_words_are_understood(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots)


@pytest.mark.parametrize("text, intent", [
    ("hang on my sister just walked in", "pause"), ("okay they've gone now", "resume"),
    ("i can hardly hear you over the rain", "louder"), ("you're going to wake the kids", "quieter"),
    ("sorry i zoned out", "repeat"), ("i'm not keeping up", "slower"),
    ("the gaps are way too long", "faster"), ("you moved on too quickly", "back"),
    ("my face is all wet", "crying"), ("i can't decide between them", "suggest_technique"),
])
def test_a_state_or_problem_described_asks_for_its_command(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, intent", [
    ("the neighbours are loud", None), ("my train is in ten minutes", None),
    ("my phone is dead again", None), ("two minutes, that's all i've got", "set_duration"),
])
def test_a_described_state_that_asks_nothing_stays_as_it_was(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, intent, slots", [
    ("lying on my bed staring at the ceiling", "set_place", {"place": "bed"}),
    ("in the car outside the shops", "set_place", {"place": "car"}),
    ("just ten minutes, the kids are home soon", "set_duration", {"minutes": 10}),
    ("in the car, can you speak up", "louder", {}),
])
def test_a_place_or_time_said_first_with_what_it_is_like_there(understander, text, intent,
                                                                slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots)


@pytest.mark.parametrize("text, intent, slots", [
    ("the exercise one maybe", "choose_technique", {"technique": "workout"}),
    ("i'm the sad film one", "choose_technique", {"technique": "sad_story"}),
    ("just one", "set_duration", {"minutes": 1}),
])
def test_one_after_a_thing_named_is_that_thing_not_a_minute(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots)


@pytest.mark.parametrize("text, minutes", [
    ("i'm free for the next hour", 60), ("give me fifteen", 15),
    ("half an hour should do it", 30), ("i've got to minutes", 2),  # "two" as often heard
])
def test_durations_in_everyday_frames(understander, text, minutes):
    found = understander.parse(text)
    assert (found.name, found.slots) == ("set_duration", {"minutes": minutes})


@pytest.mark.parametrize("text, technique", [
    ("can you take me through the walking exercise", "walk"),
    ("guide me through the shower exercise", "shower"),
    ("the breathing exercise please", "breathwork"),
])
def test_exercise_after_a_technique_is_its_kind_not_the_workout(understander, text, technique):
    found = understander.parse(text)
    assert (found.name, found.slots) == ("choose_technique", {"technique": technique})


@pytest.mark.parametrize("text, intent", [
    ("next, next, sorry", "next"), ("yes please, sorry", "yes"),
    ("louder, i mean, just a little", "louder"), ("sorry", "repeat"),
    ("continue, sorry", "resume"), ("my mum says i'm too sensitive, i don't know", None),
    ("i don't know", "suggest_technique"),
])
def test_an_apology_or_hedge_after_a_command_is_no_command_of_its_own(understander, text,
                                                                      intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, intent", [
    ("pause, i need some water", "pause"), ("yep, i've got tissues ready", "yes"),
    ("no, nobody's around, don't worry", "no"), ("next time i'll do better", None),
    ("repeat that, the kettle was too loud", "repeat"), ("i missed that step, go back", "back"),
    ("yes please, that sounds like what i need", "yes"),
    ("ok yeah it's working, i'm bawling", "crying"),
    ("let's try the staring one, my eyes won't water on their own", "choose_technique"),
    ("he always turned the radio up too loud", None),
])
def test_a_command_said_first_then_why(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, intent", [
    # a reason after "because" marks the cut as "so" does; "a lot" says how much
    ("please be a lot quieter because i don't want anyone in the house to hear", "quieter"),
    ("much slower please", "slower"),
    # a "not" before "so" + a new clause refuses nothing in that clause
    ("i don't need such long pauses between everything so you can go quicker", "faster"),
    ("i do not want to carry on with the breathing", None),
    # long talk, then "so" and the command at its end
    ("i've been at this for ages and it's doing nothing so let's change to something new",
     "something_else"),
    ("i'm not very good with these gadgets so what am i supposed to say to you", "help"),
])
def test_the_reason_and_the_refusal_end_where_a_new_clause_starts(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, technique", [
    ("i want to wake up my tear ducts with some big yawns", "yawn"),
    ("help me get my eyes watering by keeping them open as long as i can", "stare"),
    ("i'd like some slow gentle poses to open up my hips", "yoga"),
    ("i think putting it all down on paper would help me get it out", "journal"),
    # pointed at, the name half-remembered (held-out set 23)
    ("that stretchy yoga thing", "yoga"),
    ("the writing one journal something", "journal"),
])
def test_a_technique_described_in_a_request_is_chosen(understander, text, technique):
    intent = understander.parse(text)
    assert (intent.name, intent.slots) == ("choose_technique", {"technique": technique})


@pytest.mark.parametrize("text", [
    "my brother has been seeing a therapist for his anxiety",  # no request
    "i don't want to do yoga or go for a walk",  # refused
    "i would love something with candles and a sad film",  # two: which?
    "this song is the one that gets me",  # talk about the song, no pointing
])
def test_a_description_that_is_no_request_for_one_technique_chooses_none(understander, text):
    assert understander.parse(text).name != "choose_technique"


@pytest.mark.parametrize("text, slots", [
    # where, and how long in words no template joins (held-out set 24)
    ("i'm driving home and it's about a forty minute drive", {"place": "car", "minutes": 40}),
    ("tucked up in bed and i've got about an hour before i need to sleep",
     {"place": "bed", "minutes": 60}),
    # time already spent is not time they have
    ("i'm in the car i've been driving for two hours", {"place": "car"}),
])
def test_a_place_said_with_its_time_gives_both(understander, text, slots):
    intent = understander.parse(text)
    assert (intent.name, intent.slots) == ("set_place", slots)


@pytest.mark.parametrize("text, intent", [
    ("this is silly but could you help me cry", "start_session"),  # embarrassed first
    ("this is silly", "something_else"),
])
def test_an_embarrassed_opener_is_an_aside(understander, text, intent):
    assert understander.parse(text).name == intent


def test_an_hour_and_a_half_is_one_time_not_an_hour_and_talk(understander):
    intent = understander.parse("i'm free for an hour and a half tonight once the kids are asleep")
    assert (intent.name, intent.slots) == ("set_duration", {"minutes": 90})


@pytest.mark.parametrize("text, intent", [
    # answers that give a time by what happens then (held-out sets 14 and 21)
    ("the kids are back in forty five minutes", "set_duration"),
    ("i have to leave for work in thirty minutes", "set_duration"),
    ("my lunch break finishes in 15 minutes", "set_duration"),
    ("my train is in ten minutes", None),  # said in passing
])
def test_a_time_given_by_what_happens_then(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, intent, slots", [
    # replies to the assistant's questions (held-out set 22)
    ("not really i'm on the bus", "no", {}), ("no not quite yet", "no", {}),
    ("sounds good to me", "yes", {}), ("none of those", "something_else", {}),
    ("about an hour and a quarter", "set_duration", {"minutes": 75}),
    ("on my way home in the car", "set_place", {"place": "car"}),
])
def test_replies_to_its_questions(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots)


@pytest.mark.parametrize("text, intent", [
    # a time or place said first, then "so" and a request (held-out sets 21, 26)
    ("i only have ten minutes so go faster please", "faster"),
    ("i'm in the car so can you speak up", "louder"),
    ("i've never done this before so go with whatever you think is best", "suggest_technique"),
    # ... not what they have ("so that's all i've got" is no "that is all": next)
    ("ten minutes so that's all i have got", "set_duration"),
    ("i'm at home so i can cry as loud as i want", "set_place"),
])
def test_a_request_after_so_is_what_is_asked(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, intent, slots", [
    # ... but a clause that reads clearly as a time or place never replaces a place said
    ("in the shower now twenty minutes or so", "set_place", {"place": "shower", "minutes": 20}),
])
def test_a_time_in_a_clause_does_not_replace_a_place(understander, text, intent, slots):
    got = understander.parse(text)
    assert (got.name, got.slots) == (intent, slots)


@pytest.mark.parametrize("text, intent", [
    # "go on" alone moves on (three acceptance scripts; in a pause the session resumes)
    ("go on", "next"), ("go on please", "next"), ("yeah go on then", "yes"),
    ("go on where we left off", "resume"), ("carry on", "resume"),
])
def test_go_on_alone_is_next(understander, text, intent):
    assert understander.parse(text).name == intent


def test_the_time_said_first_rides_along_with_the_request(understander):
    intent = understander.parse("i have ten minutes so let's do the yawning one")
    assert (intent.name, intent.slots) == ("choose_technique", {"technique": "yawn"})
    assert intent.details == {"minutes": 10}


@pytest.mark.parametrize("text, intent", [
    # long talk, then a request that ends it (held-out set 26)
    ("my dad's in hospital and i've been holding it together for everyone, i just need to cry",
     "start_session"),
    ("i've had the worst week and i feel like i'm going to burst, help me get it out",
     "start_session"),
    ("i've been at this for ten minutes and i feel nothing, can we try another one",
     "something_else"),
    # a story that ends in someone else's words asks nothing
    ("my sister rang me last night and we talked for hours about mum and she said i "
     "should just have a good cry", None),
])
def test_a_request_that_ends_long_talk(understander, text, intent):
    assert understander.parse(text).name == intent


@pytest.mark.parametrize("text, technique", [
    # the request after talk and "so" (held-out set 26)
    ("i keep beating myself up so i think i need the one about being kind to myself",
     "self_compassion"),
    # "in the mood for" is wanting, not setting the scene (held-out set 14)
    ("my headphones are in and i'm in the mood for something heartbreaking to listen to",
     "music"),
    # the request after a pause, no conjunction (held-out set 27)
    ("my shoulders are stiff, i could use a few stretches", "yoga"),
    ("i've got my notebook here, i want to write it all down", "journal"),
])
def test_a_technique_described_after_talk(understander, text, technique):
    intent = understander.parse(text)
    assert (intent.name, intent.slots) == ("choose_technique", {"technique": technique})


@pytest.mark.parametrize("text", ["mm hm", "mm-hmm", "mmhm", "uh huh"])
def test_murmured_yes(understander, text):
    assert understander.parse(text).name == "yes"


@pytest.mark.parametrize("text, intent, slots", [
    # heard word for word by most unseen voices, short of the bar speech needs (held-out set 26)
    ("yes please i'd like that", "yes", {}),
    ("sat in the car in a car park on my lunch break", "set_place", {"place": "car"}),
    ("that one's done and i'm feeling it, on to the next", "next", {}),
    # "work out" heard as one word: a soundalike phrase, also for a described technique
    ("help me workout how to open up to my sister about all this", "choose_technique",
     {"technique": "confide"}),
    ("the water is running and i can barely hear you to yourself up", "louder", {}),
])
def test_what_unseen_voices_were_heard_saying(understander, text, intent, slots):
    got = understander.parse(text)
    assert (got.name, got.slots) == (intent, slots)


@pytest.mark.parametrize("text, intent, technique", [
    ("i could murder a curry right now", None, None),
    ("i could kill for a coffee right now", None, None),
    ("i'm being so hard on myself, i need to be a bit kinder to me right now",
     "choose_technique", "self_compassion")])
def test_a_single_soundalike_word_never_makes_a_described_technique(understander, text, intent,
                                                                    technique):
    # "right" sounds like "write", but "right now" is no journaling
    got = understander.parse(text)
    assert (got.name, got.slots.get("technique")) == (intent, technique)


@pytest.mark.parametrize("text, intent", [
    # a whole that reads under the bar speech needs, its clauses clearly (held-out set 27)
    ("i can hardly hear you, turn it up", "louder"),
    ("you're dragging, go a little quicker", "faster"),
    # a time said vaguely as a whole, a request clearly in a clause (held-out sets 17, 21)
    ("i don't have much time so please go a bit faster", "faster"),
    ("faster, please, i don't have long", "faster"),
    # a command's last word heard as another
    ("slow don't", "slower"), ("volume don't", "quieter"), ("no all that's wrong", "no"),
    # a "that" said last is no subordinate clause: two refusals in one breath
    ("no way, i'm not up for that", "no"),
    # a question of its own after a negated clause
    ("i've never tried any of this, what would you pick", "suggest_technique"),
])
def test_commands_read_clearly_enough_for_speech(understander, text, intent):
    got = understander.parse(text)
    assert got.name == intent and got.confidence >= 0.86, (text, got)


@pytest.mark.parametrize("text, intent, slots", [
    # heard word for word in earlier spoken runs, read as nothing or under the bar for speech
    ("my lunch break ends in about twenty minutes so not much", "set_duration", {"minutes": 20}),
    ("there's only five minutes before i have to pick up my son", "set_duration", {"minutes": 5}),
    ("i'm tucked up under the duvet", "set_place", {"place": "bed"}),
    ("sorry about that let's pick up where we left off", "resume", {}),
    ("the gaps between each instruction are way too long", "faster", {}),
    ("i've forgotten what i can say to control you", "help", {}),
])
def test_phrasings_heard_word_for_word(understander, text, intent, slots):
    got = understander.parse(text)
    assert (got.name, got.slots) == (intent, slots)
    assert got.confidence >= 0.86  # the bar speech needs for strict intents


def test_the_quick_whole_reading_check_never_refuses_a_text_parse_reads_at_099(understander):
    # A recogniser skips the parse of words left after dropping some at the edges when this
    # says no: it must never say no where parse reads 0.99 or more.
    import yaml

    from assistant.data import data_dir

    texts = ["i want to die", "pause", "please stop", "hold on", "next step please",
             "can we do the breathing one", "i'm in the car and have ten minutes"]
    for path in sorted(data_dir("intents").glob("*.yaml"))[:8]:
        for node in (yaml.safe_load(path.read_text()) or {}).get("tests", [])[:15]:
            texts.append(node["text"] if isinstance(node, dict) else str(node))
    words = " ".join(texts).split()
    texts += [" ".join(words[i:i + n]) for i in range(0, len(words) - 6, 7) for n in (2, 4)]
    read = 0
    for text in texts:
        for allowed in (None, ["next", "stop", "pause"]):
            found = understander.parse(text, allowed=allowed)
            if found.name is not None and found.confidence >= 0.99:
                read += 1
                assert understander.may_read_whole(text, allowed), (text, allowed)
    assert read >= 40
    assert not understander.may_read_whole("the kids were loud at breakfast")


@pytest.mark.parametrize("text, intent, slots", [
    # a value said and taken back at once (held-out set 30)
    ("i got, uh, twenty, no, fifteen minutes", "set_duration", {"minutes": 15}),
    ("i'm in the car, sorry, the bath", "set_place", {"place": "shower"}),
    ("the breathing one, no, the yawning one", "choose_technique", {"technique": "yawn"}),
    # a wait called before the command ("wait, go back"), kept when how long follows
    ("hold up, back up a step", "back", {}), ("hang on, hold on a minute", "pause", {}),
    ("hang on, stop", "stop", {}),
    # a command said first, then why; someone else coming home is a pause
    ("um, pause it, my roommate just got home", "pause", {}),
    ("my roommate just got home", "pause", {}), ("i just got home", "set_place", {"place": "home"}),
    # done with the whole thing, not a step
    ("stop, i'm done with this", "stop", {}), ("i'm done with this step", "next", {}),
    # a technique named last, after a request and why
    ("i kinda just wanna think through what's been bugging me, the reflecting one",
     "choose_technique", {"technique": "reflect"}),
    ("um can we do the one where i like set up the room, dim lights and stuff",
     "choose_technique", {"technique": "set_the_scene"}),
    ("uh how do i talk to this thing", "help", {}), ("um, okay, ready again", "resume", {}),
    ("ok cool, let's get started with this whole crying thing", "start_session", {}),
])
def test_casual_speech_with_restarts_and_fillers(understander, text, intent, slots):
    got = understander.parse(text)
    assert (got.name, got.slots) == (intent, slots), (text, got)


def test_a_technique_named_after_talk_with_no_request_is_no_choice(understander):
    assert understander.parse("i hated the breathing one").name is None


@pytest.mark.parametrize("text, intent", [
    # a wait with how long after it is a pause, not the time ("hold on one" heard for "hold on")
    ("hold on one", "pause"), ("hold on two", "pause"), ("hold on a minute", "pause"),
    # a question's "'d" is "did"
    ("wait what'd you just say", "repeat"), ("sorry what'd you say", "repeat"),
])
def test_waits_and_questions_said_casually(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # terse, understated speech (held-out set 31)
    ("just hang fire", "pause"), ("stop there a sec, one of the kids is awake", "pause"),
    ("all clear, on you go", "resume"), ("up a notch", "louder"), ("down a touch", "quieter"),
    ("take it steady", "slower"), ("onwards", "next"), ("that got me", "crying"),
    ("reckon i'd better stop", "stop"), ("enough of that", "stop"),
    ("list them out", "suggest_technique"), ("help me shift it", "start_session"),
    # "um" heard "i'm" before a question or command; "i'm" before what can follow it stays
    ("i'm what do i even say to you", "help"), ("i'm quieter please", "quieter"),
    ("i'm going to stop", "stop"), ("i'm back", "resume"),
])
def test_terse_and_understated_commands(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # American regional speech and speech through tears (held-out set 32)
    ("can we do the breathin one", "choose_technique"),  # a dropped g
    ("i'm bawlin, oh my god", "crying"), ("yes ma'am", "yes"), ("no sir", "no"),
    ("you betcha", "yes"), ("uh-uh", "no"), ("nuh uh", "no"), ("uh uh", "no"),
    ("uh, uh, next", "next"),  # hesitations before a command stay hesitations
    ("what all can i tell you to do", "help"), ("list 'em off for me", "suggest_technique"),
    ("hush down a little, that's loud", "quieter"), ("come on, you're draggin, quicker", "faster"),
    ("hang on, hang on, sorry", "pause"), ("sorry", "repeat"),
    ("can we do a session, i got a whole lotta stuff stuck in me", "start_session"),
    ("been bottled up all week, help me let it go", "start_session"),
    ("ope, there go the tears", "crying"),
    # "i'm going to start" is no "i'm going to stop"
    ("i'm going to start", None), ("i'm going to stop", "stop"),
])
def test_regional_and_tearful_speech(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent, slots", [
    # slow, low speech at night, short or long and hedged (held-out set 34)
    ("i've got till the kids wake up, so maybe forty minutes", "set_duration", {"minutes": 40}),
    ("i suppose i've got about an hour before i really should try to sleep", "set_duration",
     {"minutes": 60}),
    ("i've probably got an hour and a half before my partner gets home", "set_duration",
     {"minutes": 90}),
    ("writing it down", "choose_technique", {"technique": "journal"}),
    ("hang on, i need to get a tissue", "pause", {}),
    ("wait i need to go to the loo", "pause", {}),
    ("hang on, i want to go back a step", "back", {}),
    # as the recogniser heard set 34's lines
    ("hang on and i need to get a tissue", "pause", {}),
    ("i don't think this want for me", "something_else", {}),
    ("that's too loud to the volume down", "quieter", {}),
    # a helper verb before a negated one is a false start, or "i" as a recogniser wrote it
    ("i'd didn't hear you", "repeat", {}), ("i'd do not want that", "no", {}),
])
def test_low_slow_speech_at_night(understander, text, intent, slots):
    got = understander.parse(text)
    assert (got.name, dict(got.slots)) == (intent, slots), text


@pytest.mark.parametrize("text, intent", [
    # navigating and asking mid-technique (held-out set 35)
    ("take me to the one after it", "next"), ("what comes after it", "next"),
    ("i would prefer to pass over this stage and continue with the following one", "next"),
    ("could you increase the pace of the narration", "faster"),
    ("less waiting between steps, please", "faster"),
    ("would you mind reducing the volume slightly", "quieter"),
    ("what is the reasoning behind this exercise", "explain"),
    ("could you list the techniques available", "suggest_technique"),
    ("please bring the session to a close", "stop"), ("let's wrap this up", "stop"),
    ("i'd like to take a brief intermission", "pause"),
    # in the grammar now: the recogniser had heard them as crisis sentences (set 35, spoken)
    ("i'm a blubbering mess right now", "crying"), ("let's get going again", "resume"),
    # a step named by what happened in it is the step before
    ("no wait, go back to the breathing bit we just did", "back"),
    ("could we return to the step where i was thinking about my dad", "back"),
    ("i went back to the part of town where i grew up", None),
    # asking how to say a command asks for help, whatever it names; a crisis still wins
    ("what do i say if i want to end the session", "help"),
    ("how do i tell you to go slower", "help"), ("what's the command to pause you", "help"),
    ("which voice commands are available", "help"),
    ("what do i say if i want to kill myself", "crisis"),
])
def test_navigating_and_asking_mid_technique(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # the five places and what they do to how people talk (held-out set 36)
    ("louder, the water's on", "louder"), ("it's too loud in my ears", "quieter"),
    ("it's too loud in here", "louder"), ("yeah, that's okay", "yes"), ("no, that's okay", "no"),
    ("i'm actually crying in the car park", "crying"),
    ("i'm sitting in the car park", "set_place"), ("i am out walking in the park", "set_place"),
    ("what do you recommend for someone who's half asleep", "suggest_technique"),
    ("i don't know, what do people usually do?", "suggest_technique"),
    ("swap to something else, this is too much with people around", "something_else"),
    ("repeat the bit about breathing", "repeat"),
    # "hold on" as heard over running water, said alone; not inside a sentence
    ("along", "pause"), ("move along", "next"),
])
def test_commands_said_in_the_five_places(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # a first-time user who never read the instructions (held-out set 37)
    ("my friend said you could help me cry, so, here i am", "start_session"),
    ("the one where i just sit and think about how i'm really feeling", "choose_technique"),
    ("not much, maybe 10 minutes", "set_duration"), ("not much", None),
    ("um, okay, i did it, what do i do after that", "next"), ("the what?", "repeat"),
    ("sorry, my mind wandered, what was that last thing you said", "repeat"),
    ("alright, the delivery guy's gone, let's get back into it", "resume"),
    ("okay, unpause it", "resume"), ("is there a list of things i can say", "help"),
    ("you wait please", "pause"),
    ("i've got a pen and paper, i wanna write down how i'm feeling", "choose_technique"),
])
def test_a_first_time_user(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # speaking while already upset, or in plain older English (held-out set 38)
    ("everything's building up and i can't, i can't release it, will you help me",
     "start_session"),
    ("i am wishing to cry but the tears will not come, please help me", "start_session"),
    ("tell me what the different ways are, sorry", "suggest_technique"),
    ("is there something you think would help me cry", "suggest_technique"),
    ("this method does not suit me, i would like another", "something_else"),
    ("sorry, just a few... no, call it seven minutes", "set_duration"),
    ("i must leave in twenty five minutes", "set_duration"),
    ("go back to where we were before, sorry", "back"),
    ("slower, slower, the breaths are too quick", "slower"),
    ("give me more time, slow it right down", "slower"),
    ("can we move quicker through this", "faster"), ("be so good as to speak up", "louder"),
    ("there, i am weeping at last", "crying"),
    ("why do you want me to look at the photos", "explain"),
    ("why is crying good for you, anyway", "explain"), ("what things can i say", "help"),
    ("please tell me how to operate this", "help"),
])
def test_said_while_upset_or_in_plain_english(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("heard, intent", [
    # a word or a start said twice, as heard (held-out set 38, spoken): read once, so a stop
    # clears the recogniser's bar; words doubled on purpose stay ("chop chop", "slowly slowly")
    ("stop stop i can't do this", "stop"), ("i'm i'm in the shower", "set_place"),
    ("i can't i can't release it", "start_session"), ("chop chop", "faster"),
    ("too fast slowly slowly", "slower"),
    # "mm, yes please" heard "i'm am yes please"
    ("i'm am yes please", "yes"),
    # polite tails dropped one by one: "now" belongs to "i want to end now" (set 38, spoken)
    ("i wish to end now thank you kindly", "stop"), ("that's right yes sorry", "yes"),
])
def test_upset_speech_as_heard_reads_clearly(understander, heard, intent):
    found = understander.parse(heard, typed=False)
    assert found.name == intent, heard
    assert found.confidence >= 0.86, heard  # the recogniser's bar for stop, yes, a place


def test_hang_on_heard_high_yawn_is_no_yawning(understander):
    # held-out set 38, spoken (four voices): "hang on" heard "high yawn(s)"
    assert understander.parse("high yawns", typed=False).name == "pause"
    assert understander.parse("i have high yawn about half an hour", typed=False).slots == {
        "minutes": 30}
    assert understander.parse("i'd like the yawn one").slots == {"technique": "yawn"}


def test_a_time_taken_back_is_the_time_meant(understander):
    assert understander.parse("sorry, just a few... no, call it seven minutes").slots == {
        "minutes": 7}


@pytest.mark.parametrize("heard, intent", [
    # "um" heard "i'm" after a first "so" or "okay" too, and a bare "um no" (set 37, spoken)
    ("so i'm what have you got", "suggest_technique"), ("okay i'm what can i say", "help"),
    ("i'm no", "no"), ("okay i am ready", "yes"),
])
def test_an_um_heard_as_im_after_so(understander, heard, intent):
    assert understander.parse(heard, typed=False).name == intent, heard


@pytest.mark.parametrize("heard, intent", [
    # set 41, spoken: "um" heard "i'm" before "you", "i", an answer; "er" heard "are"
    ("i'm you can keep going now", "resume"), ("i'm no not really", "no"),
    ("right i'm i think i need to let it all out", "start_session"),
    ("are louder please", "louder"),
    # a restart with the hesitation between heard as a word
    ("how do i up how do i use this thing", "help"),
    # a Scottish "aye, yeah" heard "i yeah"; a head heard first, then a clear place
    ("i yeah", "yes"), ("i no", "no"), ("show a i'm in the shower", "set_place"),
    # set 40's loosely read commands, read clearly by templates kept out of the grammar
    ("okay i'm done end it there", "stop"), ("no i don't want to call anyone right now", "no"),
    ("hold on a wee minute", "pause"), ("i wanna talk to them", None),
    # what "i'm" can start stays: "i'm okay" is no thanks, "are you there" no command
    ("i'm okay", "no"), ("are you there", None),
])
def test_a_hesitation_heard_as_a_word_says_nothing(understander, heard, intent):
    assert understander.parse(heard, typed=False).name == intent, heard


@pytest.mark.parametrize("heard", [
    "okay i'm done end it there", "no i don't want to call anyone right now",
    "hold on a wee minute"])
def test_commands_read_loosely_before_are_read_clearly(understander, heard):
    # under the recogniser's rescue_below (0.9) the crisis second look looks behind a command:
    # set 40's "okay, i'm done, end it there" was made "some days i wanna end it"
    assert understander.parse(heard, typed=False).confidence >= 0.9, heard


def test_a_van_is_named_with_its_article(understander):
    # "in bed" over running water was heard "in van": the bare phrase is no place now
    assert understander.parse("i'm in the van").slots == {"place": "car"}
    assert understander.parse("in van", typed=False).name is None


@pytest.mark.parametrize("heard, intent", [
    # a word the recogniser did not know, said first: "eish" heard "i if", "i've show"
    # (held-out set 39, spoken); the rest is read as if said alone
    ("i if the tears are coming now thinking about my father", "crying"),
    ("i've show the tears are coming now thinking about my father", "crying"),
    # ... only before a clause of its own: true crises heard wrong stay unread, so the crisis
    # second look still hears them (crisis bench: "i swallowed all my tablets")
    ("i swallowed all in my tablets", None), ("i give on a repeat it", None),
    # ... and never a refusal or someone else's words
    ("no if the tears are coming now thinking about my father", None),
    ("they if the tears are coming now thinking about my father", None),
])
def test_a_word_or_two_heard_first_is_read_without(understander, heard, intent):
    assert understander.parse(heard, typed=False).name == intent, heard
    assert understander.parse(heard).name is None  # typed: what was typed was meant


@pytest.mark.parametrize("heard, intent, slots", [
    # "one" heard "want" last (held-out set 39, spoken), not after who may want
    ("the shower want", "choose_technique", {"technique": "shower"}),
    ("that walking want", "choose_technique", {"technique": "walk"}),
    ("i don't want", "no", {}), ("if you want", None, {}),
    # "session" as the Caribbean voice says it, heard "say short" (sets 36-39)
    ("stop to say short", "stop", {}), ("end say short", "stop", {}),
])
def test_one_and_session_as_heard(understander, heard, intent, slots):
    found = understander.parse(heard, typed=False)
    assert (found.name, found.slots) == (intent, slots), heard


@pytest.mark.parametrize("text, intent, slots", [
    # whole sessions, line by line (held-out set 40): "would you like me to stay while you
    # reach out?" answered, but not the "just stay with it" said after tears
    ("aye, stay with me a minute", "yes", {}), ("yes. please do stay.", "yes", {}),
    ("just stay with it", None, {}),
    # a song found when asked is no minute
    ("right, i have one now, go on", "next", {}),
    ("turn that up some", "louder", {}), ("please speak more loudly", "louder", {}),
    ("volume is too much, reduce it", "quieter", {}), ("it's all too much", None, {}),
    ("sorry, what do i say if i need something?", "help", {}),
    ("perhaps we could do the one about being thankful", "choose_technique",
     {"technique": "gratitude"}),
    ("twenty minutes, more or less", "set_duration", {"minutes": 20}),
    ("i'm at home, in my chair by the fire", "set_place", {"place": "home"}),
])
def test_lines_from_whole_sessions(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


@pytest.mark.parametrize("text, intent, slots", [
    # learners and older speakers (held-out set 42): "please to", "again say", "have need",
    # "am wanting", "does one", "we go", "we was", "not more", and the words read as the
    # templates' (lists.yaml read_as)
    ("please to repeat", "repeat", {}), ("again say", "repeat", {}),
    ("i have need to cry, i have need very much", "start_session", {}),
    ("i am wanting to cry", "start_session", {}),
    ("how does one work this contraption?", "help", {}),
    ("we go further", "next", {}), ("let us go further from where we was", "resume", {}),
    ("five minutes, not more", "set_duration", {"minutes": 5}),
    ("put the volume more high", "louder", {}), ("please to speak more strong", "louder", {}),
    ("i should like to pause", "pause", {}), ("i think not", "no", {}),
    ("yes, why not", "yes", {}), ("nein, no", "no", {}),
    ("play me a melancholy tune from the old days, would you?", "choose_technique",
     {"technique": "music"}),
    ("a bit more briskly, if you please", "faster", {}),
    # ... and what they must not become
    ("what do i do now", "next", {}), ("why does not blinking make the tears come", "explain", {}),
    # an independent tester's everyday wordings (held-out set 43): one thing named twice in a
    # row is one mention; the interruption gone; "that's me for tonight"
    ("give me a few gentle stretches, pigeon pose and that sort of thing", "choose_technique",
     {"technique": "yoga"}),
    ("some gentle stretching, the yoga, if you please", "choose_technique",
     {"technique": "yoga"}),
    ("they've left, you can keep going", "resume", {}), ("whoa, one thing at a time", "slower", {}),
    ("that's me for tonight, i think", "stop", {}),
    ("yes, i'm ready, everyone's out", "yes", {}),
    # speed is not volume: no "the traffic is really loud"
    ("the traffic's really slow on the motorway today", None, {}),
    # younger speakers and people used to other assistants (held-out set 44)
    ("keep it moving", "next", {}), ("run that back", "repeat", {}),
    ("can you whisper it?", "quieter", {}), ("it's hitting, it's really hitting", "crying", {}),
    ("is this like, scientifically a thing?", "explain", {}),
    ("just pick whatever you think is good", "suggest_technique", {}),
    ("take your time with the steps, slower", "slower", {}), ("play.", "resume", {}),
    ("we good, continue", "resume", {}), ("never mind, cancel", "stop", {}),
    ("i'll stare at the wall without blinking, walk me through it", "choose_technique",
     {"technique": "stare"}),
    # ... and what is said to another assistant is for it
    ("alexa, turn off the living room lights", None, {}),
])
def test_learners_and_older_speakers(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


@pytest.mark.parametrize("text, intent, slots", [
    # a command taken back and another said (held-out set 45): the last one meant wins
    ("not slower, faster", "faster", {}), ("i said slower, not stop", "slower", {}),
    ("not stop, i said pause", "pause", {}), ("pause, no, not stop, pause", "pause", {}),
    ("next, no, sorry, say that last bit again", "repeat", {}),
    ("the shower -- no, hang on, the deep breathing one", "choose_technique",
     {"technique": "breathwork"}),
    ("i'm in the shower, no wait, i'm lying in bed", "set_place", {"place": "bed"}),
    ("i said next, not text", "next", {}), ("no wait, not back, next", "next", {}),
    ("uh, no, wait, yes, yes please", "yes", {}), ("don't stop, keep going", "resume", {}),
    ("no, quicker, i said quicker", "faster", {}),
    ("don't wait for me anymore, resume", "resume", {}),
    ("not the next one, the one before this", "back", {}),
    # ... and what takes nothing back: a "not" said of oneself, or of no command
    ("i don't want", "no", {}), ("nah not this one", "something_else", {}),
    # (typed, a control word written last after a comma is read: held-out set 12 says back)
    ("ugh i wasn't ready, back", "back", {}), ("no, not that drawer, the next one down", None, {}),
    ("why does not blinking make the tears come", "explain", {}),
    # what is not so, said for what is wanted; a state left behind is no refusal
    ("you're not loud enough", "louder", {}),
    ("i'm not numb anymore, it's all coming up", "crying", {}),
    ("i am not doing this any more, the tears are rolling", None, {}),
    ("don't stop at the shop, we've got milk", None, {}),
])

def test_a_command_taken_back(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


def test_dont_stop_keep_going_is_taught_to_the_recognisers(understander):
    # set 45's "don't stop, keep going" was heard as the grammar's negated crisis sentences ("i
    # want to stop living", "i don't wanna keep going") by three voices of six; "don't stop"
    # alone stays out (tests/test_listen_pocketsphinx.py: no command from it)
    sentences = set(understander.sentences(limit=10**9))
    assert "do not stop keep going" in sentences and "no keep going" in sentences
    assert "do not stop" not in sentences


@pytest.mark.parametrize("text, intent, slots", [
    # grief and loss (held-out set 46): who or what it is for, said last; grieving asked for
    ("i need a good cry about my brother", "start_session", {}), ("yes please, for her", "yes", {}),
    ("okay, back to it, for her", "resume", {}), ("i'm finally crying for my dog", "crying", {}),
    ("can you help me grieve?", "start_session", {}),
    ("could you slow your voice down?", "slower", {}),
    # ... and talk of the loss that asks nothing
    ("i just feel numb about the funeral", None, {}), ("an hour, for the funeral", None, {}),
    ("the next photo album is in the loft", None, {}),
])
def test_grief_said_with_the_command(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


@pytest.mark.parametrize("text, intent, slots", [
    # answers and commands said while busy (held-out set 47): a place said first, then how it
    # is there; a request said first, then more about it; sounds and words said before it
    ("in the motor, engine off", "set_place", {"place": "car"}),
    ("just at home, nobody else in", "set_place", {"place": "home"}),
    ("tell me a sad story, a really sad one", "choose_technique", {"technique": "sad_story"}),
    ("breathwork, please, nice slow breaths", "choose_technique", {"technique": "breathwork"}),
    ("shh, turn it down, the kids are asleep", "quieter", {}),
    ("sorted, on you go", "resume", {}), ("quicken the pace, mate", "faster", {}),
    ("twenty-ish minutes, give or take", "set_duration", {"minutes": 20}),
    ("i'm greetin', i'm actually greetin'", "crying", {}),
    # a time said beats one a template gives; a place then a hedged time, as heard
    ("two hours i've got the whole evening for me", "set_duration", {"minutes": 120}),
    ("out with the dog twenty minutes or so", "set_place", {"place": "walk", "minutes": 20}),
    # the first minute of a session (held-out set 54): a place said with a time a template
    # reads whole; no place where none is where they are ("an hour before bed")
    ("sitting in the car park at work, twenty minutes till my shift", "set_place",
     {"place": "car", "minutes": 20}),
    ("at home, and i've got the whole evening", "set_place", {"place": "home", "minutes": 120}),
    ("an hour before bed", "set_duration", {"minutes": 60}),
    ("an hour. actually, more like forty-five minutes.", "set_duration", {"minutes": 45}),
    ("i'm on my break, i can't cry. help me.", "start_session", {}),
    ("what's good to do in the car?", "suggest_technique", {}),
    # a QA engineer's acceptance wordings (held-out set 56)
    ("play me something sad.", "choose_technique", {"technique": "music"}),
    ("can we do the one where i talk to myself like i'd talk to a friend?", "choose_technique",
     {"technique": "self_compassion"}),
    ("a little faster would be good.", "faster", {}),
    ("give me a list of commands.", "help", {}),
    ("mate, i need to have a proper bawl and i'm stuck.", "start_session", {}),
    # tears that will not come, then a plea, though the talk reads as nothing (set 54)
    ("it's been a horrible week and i haven't cried once. help me.", "start_session", {}),
    ("i've been numb since the funeral. i'd like to try to cry.", "start_session", {}),
    ("since my wife is gone i cannot cry, you help me?", "start_session", {}),  # (set 42)
    ("my son never cries, please", None, {}),
    ("i'm on my break, fifteen minutes.", None, {}),  # no "i am on(e)" stop (set 54)
    ("sitting in the driver's seat of my car", "set_place", {"place": "car"}),
    # the middle and end of a session (held-out set 55): a request turned to the assistant
    # after talk of someone else; a technique by name, then which kind; a place come back to
    ("right, she's asleep again. let's keep going.", "resume", {}),
    ("she said keep going", None, {}),
    ("let's do some yoga, the hip one.", "choose_technique", {"technique": "yoga"}),
    ("no, not the yoga one, something else", "something_else", {}),
    ("back in bed.", "set_place", {"place": "bed"}),
    ("self-compassion, what's that when it's at home?", "explain", {}),
    ("what even is holotropic breathing?", "explain", {}),
    ("i'm howling here, honestly.", "crying", {}),
    ("hold up, there's a car coming.", "pause", {}),
    # ... and as the recognisers heard it: "alright" as two words, a learner's "little bit"
    ("are right stop the session i've got to go", "stop", {}),
    ("lower the voice little bit please", "quieter", {}),
    ("walking... no wait, i've just sat down in the car.", "set_place", {"place": "car"}),
    # what people say during a step (held-out set 53)
    ("could you maybe, i don't know, slow it a touch?", "slower", {}),
    ("sorry about that, let's pick up where we were", "resume", {}),
    ("skip this one", "next", {}), ("yeah, i'm alright", "yes", {}),
    # plain wordings (held-out set 48)
    ("not this, something else", "something_else", {}), ("okay, start it back up", "resume", {}),
    ("my emotions are all bottled up", "start_session", {}),
    # check-ins and endings (held-out set 49)
    ("goodbye, and thank you for the help", "stop", {}),
    ("okay, that's all i needed, bye", "stop", {}), ("still at home", "set_place",
                                                      {"place": "home"}),
    ("can we rest for a bit?", "pause", {}), ("i'm good now, let's keep at it", "resume", {}),
    ("why does music work for this?", "explain", {}), ("yes o", "yes", {}),
    # techniques described, and asked why they work (held-out set 50)
    ("something with poses that help let old trauma out", "choose_technique",
     {"technique": "yoga"}),
    ("the one where you put your headphones in and let the lyrics get to you",
     "choose_technique", {"technique": "music"}),
    ("why does yawning make your eyes water?", "explain", {}),
    ("run me through the choices", "suggest_technique", {}),
    ("i'm so wound up i want to punch something, a hard workout is what i need",
     "choose_technique", {"technique": "workout"}),
    # frustrated and impatient (held-out set 51): mild swearing and exasperation around it
    ("i'm in the bloody car, where else would i be?", "set_place", {"place": "car"}),
    ("faster, for god's sake", "faster", {}), ("ugh, shut up for a sec", "pause", {}),
    ("not on your life", "no", {}), ("yes. obviously.", "yes", {}),
    ("can you get a freaking move on?", "faster", {}),
    # ... and what is none
    ("my mascara is everywhere now", None, {}),
    ("why does my dad always play sad songs", None, {}),
    ("give me the list of things i can say", "help", {}),
    ("can you pick up milk on the way?", None, {}), ("what was the question", None, {}),
    ("repeat after me, please and thank you", None, {}),
])
def test_said_while_busy_and_plainly(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


@pytest.mark.parametrize("heard", [
    # crisis bench clips as one voice was heard ("i just want it to stop forever", "i don't see
    # a way out"): neither a stop made sure by what it was for, nor a "wait" in talk taken as a
    # repair may read them clearly, or the recogniser's second look for crisis never comes
    "i just want to to stop for a lot", "i don't see you wait out",
])
def test_garbled_crises_stay_loose_readings(understander, heard):
    from assistant.listen.recognizer import Settings
    assert understander.parse(heard, typed=False).confidence < Settings().rescue_below


def test_words_read_as_the_templates_are_not_taught_to_the_recognisers(understander):
    # lists.yaml read_as: understood, but no grammar sentence has them
    sentences = understander.sentences(limit=10**9)
    assert not any("melancholy" in s.split() for s in sentences)
    assert "melancholy" not in understander.vocabulary()


def test_help_me_to_cry_with_talk_after_is_no_call_for_the_commands(understander):
    # "please help me to cry, yaar, my chest feels so heavy" heard "... to crying i you are
    # ..." by four voices (held-out set 39): no clause starts at "me" ("please help | me to"),
    # and no one says "to crying"
    heard = understander.parse("please help me to crying i you are my chest feel so heavy",
                               typed=False)
    assert heard.name == "start_session"
    assert understander.parse("how does breathing help, if you don't mind me asking").name == (
        "explain")
    assert understander.parse("i need proper help").slots == {"technique": "professional_help"}


@pytest.mark.parametrize("said, read", [
    ("the water's on", "the water is on"), ("the kettle's boiling", "the kettle is boiling"),
    ("mum's car", "mum car"), ("mum's wedding ring", "mum wedding ring"),
    ("what's been going on", "what has been going on"),
])
def test_a_nouns_s_is_is_where_no_possession_follows(said, read):
    assert normalise(said, noun_is=True) == read
    # the crisis patterns read the noun alone, as they were written for
    assert normalise("the engine's running") == "the engine running"


def test_a_false_start_at_the_very_end_is_read_too(understander):
    # the reader once looked one word past the end here (IndexError in a bench run)
    assert understander.parse("i'd didn't", typed=False).text == "i'd didn't"


def test_all_of_a_time_is_that_time(understander):
    got = understander.parse("all of twenty five minutes")
    assert (got.name, got.slots) == ("set_duration", {"minutes": 25})


@pytest.mark.parametrize("said, meant", [
    ("thinkin drivin cryin'", "thinking driving crying"), ("goin nothin", "going nothing"),
    # real words that end so, and medicines, stay as they are
    ("begin again in the cabin", "begin again in the cabin"),
    ("my insulin and the gabapentin", "my insulin and the gabapentin"),
    ("i'm fixin to leave", "i am going to leave"),
    ("this one's not working", "this one is not working"),
])
def test_spoken_spellings_are_read_as_the_words(said, meant):
    assert normalise(said) == meant


@pytest.mark.parametrize("text, intent", [
    # typed on a phone in a hurry (held-out set 33): letters swapped, held down or slipped
    ("nxet", "next"), ("pasue", "pause"), ("stpo", "stop"), ("bakc", "back"), ("noo", "no"),
    ("stopppp", "stop"), ("fiftteen minutes", "set_duration"),
    ("what am i supossed to type", "help"), ("crying sooo hard rn", "crying"),
    ("brb", "pause"), ("try a diff technique", "something_else"),
    ("u need to be louder", "louder"),
])
def test_typed_typos_are_mended(understander, text, intent):
    assert understander.parse(text).name == intent, text


def test_only_typos_are_mended(understander):
    # a word that is English is left as typed ("shop" is one letter from "stop"); a
    # recogniser's words are never mended (typed=False), and two words as near mean no guess
    assert understander.parse("i'm at the shop").name != "stop"
    assert understander.parse("stpo", typed=False).name is None
    assert understander._mended("shop") == "shop"
    assert understander._mended("nxet") == "next"


@pytest.mark.parametrize("text, intent", [
    # a stop on the way somewhere is no stop of the session
    ("i need to stop at the shop later", None), ("can you stop at kroger on the way home", None),
    ("we need to stop for gas", None),
    ("stop for today", "stop"), ("can we stop at this point", "stop"), ("stop for a bit", "pause"),
])
def test_an_errand_stop_is_not_the_sessions(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # a "not" after a helper verb with no other value said stays (it had read "i do": yes)
    ("i do not shower", None), ("not the bath, the shower", "set_place"),
    ("not staring, no", "no"),
    # what is stopped, and anger said as a figure of speech (held-out set 65)
    ("i need to stop procrastinating", None), ("i need to stop scrolling for real", None),
    ("i could murder my sister, she used all the hot water", None),
    ("i'm walking on eggshells at home", None),
    # young and casual
    ("too fast, chill", "slower"), ("naur", "no"), ("deadass crying rn", "crying"),
    ("this one is kinda mid, can we try another", "something_else"),
])
def test_young_and_casual_speech_in_the_shower(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # late at night after a drink (held-out set 66): said as slurred, a command written first
    ("c'mon, louder", "louder"), ("wha's next", "next"), ("yeah, s'pose so", "yes"),
    ("pause, lemme find a tissue", "pause"),
    # ... not a "what?" or a "sorry?" said first, nor a command taken back
    ("y'know what, she was a lovely woman", None), ("sorry love, i'll call you after", None),
])
def test_said_late_after_a_drink(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent", [
    # stoic, terse, radio and sports talk (held-out set 67)
    ("stand by", "pause"), ("abort", "stop"), ("up the tempo a bit", "faster"),
    ("reluctantly, yes", "yes"), ("twenty minutes, half a match", "set_duration"),
    # the telly's pause is not the session's; "a wee" is no "a weep"
    ("pause the game, love, i need the loo", None), ("i need a wee", "pause"),
    ("quick, grab the bins before the lorry comes", None),
    # a thing that is not working, then a command: theirs ("the rain won't stop" is not)
    ("this drill isn't working, switch it up", "something_else"), ("the rain won't stop", None),
])
def test_stoic_and_terse(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent, slots", [
    # ill, in pain or caring (held-out set 68): a technique written first, then how they are
    ("the yoga one, gentle, my joints won't take much", "choose_technique", {"technique": "yoga"}),
    ("the breathing one, but gently, my lungs aren't great", "choose_technique",
     {"technique": "breathwork"}),
    ("the yoga one, or maybe the walk", "choose_technique", {"technique": "walk"}),
    # ... or described, then pointed back at
    ("yawning a few times in a row, that technique", "choose_technique", {"technique": "yawn"}),
    ("practising being grateful, i'd like to try that", "choose_technique",
     {"technique": "gratitude"}),
    # one written part read exactly wins over a whole read fuzzily; tears over a "next"
    ("that's done it, i'm crying", "crying", {}),
    ("i'm out walking with the pram, she's asleep", "set_place", {"place": "walk"}),
    # ... but not when the parts disagree, take it back, or one reads as the whole did
    ("i don't have long, maybe three minutes", "set_duration", {"minutes": 3}),
    ("sure, go on then", "yes", {}), ("yes, sorry", "yes", {}),
])
def test_ill_tired_and_caring(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


@pytest.mark.parametrize("text, intent", [
    # said to a child (held-out sets 32, 39, 57 and 69): what the assistant cannot do or have
    ("slow down, you'll fall", None), ("no, you can't have the ipad", None),
    ("stop it, both of you, or no park", None), ("go back upstairs and put your pyjamas on", None),
    ("hurry up, we're late for school", None),
    # ... but said to the assistant
    ("slow down, you're going too fast", "slower"), ("you're going to wake the baby", "quieter"),
    # a machine or a wound stopped is not the session ("pause the drip, it's beeping again")
    ("pause the drip, it's beeping again", None), ("stop the bleeding, press down hard", None),
    ("three quarters of an hour, she's at ballet", "set_duration"),
    # a control said to the assistant last, after talk of the child ("you can carry on")
    ("he's settled again, you can carry on", "resume"),
    # heartbreak and burnout (held-out set 70): a person told to stop, a service paused, a figure
    ("stop texting me, we're done", None), ("pause my subscription", None),
    ("i'm running on fumes this week", None), ("again, i zoned out thinking about him", "repeat"),
    ("sorry mate, i'll ring you back", None),
])
def test_said_to_a_child_or_a_nurse(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, intent, slots", [
    # farms and faith, literal speakers (held-out sets 71 and 72): a technique or a start
    # written last, after what it is for ...
    ("something hard and physical to get the anger out, a proper workout", "choose_technique",
     {"technique": "workout"}),
    ("okay i forgot about this, but i still need to cry, start please", "start_session", {}),
    # ... but not after a refusal, and how to start is what is asked for
    ("not that, the yoga one", "choose_technique", {"technique": "yoga"}),
    ("can we start by making the room cozy and quiet?", "choose_technique",
     {"technique": "set_the_scene"}),
    ("i'm in the land rover, parked up by the gate", "set_place", {"place": "car"}),
])
def test_named_last_and_started_by(understander, text, intent, slots):
    found = understander.parse(text)
    assert (found.name, found.slots) == (intent, slots), text


@pytest.mark.parametrize("text, intent", [
    # older people and veterans (held-out set 73): radio and parade words, hard of hearing
    ("wilco", "yes"), ("endex", "stop"), ("double time", "faster"), ("hold", "pause"),
    ("you'll have to speak up, dear", "louder"),
    ("negative, over", "no"), ("request options, over", "suggest_technique"),
    ("next step, over and out", "next"), ("it's over", None),
    ("could you help an old man have a good cry", "start_session"),
    ("ease your pace a little", "slower"),
    # teenagers (held-out set 74): slang said first, someone gone, laughing
    ("deadass need a good cry", "start_session"),
    ("she's gone to bed, you can carry on", "resume"),
    ("i'm literally dead", None), ("the shower's broken", None),
    # after a shift, and new parents (held-out sets 75 and 76)
    ("that's a no", "no"), ("bring the pace down", "slower"),
    ("just got back to the flat", "set_place"), ("pause the baby monitor", None),
    ("can you stop the bottle warmer", None), ("false alarm, carry on", "resume"),
    # English as a second language (held-out set 77): politeness first, a learner's forms
    ("please, if possible, slower", "slower"), ("excuse me, repeat please", "repeat"),
    ("i agree", "yes"), ("no, it is not correct", "no"), ("one other, please", "something_else"),
    ("you speak more quickly please", "faster"), ("make it bigger, i cannot hear", "louder"),
    ("more quiet voice please", "quieter"), ("i feel the tears now", "crying"),
    ("which words can i say", "help"), ("what ways there are", "suggest_technique"),
    ("i sit in the bath", "set_place"), ("i walk now", "set_place"),
    # students, night workers, bereaved parents (held-out set 78)
    ("defo", "yes"), ("walking home from the graveyard", "set_place"),
    ("i'm crying out for some sleep", None), ("i'm at my parents' house", "set_place"),
    ("i've had a long week, can we start", "start_session"),
    ("i hold everything inside", None), ("i held it together all day, pause a sec", "pause"),
    # survivors, people inside or just out, carers (held-out set 79): a command of up to four
    # words written last after talk
    ("the breathing reminds me of him, i need another one", "something_else"),
    ("sorry, didn't catch that, one more time", "repeat"),
    ("nah, not this. another one", "something_else"), ("no, i don't want another one", "no"),
    ("put a sad song on", "choose_technique"), ("just got under the water now", "set_place"),
    ("what are the different things we can try", "suggest_technique"),
    # breakups, men who do not cry, ADHD, Scots and Northern English (held-out set 80)
    ("slow it down, me head's all over the place", "slower"),
    ("about an hour and a half, she's got the kids till six", "set_duration"),
    ("i didnae catch that", "repeat"), ("can ye go back one, i wasnae done with it", "back"),
    ("give me summat else", "something_else"), ("ye", "yes"),
    # hospice, hearing loss (held-out set 81): a start of up to eight words written last
    ("one of my residents died on my shift, i need to cry for her", "start_session"),
    ("i'm lying in my hospice bed", "set_place"), ("chair yoga", "choose_technique"),
    # Nigerian Pidgin, Indian English (held-out set 82)
    ("no vex, say am again", "repeat"), ("e no dey work o, change am", "something_else"),
    ("abeg take am easy, you dey rush me", "slower"), ("i dey cry o", "crying"),
    ("twenty five minutes sha", "set_duration"), ("no yaar", "no"),
    ("at home itself, nobody is here", "set_place"),
    ("do one thing, play some sad songs", "choose_technique"),
    ("abeg, wetin i fit tell you", "help"), ("i fit in the bath", "set_place"),
    ("i am happy", None), ("the alarm o two", None),
    # Australian, New Zealand and South African English, chronic pain (held-out sets 83, 84)
    ("yebo", "yes"), ("aikona", "no"), ("ag no man", "no"), ("move on hey", "next"),
    ("kia ora. i need help crying", "start_session"), ("i need to go easy on him", None),
    ("i need to go", "stop"), ("the one about being kind to yourself, yeah that one",
                               "choose_technique"),
    ("which one would you do if you were me", "suggest_technique"),
    ("talk it out with a friend", "choose_technique"),
    ("lying on the lounge floor at home, it's better for my back", "set_place"),
    ("the water is really hot", None), ("nah yeah", "yes"), ("yeah nah", "no"),
    ("too easy", "yes"), ("i'm keen", "yes"), ("i'm keen to stop", "stop"),
    # Singapore and Malaysian English, teenagers (held-out sets 85, 86): particles, the "can
    # or not" tag, "can" and "cannot" as answers, "100%"
    ("okay lor", "yes"), ("can", "yes"), ("okay can", "yes"), ("boleh", "yes"),
    ("cannot", "no"), ("tak nak", "no"), ("no need lah", "no"), ("100%", "yes"),
    ("can repeat or not, i didn't catch", "repeat"), ("can talk slower or not", "slower"),
    ("aiyo, crying now", "crying"), ("my eyes getting wet leh", "crying"),
    ("how to use this thing ah", "help"), ("can move on already", "next"),
    ("i don't know what to say to you, what can i tell you to do", "help"),
    ("play some sia songs", "choose_technique"),
    ("i wanna go out for a walk and think, talk me through it", "choose_technique"),
    ("i'm ugly crying and i can't stop", "crying"), ("start", "start_session"),
    ("don't like this one, got other one or not", "something_else"),
    ("got what choices ah?", "suggest_technique"), ("you can do what for me ah?", "help"),
    ("staring at the wall for what ah?", "explain"),
    # Irish English in recovery, Filipino and Hong Kong English (held-out sets 87, 88):
    # particles, Tagalog's yes and no, the CR, the jacks and the bunk, "would you ever"
    ("next po", "next"), ("pause muna, ma'am is calling me", "pause"), ("opo", "yes"),
    ("sige po, go ahead", "yes"), ("hindi po", "no"), ("ayaw, no", "no"),
    ("sige, let's stop here, thank you po", "stop"), ("slowly lang po", "slower"),
    ("i'm in the cr now", "set_place"), ("i'm inside the comfort room po", "set_place"),
    ("in the jacks", "set_place"), ("i'm lying on my bunk", "set_place"),
    ("jumping jacks", None), ("surely", "yes"), ("sound, yeah", "yes"),
    ("whisht, quieter, the child's asleep", "quieter"),
    ("would you ever play a song that'll break me heart", "choose_technique"),
    ("play a hindi song", "choose_technique"),
    # Welsh English (held-out set 89); after a stroke (set 90)
    ("ie", "yes"), ("iawn", "yes"), ("tidy", "yes"), ("aye, that's lush", "yes"),
    ("na, diolch", "no"), ("dim diolch", "no"), ("tidy up the room", None),
    ("in the wet room", "set_place"),
    # Ghanaian and Nigerian English (held-out set 91); Deep South US and Appalachian (set 92)
    ("wetin dey next", "next"), ("this one no dey work o", "something_else"),
    ("e don start, i dey cry", "crying"), ("take am small small", "slower"),
    ("quick quick", "faster"), ("make we start", "start_session"), ("i beg, yes", "yes"),
    ("i beg you, stop", "stop"), ("ehen", "yes"), ("mba", "no"), ("daabi", "no"),
    ("i fit give am ten minutes", "set_duration"), ("yessir", "yes"),
    ("i ain't cried in a year, help me let it out", "start_session"),
    ("hold your horses", "pause"),
    ("i'm through for tonight", "stop"), ("that'll work", "yes"), ("i'm squalling", "crying"),
    # a carer is no car (set 90)
    ("hang on, the carer's at the door", "pause"),
    ("till the carer comes, about twenty minutes", "set_duration"),
    # Scots and Northern English (held-out set 93): greet, a bubble, grat (cry, cried), the
    # Scots negatives, a "hen" said last; not greeting someone, nor a bubble bath
    ("help me have a good bubble", "start_session"),
    ("i need to greet and i cannae", "start_session"),
    ("i've no grat since i was a wean. help me", "start_session"),
    ("i'm greetin' like a wean", "crying"), ("nae chance", "no"), ("whit?", "repeat"),
    ("a wee bit louder, hen", "louder"), ("that'll dae for the night", "stop"),
    ("go and greet your gran at the door", None),
    # East African and British South Asian English (set 94)
    ("ndio", "yes"), ("sawa", "yes"), ("hapana, sitaki", "no"), ("rudia tafadhali", "repeat"),
    ("ngoja kidogo", "pause"), ("polepole", "slower"), ("haraka haraka", "faster"),
    ("haan ji", "yes"), ("inshallah, yes", "yes"), ("wallahi i'm crying", "crying"),
    ("i'm feeling to cry", "crying"),
    ("i have over-cried, my eyes are all swollen", "crying"),
    ("gie's a list of what there is", "suggest_technique"),
    # a technique named, then described with no comma between, as a recogniser gives it
    ("the breathwork where you lie down and take deep quick breaths", "choose_technique"),
    ("the stare one that makes your eyes water", "choose_technique"),
    ("the breathing where i got dizzy, i do not want that", None),
])
def test_radio_parade_and_slang_words(understander, text, intent):
    assert understander.parse(text).name == intent, text


@pytest.mark.parametrize("text, place", [
    # West African and Southern US places (held-out sets 91, 92): a minibus ride, a hostel room,
    # a pickup, the porch, a "done" before the verb
    ("i'm in the trotro", "car"), ("in my hostel room", "home"), ("in my pickup", "car"),
    ("sitting on the back porch", "home"), ("i done got in the bath", "shower"),
    ("sitting in the parlour", "home"), ("i'm trekking home", "walk"),
    ("out in the wheelchair round the block", "walk"),  # (set 90)
    # East African English (set 94): a matatu or a taxi, a bedsitter
    ("i'm in a matatu on thika road", "car"), ("sitting in my taxi", "car"),
    ("i'm in my bedsitter", "home"),
])
def test_places_in_other_englishes(understander, text, place):
    said = understander.parse(text)
    assert (said.name, said.slots.get("place")) == ("set_place", place), text


def test_a_vague_time_then_how_long(understander):
    """"plenty of time, three hours ..." is three hours, not the half hour "plenty" reads."""
    said = understander.parse("plenty of time, three hours before his shift finishes")
    assert (said.name, said.slots) == ("set_duration", {"minutes": 180})
    said = understander.parse("a while, maybe twenty minutes")
    assert (said.name, said.slots) == ("set_duration", {"minutes": 20})


def test_singapore_and_teenage_times_and_places(understander):
    """Held-out sets 85, 86: a tag, a particle, a bus due and a bunk are read for their value."""
    for text, name, slots in [
            ("twenty minutes can or not", "set_duration", {"minutes": 20}),
            ("half hour lor, then she will scream for milk", "set_duration", {"minutes": 30}),
            ("prob like fifteen minutes", "set_duration", {"minutes": 15}),
            ("mum's home in twenty minutes", "set_duration", {"minutes": 20}),
            ("on my bunk bed, my sister's still out", "set_place", {"place": "bed"}),
            ("back seat of my sister's car", "set_place", {"place": "car"}),
            ("i'm pushing the pram around the estate", "set_place", {"place": "walk"})]:
        said = understander.parse(text)
        assert (said.name, said.slots) == (name, slots), text


def test_the_one_refused_is_no_minute(understander):
    """"the yoga one, no, not that one": "not that" refused leaves "one", which is no minute."""
    assert understander.parse("the yoga one, no, not that one").name == "something_else"
    assert understander.parse("not this, the next one").name == "next"
