"""The technique catalogue: every contract technique, safe for its places, written for the ear."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.data import data_dir
from assistant.errors import LetitoutError
from assistant.narration import FAST_PATTERNS, Breath, words_seconds
from assistant.techniques import Catalogue, load_technique

# The technique ids fixed by shared/CONTRACT.md.
CONTRACT_IDS = (
    "set_the_scene", "reflect", "journal", "music", "sad_story", "old_photos", "gratitude",
    "self_compassion", "breathwork", "stare", "yawn", "workout", "yoga", "walk", "shower",
    "confide", "professional_help",
)
# The three seed articles; a technique may only cite these.
SEED_CITATIONS = {
    "How to Start Crying: Step-by-Step Tutorials",
    "wikiHow: How to Make Yourself Cry (Kelli Miller, LCSW)",
    "Women's Health: 10 Ways To Make Yourself Cry",
}
ON_THE_MOVE = {"walk", "car"}
NEVER_ON_THE_MOVE = {"stare", "breathwork", "yoga", "journal", "old_photos", "sad_story"}
QUIET_IN_THE_CAR = {"reflect", "music", "gratitude", "self_compassion", "confide",
                    "professional_help", "set_the_scene"}
COMMAND_WORDS = {"next", "back", "stop", "pause", "resume", "help", "repeat", "yes", "no",
                 "slower", "faster", "louder", "quieter", "explain", "something else"}
PLACE_WORDS = {"shower", "walk", "bed", "home", "car"}
LONGEST_SENTENCE = 25  # words; longer sentences are hard to follow by ear
WORDS_PER_MINUTE = 100  # the planned narration pace (90 to 110)
TECHNIQUES_DIR = data_dir("intents") / "techniques"


def spoken_texts(technique):
    """Everything the assistant may say aloud for a technique."""
    texts = [technique.intro, technique.explain, technique.caution]
    texts += [step.say for step in (*technique.steps, *technique.connected_steps)]
    return [text for text in texts if text]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]


def fixed_seconds(steps, intro: str, caution: str) -> float:
    """Speech, rests and breathing of one run, without the person's own time at ask steps."""
    words = " ".join([caution, intro, *(step.say for step in steps)])
    breaths = sum(Breath(*step.breath).seconds for step in steps if step.breath)
    return words_seconds(words, WORDS_PER_MINUTE) + sum(s.rest for s in steps) + breaths


def test_every_contract_technique_is_in_the_catalogue(catalogue):
    assert sorted(t.id for t in catalogue) == sorted(CONTRACT_IDS)
    assert len(catalogue) == len(CONTRACT_IDS)


@pytest.mark.parametrize("tid", CONTRACT_IDS)
def test_technique_has_enough_steps_and_cites_only_the_seed_articles(catalogue, tid):
    technique = catalogue[tid]
    assert len(technique.steps) >= 3
    assert technique.sources
    assert set(technique.sources) <= SEED_CITATIONS, technique.sources


@pytest.mark.parametrize("tid", sorted(NEVER_ON_THE_MOVE))
def test_eyes_closed_screen_and_floor_techniques_are_never_offered_on_the_move(catalogue, tid):
    assert not ON_THE_MOVE & set(catalogue[tid].places)


def test_the_car_only_gets_quiet_sitting_techniques(catalogue):
    in_car = {t.id for t in catalogue if "car" in t.places}
    assert in_car <= QUIET_IN_THE_CAR
    assert "parked" in " ".join(step.say for step in catalogue["confide"].steps)


def test_the_shower_has_no_screens_and_only_slow_breathing(catalogue):
    for technique in catalogue:
        if "shower" not in technique.places:
            continue
        assert "screen" not in technique.needs, technique.id
        fast = [s for s in technique.steps if s.breath and s.breath[0] in FAST_PATTERNS]
        assert not fast, technique.id


def test_fast_breathing_lives_only_in_breathwork_connected_steps(catalogue):
    for technique in catalogue:
        assert not [s for s in technique.steps if s.breath and s.breath[0] in FAST_PATTERNS]
        if technique.id != "breathwork":
            assert not technique.connected_steps, technique.id


