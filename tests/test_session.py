"""The guided session, typed, on the virtual clock, with the real catalogue and understanding."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.safety import BANNED_ON_THE_MOVE
from assistant.techniques import TECHNIQUE_IDS

CRISIS = "I want to kill myself"


def first_allowed_place(technique):
    for place in ("home", "bed", "shower", "walk", "car"):
        if place in technique.places:
            return place
    raise AssertionError(technique.id)


def walk_to_end(s, limit=80):
    """Say next until the technique is over; returns the number of turns taken."""
    for n in range(limit):
        if s.state not in ("step", "crying", "dictation", "readback", "save_letter"):
            return n
        if s.state == "dictation":
            s.say("I'm done")
        elif s.state in ("readback", "save_letter"):
            s.say("no")
        else:
            s.say("next")
    raise AssertionError(f"technique did not end within {limit} turns (state {s.state})")


def test_help_me_let_it_out_gets_a_warm_short_answer_and_asks_place_and_time(text_session):
    s = text_session()
    said = " ".join(s.say("help me let it out"))
    assert "where are you" in said.lower()
    assert "time" in said.lower()
    assert len(said.split()) < 45, "the opening should be short"
    assert s.types("intent")[-1]["intent"] == "start_session"


def test_place_and_time_lead_to_a_suggestion_that_is_safe_there(text_session, catalogue):
    s = text_session()
    s.say("help me let it out")
    said = " ".join(s.say("I'm in the shower and I have five minutes"))
    assert s.state == "suggest"
    offered = catalogue[s.session.offered[0]]
    assert "shower" in offered.places
    assert offered.title in said


@pytest.mark.parametrize("tid", TECHNIQUE_IDS)
def test_every_technique_can_be_asked_for_by_name_and_walked_to_aftercare(text_session,
                                                                         catalogue, tid):
    technique = catalogue[tid]
    s = text_session(place=first_allowed_place(technique), minutes=30)
    s.say("help me let it out")
    s.say(f"can we do {technique.names[0]}")
    if s.state == "health":
        s.say("not sure")
    assert [e["id"] for e in s.types("technique")] == [tid]
    walk_to_end(s)
    indices = [e["index"] for e in s.types("step") if e["technique"] == tid]
    place = s.session.place
    here = [step for step in technique.steps if not step.only_in or place in step.only_in]
    assert indices == list(range(len(here)))
    assert s.state == "aftercare"
    said = " ".join(e["text"] for e in s.types("say")[-2:]).lower()
    assert "water" in said


def test_breathwork_in_bed_asks_the_health_check_and_no_gives_connected_breathing(
        text_session, catalogue):
    s = text_session(place="bed", minutes=20)
    s.say("help me let it out")
    said = " ".join(s.say("breathwork please")).lower()
    assert "epilepsy" in said and "pregnant" in said and "glaucoma" in said
    assert "psychosis" in said and "surgery" in said and "blood pressure" in said
    assert not s.types("technique"), "nothing starts before the answer"
    s.say("no")
    assert s.session.progress.connected
    walk_to_end(s)
    patterns = {e["pattern"] for e in s.types("breath")}
    assert "connected" in patterns


@pytest.mark.parametrize("answer", ["yes", "I'm not sure", None, "I have asthma"])
def test_breathwork_health_check_yes_or_unsure_means_slow_breathing_only(text_session, answer):
    s = text_session(place="bed", minutes=20)
    s.say("help me let it out")
    s.say("let's do some breathing")
    s.say(answer)
    if s.state == "health":
        s.say(answer)
    assert not s.session.progress.connected
    walk_to_end(s)
    assert "connected" not in {e["pattern"] for e in s.types("breath")}


@pytest.mark.parametrize("place", ["shower", "home", "walk", "car"])
def test_connected_breathing_never_happens_outside_bed(text_session, place):
    s = text_session(place=place, minutes=20)
    s.say("help me let it out")
    s.say("breathwork")
    if s.state == "health":
        pytest.fail("the fast-breathing health check should only come where lying down")
    walk_to_end(s)
    assert "connected" not in {e["pattern"] for e in s.types("breath")}


def test_stop_during_connected_breathing_returns_to_normal_breathing_first(text_session):
    s = text_session(place="bed", minutes=20)
    s.say("help me let it out")
    s.say("breathwork")
    s.say("no")
    said = s.say("stop")
    assert said[0].lower().startswith("breathe normally")
    assert s.types("end")[-1]["reason"] == "stop"


@pytest.mark.parametrize("place", ["walk", "car"])
@pytest.mark.parametrize("tid", sorted(BANNED_ON_THE_MOVE))
def test_banned_techniques_never_start_on_the_move_even_when_asked(text_session, catalogue,
                                                                   place, tid):
    s = text_session(place=place, minutes=30)
    s.say("help me let it out")
    said = " ".join(s.say(f"I want to try {catalogue[tid].names[0]}"))
    assert tid not in [e["id"] for e in s.types("technique")]
    assert "isn't safe" in said


def test_place_change_mid_technique_stops_an_unsafe_one(text_session):
    s = text_session(place="home", minutes=30)
    s.say("help me let it out")
    s.say("the staring exercise")
    assert s.types("technique")[-1]["id"] == "stare"
    steps_before = len(s.types("step"))
    said = " ".join(s.say("I'm in the car now"))
    assert "isn't safe" in said
    assert s.session.progress is None
    assert len(s.types("step")) == steps_before


def test_a_technique_named_with_a_place_meets_that_place_gate(text_session):
    # "the staring one, in the car": the place rides along with the choice and is heard first
    s = text_session()
    s.say("help me let it out")
    said = " ".join(s.say("the staring one, in the car"))
    assert s.session.place == "car"
    assert "isn't safe" in said
    assert not s.types("technique"), "staring was started in a car"
    s = text_session()
    s.say("help me let it out")
    s.say("the yawning one, lying down")
    assert s.session.place == "bed"
    assert s.types("technique")[-1]["id"] == "yawn"


def test_asking_what_works_with_a_new_place_ends_a_technique_unsafe_there(text_session):
    s = text_session(place="home", minutes=30)
    s.say("help me let it out")
    s.say("the staring exercise")
    assert s.types("technique")[-1]["id"] == "stare"
    said = " ".join(s.say("what is best for me now, in the car"))
    assert s.session.place == "car"
    assert s.session.progress is None
    assert "isn't safe" in said
    assert "stare" not in s.session.offered


def test_the_session_never_suggests_the_same_technique_twice(text_session):
    s = text_session(place="home", minutes=60)
    s.say("help me let it out")
    offered = []
    for _ in range(20):
        if s.state != "suggest":
            break
        offered.append(s.session.offered[0])
        s.say("something else")
    assert offered and len(offered) == len(set(offered))


def test_crying_gets_support_and_space_not_a_next_step(text_session):
    s = text_session(place="bed", minutes=30)
    s.say("help me let it out")
    s.say("reflection")
    steps = len(s.types("step"))
    said = " ".join(s.say("I'm crying")).lower()
    assert "let it come" in said or "tears" in said or "right here" in said
    assert len(s.types("step")) == steps
    s.say(None)  # silence while crying is fine
    s.say(None)
    assert len(s.types("step")) == steps and s.state == "crying"
    s.say("next")
    assert len(s.types("step")) == steps + 1


def test_someone_gone_moves_nothing_on_outside_a_pause(text_session):
    # "she's gone" ends an interruption in a pause; while crying, or mid-step, it is more
    # likely a death, and the step must stay where it is
    s = text_session(place="bed", minutes=30)
    s.say("help me let it out")
    s.say("reflection")
    steps = len(s.types("step"))
    s.say("I'm crying")
    s.say("she's gone")
    s.say("he's gone now")
    assert s.state == "crying" and len(s.types("step")) == steps
    s.say("next")
    assert len(s.types("step")) == steps + 1
    s.say("pause")
    s.say("okay, she's gone")
    assert s.state == "step" and len(s.types("step")) == steps + 2  # the same step again
    index = s.types("step")[-1]["index"]
    s.say("they've gone, carry on")  # asked to go on: that is next outside a pause
    assert s.types("step")[-1]["index"] == index + 1


def test_silence_in_a_rest_moves_on_and_silence_after_a_question_reprompts_once(text_session):
    s = text_session(place="home", minutes=30)
    s.say("help me let it out")
    assert s.state == "suggest"
    first = s.say(None)
    assert first, "one gentle reprompt"
    assert s.say(None) == [], "then wait quietly"
    assert s.say(None) == []
    assert not s.types("end"), "silence alone never ends the session"
    s.say("yes")
    step = s.session.progress.steps[0]
    before = len(s.types("step"))
    s.say(None)
    if not step.ask:
        assert len(s.types("step")) == before + 1


def test_global_commands_work_mid_step(text_session, catalogue):
    s = text_session(place="home", minutes=30)
    s.say("help me let it out")
    s.say("yes")
    step = s.types("step")[-1]
    repeated = s.say("say that again")
    assert repeated and repeated[-1] == s.session.last_said[-1].text
    pace = s.session.pace
    s.say("slower please")
    assert s.session.pace > pace and s.session.rate >= 0.9
    s.say("louder")
    assert s.session.volume > 0.8
    help_text = " ".join(s.say("what can I say")).lower()
    assert "next" in help_text and "stop" in help_text
    assert s.say("why does this help")
    assert " ".join(s.say("why would staring at a wall help")) == catalogue["stare"].explain
    s.say("pause")
    assert s.state == "paused"
    assert s.say(None) == []
    s.say("resume")
    assert s.state == "step" and s.types("step")[-1]["index"] == step["index"]
    # "go on" reads as next: in a pause it resumes the same step, it skips nothing
    s.say("pause")
    s.say("go on")
    assert s.state == "step" and s.types("step")[-1]["index"] == step["index"]
    s.say("next")
    assert s.types("step")[-1]["index"] == step["index"] + 1
    s.say("go back")
    assert s.types("step")[-1]["index"] == step["index"]


def test_slower_never_slows_the_voice_below_point_nine(text_session):
    s = text_session(place="home")
    for _ in range(8):
        s.say("slower")
    assert s.session.rate >= 0.9
    assert s.session.pace <= 2.0


def reach(text_session, state):
    """A session brought to `state` by what a person would say."""
    if state in ("journal_dictation", "readback", "save_letter"):
        s = text_session(place="home", minutes=30)
        s.say("help me let it out")
        s.say("let's do journaling")
        while s.state != "dictation":
            s.say("next")
        if state == "journal_dictation":
            return s
        s.say("Dear Sam, I miss you every day.")
        s.say("I'm done")
        if state == "readback":
            return s
        s.say("yes")
        return s
    s = text_session(place="bed" if state == "health" else None)
    if state == "idle":
        return s
    s.say("help me let it out")
    if state == "ask_place":
        return s
    if state == "health":
        s.say("breathwork")
        return s
    s.say("I'm at home")
    if state == "ask_minutes":
        return s
    s.say("twenty minutes")
    if state == "suggest":
        return s
    s.say("yes")
    if state == "step":
        return s
    if state == "crying":
        s.say("I'm crying")
        return s
    if state == "paused":
        s.say("pause")
        return s
    walk_to_end(s)
    assert state == "aftercare"
    return s


STATES = ["idle", "ask_place", "ask_minutes", "suggest", "health", "step", "crying", "paused",
          "journal_dictation", "readback", "save_letter", "aftercare"]


@pytest.mark.parametrize("state", STATES)
def test_crisis_wins_from_every_state(text_session, state):
    s = reach(text_session, state)
    steps = len(s.types("step"))
    said = " ".join(s.say(CRISIS))
    assert "988" in said
    assert "911" in said
    assert "stay" in said.lower()
    assert "therap" not in said.lower() or "not" in said.lower()
    assert s.session.progress is None
    assert s.state == "crisis"
    # Nothing cathartic comes back: not on "next", not on a request by name.
    s.say("next")
    s.say("let's do the staring exercise")
    assert len(s.types("step")) == steps


@pytest.mark.parametrize("state", STATES)
def test_stop_ends_the_session_from_every_state(text_session, state):
    s = reach(text_session, state)
    said = " ".join(s.say("stop"))
    if s.state == "save_before_stop":
        said = " ".join(s.say("no"))
    assert s.types("end")[-1]["reason"] == "stop"
    assert "take care" in said.lower()
    assert "988" not in said, "an ordinary goodbye is not a crisis message"
    assert s.session.ended


def test_im_done_ends_a_step_inside_one_and_the_session_elsewhere(text_session):
    # Said alone, "i'm done" is stop (most testers meant it so); inside a step it is the step
    # done: going on by mistake costs less than losing the session by mistake.
    s = reach(text_session, "step")
    steps = len(s.types("step"))
    s.say("I'm done")
    assert not s.session.ended and len(s.types("step")) == steps + 1
    s.say("i'm done for today")
    assert s.session.ended and s.types("end")[-1]["reason"] == "stop"
    s = reach(text_session, "aftercare")
    s.say("i'm finished, thank you")
    assert s.session.ended


def test_crisis_wins_over_stop_in_the_same_breath(text_session):
    s = reach(text_session, "step")
    said = " ".join(s.say("stop, I want to end my life"))
    assert "988" in said and s.state == "crisis"


def _crisis_from(where: str, text: str):
    from assistant.understand import Intent

    return Intent("crisis", {}, 1.0, text, details={"crisis_from": where})


def test_a_crisis_the_recogniser_read_from_misheard_words_wins(text_session):
    # "i want to die right now" heard "i want to tonight right now": the words alone read
    # as stop; the recogniser's reading back is crisis, and crisis wins
    s = reach(text_session, "step")
    said = " ".join(s.say("i want to tonight right now",
                          _crisis_from("read_back", "i want to tonight right now")))
    assert "988" in said and s.state == "crisis" and not s.session.ended


def test_what_the_recogniser_understood_fills_in_where_the_words_read_as_nothing(text_session):
    from assistant.understand import Intent

    s = reach(text_session, "step")
    index = s.session.progress.index
    s.say("a the off all got there", Intent("next", {}, 0.9, "next"))  # words: no intent
    assert s.session.progress.index == index + 1
    # and never overrules what the words plainly say
    s.say("pause", Intent("next", {}, 0.9, "next"))
    assert s.state == "paused"


@pytest.mark.parametrize("where", ["rescue", "runner_up", "read_back"])
def test_an_unsure_crisis_gives_every_support_and_carry_on_goes_back_later(text_session, where):
    s = reach(text_session, "step")
    technique, index = s.session.progress.technique.id, s.session.progress.index
    steps = len(s.types("step"))
    said = " ".join(s.say("i need to stab myself", _crisis_from(where, "i need to stab myself")))
    # the same support as any crisis: the exercise stops, the line, the emergency number,
    # the offer to stay; and the words own that it may have misheard
    assert "988" in said and "911" in said and "stay" in said.lower()
    assert "misheard" in said.lower() and "carry on" in said.lower()
    assert s.state == "crisis" and s.session.progress is None
    said = " ".join(s.say("carry on"))
    assert "988" in said  # the line, once more
    assert s.state == "paused" and len(s.types("step")) == steps  # nothing resumes this turn
    s.say("next")
    assert s.state == "step" and len(s.types("step")) == steps + 1
    assert (s.session.progress.technique.id, s.session.progress.index) == (technique, index)


def test_after_a_plain_crisis_carry_on_never_goes_back(text_session):
    s = reach(text_session, "step")
    steps = len(s.types("step"))
    s.say("i need to stab myself", _crisis_from("rescue", "i need to stab myself"))
    s.say(CRISIS)  # then said plainly (typed: sure)
    said = " ".join(s.say("carry on"))
    assert s.state == "crisis" and "988" in said
    s.say("next")
    assert len(s.types("step")) == steps
    # typed crisis words are sure: no "carry on" offered
    t = reach(text_session, "step")
    assert "misheard" not in " ".join(t.say(CRISIS)).lower()
    t.say("carry on")
    assert t.state == "crisis"


def test_crisis_line_follows_the_country(text_session):
    s = text_session(country="GB")
    assert "116 123" in " ".join(s.say("I don't want to be alive anymore"))
    s = text_session(country="FR")
    assert "112" in " ".join(s.say("I want to die"))


def test_journal_letter_is_read_back_and_saved_privately_only_when_asked(text_session, tmp_path):
    from assistant import journal

    s = reach(text_session, "journal_dictation")
    s.say("Dear Dad, I never got to say goodbye.")
    s.say("I wish I had called you that night.")
    s.say("I'm done")
    said = " ".join(s.say("yes please"))
    assert "I never got to say goodbye" in said and "I wish I had called you" in said
    assert journal.entries() == []
    s.say("yes")
    [saved] = journal.entries()
    assert "I wish I had called you that night." in saved.read_text()
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    # The saved event says that a letter was kept, never what it says.
    assert all("goodbye" not in json.dumps(e) for e in s.types("journal_saved"))


def test_journal_letter_is_not_kept_when_the_person_says_no(text_session):
    from assistant import journal

    s = reach(text_session, "save_letter")
    s.say("no")
    assert journal.entries() == []


def test_stop_in_the_middle_of_a_letter_asks_before_anything_is_lost(text_session):
    from assistant import journal

    s = reach(text_session, "journal_dictation")
    s.say("I am so angry that you left.")
    said = " ".join(s.say("stop"))
    assert "keep" in said.lower() and not s.session.ended
    s.say("yes")
    assert s.session.ended
    assert "angry that you left" in journal.entries()[0].read_text()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(["walk", "car", "shower"]),
       utterances=st.lists(st.sampled_from([
           "help me let it out", "yes", "no", "next", "something else", "stare at the wall",
           "let's do yoga", "journal", "old photos", "sad movie", "breathwork", "box breathing",
           "holotropic breathing", "I'm crying", "pause", "resume", "what else can we do",
           "I'm in the shower", "I'm walking", "I'm in the car", "ten minutes", None, "slower",
           "the staring one", "write a letter", "look at pictures", "read a sad story",
       ]), min_size=1, max_size=25))
def test_random_conversations_never_start_a_technique_banned_for_the_place(
        text_session, catalogue, place, utterances):
    from assistant.safety import technique_allowed

    s = text_session(place=place, minutes=30)
    started = []  # (technique, place in force at that moment)
    s.events.subscribe(lambda e: started.append((e["id"], s.session.place))
                       if e["type"] == "technique" else None)
    for text in utterances:
        s.say(text)
        if s.session.ended:
            break
    for tid, where in started:
        assert technique_allowed(catalogue[tid], where), (tid, where)
    assert not [e for e in s.types("breath") if e["pattern"] == "connected"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.text(max_size=60), max_size=15))
def test_odd_input_lines_never_crash_a_session(text_session, lines):
    s = text_session()
    for line in lines:
        s.say(line)


def run_cli(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, text=True,
                          capture_output=True, timeout=120)


def test_text_session_command_writes_contract_events(tmp_path):
    events = tmp_path / "events.jsonl"
    script = "help me let it out\nI'm in bed\nten minutes\nyes\n\nnext\nI'm crying\n\nstop\n"
    result = run_cli("session", "--text", "--time-scale", "0", "--events", str(events),
                     stdin=script)
    assert result.returncode == 0, result.stderr
    assert "where are you" in result.stdout.lower()
    lines = [json.loads(line) for line in events.read_text().splitlines()]
    types = {e["type"] for e in lines}
    assert {"say", "heard", "intent", "technique", "step", "end"} <= types
    assert all(isinstance(e["t"], int | float) for e in lines)
    times = [e["t"] for e in lines]
    assert times == sorted(times)
    assert lines[-1] == {**lines[-1], "type": "end", "reason": "stop"}


def test_end_of_input_ends_the_text_session_cleanly():
    result = run_cli("session", "--text", "--time-scale", "0", stdin="help me let it out\n")
    assert result.returncode == 0, result.stderr
    assert "take care" in result.stdout.lower()


def test_steps_for_another_place_are_left_out(text_session):
    s = text_session(place="shower", minutes=5)
    s.say("help me let it out")
    said = " ".join(s.say("cry in the shower"))
    assert "Step into the shower" not in said
    s = text_session(place="home", minutes=5)
    s.say("help me let it out")
    assert "Step into the shower" in " ".join(s.say("cry in the shower"))


def test_a_patient_step_waits_through_a_song_without_reminders(text_session, catalogue):
    s = text_session(place="home", minutes=20)
    s.say("help me let it out")
    s.say("sad music")
    while not s.session.progress.steps[s.session.progress.index].patient:
        s.say("next")
    index = s.types("step")[-1]["index"]
    for _ in range(5):
        assert s.say(None) == []
    assert s.types("step")[-1]["index"] == index


def play_turn(s, turn) -> str:
    before = len(s.types("say"))
    s._play(turn, s.output, s.clock, s.events, s.session)
    return " ".join(e["text"] for e in s.types("say")[before:])


def test_a_lost_microphone_pauses_the_letter_and_keeps_every_word(text_session):
    from assistant import journal

    s = reach(text_session, "journal_dictation")
    s.say("Dear Mum, the garden is full of your roses.")
    said = play_turn(s, s.session.device_lost())
    assert "microphone" in said.lower() and s.state == "paused"
    said = play_turn(s, s.session.device_back())
    assert "resume" in said.lower() and s.state == "paused"
    s.say("resume")
    assert s.state == "dictation"
    s.say("I still talk to them every morning.")
    s.say("I'm done")
    said = " ".join(s.say("yes please"))
    assert "full of your roses" in said and "every morning" in said
    assert journal.entries() == []  # nothing is written until the person says so


def test_a_lost_microphone_mid_breathing_brings_breathing_back_to_normal_first(text_session):
    s = text_session(place="bed", minutes=30)
    s.say("help me let it out")
    s.say("breathwork")
    s.say("no")  # the health check: nothing that rules fast breathing out
    while not (s.session.progress and s.session.progress.connected):
        s.say("next")
    said = play_turn(s, s.session.device_lost())
    assert said.index("normal") < said.index("microphone")
    assert s.state == "paused"


def test_a_time_said_before_the_request_is_kept(text_session):
    s = text_session()
    s.say("help me let it out")
    s.say("i'm at home")
    s.say("i have two minutes so let's do the yawning one")
    assert s.session.minutes == 2
    assert s.types("intent")[-1]["intent"] == "choose_technique"