def test_connected_breathing_is_short_checked_in_stoppable_and_ends_slow(catalogue):
    steps = catalogue["breathwork"].connected_steps
    rounds = [s for s in steps if s.breath and s.breath[0] in FAST_PATTERNS]
    assert len(rounds) >= 2
    for round_ in rounds:
        assert Breath(*round_.breath).seconds <= 120  # a minute or two at a time
    for before, after in zip(rounds, rounds[1:], strict=False):
        between = steps[steps.index(before) + 1:steps.index(after)]
        assert any(s.ask for s in between), "a check-in between rounds"
    text = " ".join(s.say for s in steps).lower()
    assert "say stop" in text and "normal breathing" in text and "lie on your back" in text
    assert text.count("recommended") == 1  # supervision is advised, said once and kindly
    last_breath = [s for s in steps if s.breath][-1]
    assert last_breath.breath[0] not in FAST_PATTERNS


def test_walk_shower_and_workout_stay_where_they_make_sense(catalogue):
    assert set(catalogue["walk"].places) <= {"walk", "home"}
    assert set(catalogue["shower"].places) <= {"shower", "home"}
    assert not {"car", "shower"} & set(catalogue["workout"].places)


def test_nothing_asks_to_close_the_eyes_on_the_move(catalogue):
    for technique in catalogue:
        if ON_THE_MOVE & set(technique.places):
            assert "eyes_closed" not in technique.needs, technique.id
            for text in spoken_texts(technique):
                assert "close your eyes" not in text.lower(), technique.id


@pytest.mark.parametrize("tid", CONTRACT_IDS)
def test_every_spoken_line_is_easy_to_follow_by_ear(catalogue, tid):
    for text in spoken_texts(catalogue[tid]):
        assert not re.search(r"[()\[\]{}<>*_#/\\\"|]|https?:|www\.|\d", text), text
        for sentence in sentences(text):
            assert len(sentence.split()) <= LONGEST_SENTENCE, sentence


@pytest.mark.parametrize("tid", CONTRACT_IDS)
def test_minutes_leave_room_for_what_is_said_and_the_quiet(catalogue, tid):
    technique = catalogue[tid]
    least, most = technique.minutes
    for steps in (technique.steps, technique.connected_steps):
        if steps:
            seconds = fixed_seconds(steps, technique.intro, technique.caution)
            # The session offers a technique when its least minutes fit the time the person
            # has, so the spoken part alone must fit in that (a minute of slack for pacing).
            assert seconds <= least * 60 + 60, f"{tid}: {seconds / 60:.1f} min planned"
            assert seconds <= most * 60, f"{tid}: {seconds / 60:.1f} min planned"


def test_names_are_plain_distinct_and_never_a_command_or_a_place(catalogue):
    owner: dict[str, str] = {}
    for tid, names in catalogue.names().items():
        assert len(names) >= 5, tid
        for name in names:
            assert re.fullmatch(r"[a-z]+( [a-z]+)*", name), name
            assert name not in COMMAND_WORDS and name not in PLACE_WORDS, name
            assert owner.setdefault(name, tid) == tid, f"'{name}' names {owner[name]} and {tid}"


def test_reflex_tear_techniques_say_they_are_not_an_emotional_cry(catalogue):
    for tid in ("stare", "yawn"):
        explain = catalogue[tid].explain.lower()
        assert "reflex" in explain and "not an emotional cry" in explain
        assert catalogue[tid].caution


def test_journal_takes_a_spoken_letter_and_keeps_it_only_if_asked(catalogue):
    steps = catalogue["journal"].steps
    dictation = [s for s in steps if s.dictation]
    assert len(dictation) == 1 and "done" in dictation[0].say
    before = " ".join(s.say for s in steps[:steps.index(dictation[0])]).lower()
    assert "save" in before and "read it back" in before
    assert steps.index(dictation[0]) < len(steps) - 1


def test_cautions_come_before_the_demanding_techniques(catalogue):
    for tid in ("stare", "yawn", "workout", "breathwork"):
        assert catalogue[tid].caution, tid
    assert "five minutes" in catalogue["shower"].caution


def test_no_technique_claims_to_be_therapy(catalogue):
    for technique in catalogue:
        for text in spoken_texts(technique):
            assert not re.search(r"\bI am (a|your) therapist\b|\bthis is therapy\b", text, re.I)
    assert "not a therapist" in catalogue["professional_help"].explain


def test_techniques_command_lists_every_technique_as_json():
    done = subprocess.run([sys.executable, "-m", "assistant", "techniques", "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert sorted(item["id"] for item in listed) == sorted(CONTRACT_IDS)
    for item in listed:
        assert {"id", "title", "places", "steps", "sources"} <= set(item)
        assert isinstance(item["steps"], int) and item["steps"] >= 3


def test_techniques_command_prints_one_technique_a_line():
    done = subprocess.run([sys.executable, "-m", "assistant", "techniques"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(CONTRACT_IDS)
    assert lines[0].split()[0] == CONTRACT_IDS[0] and "Set the scene" in lines[0]


# ---- a broken technique file is named with its line ----------------------------------------

def broken_copy(tmp_path: Path, tid: str, old: str, new: str) -> Path:
    text = (TECHNIQUES_DIR / f"{tid}.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{tid}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)


def test_bad_yaml_names_the_file_and_line(tmp_path):
    path = broken_copy(tmp_path, "yawn", "places: [home, bed, shower]", "places: [home, bed")
    with pytest.raises(LetitoutError) as caught:
        Catalogue.load(tmp_path)
    assert re.search(rf"{re.escape(str(path))}:\d+: .*fix the YAML", str(caught.value))


def test_unknown_place_names_the_file_line_and_place(tmp_path):
    path = broken_copy(tmp_path, "music", "places: [home,", "places: [kitchen, home,")
    with pytest.raises(LetitoutError) as caught:
        load_technique(path)
    message = str(caught.value)
    assert re.search(r"music\.yaml:\d+", message) and "kitchen" in message


def test_too_few_steps_names_the_file(tmp_path):
    text = (TECHNIQUES_DIR / "stare.yaml").read_text(encoding="utf-8")
    head = text[:text.index("steps:")]
    path = tmp_path / "stare.yaml"
    path.write_text(head + 'steps:\n  - say: "Look at the wall."\n  - say: "Blink."\n')
    with pytest.raises(LetitoutError, match=r"stare\.yaml:\d+: 'steps' must be a list of at le"):
        Catalogue.load(tmp_path)


def test_misspelt_step_field_points_at_that_step(tmp_path):
    path = broken_copy(tmp_path, "reflect", "    rest: 30\n", "    rests: 30\n")
    with pytest.raises(LetitoutError) as caught:
        load_technique(path)
    step_line = line_of(path, "rests: 30") - 1  # the step mapping starts on its 'say' line
    assert f"reflect.yaml:{step_line}:" in str(caught.value) and "rests" in str(caught.value)


def test_misspelt_top_level_field_is_an_error_not_ignored(tmp_path):
    path = broken_copy(tmp_path, "stare", "caution:", "cuation:")
    with pytest.raises(LetitoutError, match=r"stare\.yaml:\d+: unknown field 'cuation'"):
        load_technique(path)


def test_unknown_breath_pattern_names_the_step(tmp_path):
    path = broken_copy(tmp_path, "breathwork", "pattern: sigh", "pattern: gasp")
    with pytest.raises(LetitoutError, match=r"breathwork\.yaml:\d+: 'breath' needs a known"):
        load_technique(path)


def test_a_valid_copy_loads_from_any_folder(tmp_path):
    shutil.copy(TECHNIQUES_DIR / "walk.yaml", tmp_path / "walk.yaml")
    loaded = Catalogue.load(tmp_path)
    assert [t.id for t in loaded] == ["walk"]
