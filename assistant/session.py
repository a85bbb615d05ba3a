"""The dialogue manager: from "help me let it out" to the last goodbye.

A plain state machine. ``start()`` and ``handle(text | None)`` return a Turn: what to say, rest
and breathe, and how to listen next. ``None`` means the person said nothing in the listening
window. The session never touches audio or time itself, so the same logic runs typed, spoken,
and in tests on a virtual clock.

Order of precedence for every utterance: crisis, then the global commands, then the state.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant import journal, safety
from assistant.data import data_dir, load_yaml
from assistant.events import Events
from assistant.narration import Breath, Listen, Say, Turn
from assistant.speak.timeline import Pacing
from assistant.techniques import PLACES, Catalogue, Step, Technique
from assistant.templates import normalise
from assistant.understand import Intent, Understander

# Crisis readings the recogniser found only on a second look (Intent.details["crisis_from"]):
# read back from soundalike words, in a runner-up hypothesis, or decoded again against the
# crisis sentences. Typed words and crisis words heard as such are sure.
UNSURE_CRISIS = frozenset({"read_back", "runner_up", "rescue"})
# "i'm done" said alone reads as stop (as nine of ten testers meant it), but inside a step or a
# letter it is that step or letter done: losing the session by mistake is worse than going on.
_BARE_DONE = re.compile(r"((okay|ok|right|all right) )?i am (all )?(done|finished)"
                        r"( thanks| thank you)?")
# A resume that only says someone has gone, and the words that ask to go on (_only_gone).
_GONE = re.compile(r"\b(gone|left)\b")
_GO_ON = re.compile(r"\b(go|going|carry|continue|resume|ahead|keep|pick|start|unpause|restart"
                    r"|proceed|get back|back to it|move on)\b")
# Commands that work in every state (crisis is handled before all of them).
GLOBAL = frozenset({"stop", "pause", "resume", "repeat", "slower", "faster", "louder", "quieter",
                    "help", "explain", "crying", "something_else", "crisis"})
CHOOSING = frozenset({"start_session", "set_place", "set_duration", "choose_technique",
                      "suggest_technique", "yes", "no", "next"})
IN_TECHNIQUE = frozenset({"next", "back", "set_place", "choose_technique", "suggest_technique",
                          "yes", "no"})

DEFAULT_MINUTES = 10
VOLUME_STEP, VOLUME_MIN, VOLUME_MAX = 0.15, 0.4, 1.0

# Listening windows (session seconds). A step without a question moves on after a short
# quiet; a question waits longer before one gentle reprompt; None waits as long as it takes.
STEP_WINDOW = 3.0
QUESTION_WINDOW = 12.0
ASK_STEP_WINDOW = 30.0
CRYING_REST = 30.0


@lru_cache(maxsize=1)
def prompts() -> dict:
    return load_yaml(data_dir("prompts") / "session.yaml")


@dataclass
class Progress:
    """Where we are inside a technique."""

    technique: Technique
    steps: tuple[Step, ...]
    index: int = 0
    connected: bool = False


@dataclass
class Letter:
    """A spoken journal letter in the making; held in memory only until saved or let go."""

    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.parts).strip()


class Session:
    def __init__(self, catalogue: Catalogue, understander: Understander, events: Events, *,
                 place: str | None = None, minutes: int | None = None,
                 country: str | None = None) -> None:
        self.catalogue = catalogue
        self.understander = understander
        self.events = events
        self.place = place if place in PLACES else None
        self.minutes = minutes
        self.crisis_line = safety.crisis_line(country)
        self.state = "idle"
        self.tried: list[str] = []
        self.offered: list[str] = []
        self.pending_choice: str | None = None
        self.progress: Progress | None = None
        self.health_clear: bool | None = None
        self.letter: Letter | None = None
        self.paused_from: str | None = None
        # Where the session was when a crisis reading it is unsure of stopped it (the
        # recogniser found the crisis words only on a second look): "carry on" goes back there.
        self.before_unsure_crisis: tuple | None = None
        # "slower"/"faster": the output stretches rests and breath phases by the pacing, and
        # moves the voice only gently (never below 0.9x). Items here are at pace 1.
        self.pacing = Pacing()
        self.volume = 0.8
        self.last_said: list[Say] = []
        self.reprompted = False
        self.ended = False
        self.end_reason: str | None = None
        self._rotation: dict[str, itertools.cycle] = {}

    # ---- words --------------------------------------------------------------------------
    def _p(self, key: str, **fields) -> str:
        value = prompts()[key]
        if isinstance(value, list):
            cycle = self._rotation.setdefault(key, itertools.cycle(value))
            value = next(cycle)
        return value.format(line=self.crisis_line.line, emergency=self.crisis_line.emergency,
                            **fields)

    @property
    def style(self) -> str:
        return {"shower": "shower", "walk": "walk"}.get(self.place or "", "default")

    def _turn(self, *texts: str, window: float | None = QUESTION_WINDOW,
              expect: frozenset[str] | None = None, dictation: bool = False) -> Turn:
        turn = Turn(listen=Listen(window=window, expect=expect, dictation=dictation))
        for text in texts:
            turn.say(text, self.style)
        self._remember(turn)
        return turn

    def _remember(self, turn: Turn) -> None:
        said = [item for item in turn.items if isinstance(item, Say)]
        if said:
            self.last_said = said
        self.reprompted = False

    # ---- entry points -------------------------------------------------------------------
    def start(self) -> Turn:
        return self._turn(self._p("ready"), window=None, expect=CHOOSING | GLOBAL)

    def handle(self, text: str | None, heard: Intent | None = None) -> Turn:
        """text: what the person said (typed, or the words a recogniser heard). heard: what
        the recogniser understood from those words, when it did (live sessions): its crisis
        always wins, because it reads crisis words it misheard ("i want to tonight right now"
        is "i want to die tonight"), and it fills in where the words alone read as nothing."""
        if self.ended:
            return Turn(done=True)
        text = (text or "").strip()
        if not text:
            return self._silence()
        self.events.emit("heard", text=text)
        if self.state == "dictation":
            return self._dictation(text)
        intent = self.understander.parse(text)
        if heard is not None and heard.name is not None and (
                heard.name == "crisis" or intent.name is None):
            intent = heard
        if intent.name is not None:
            self.events.emit("intent", intent=intent.name, slots=intent.slots)
        return self._dispatch(intent)

    def finish(self, reason: str = "end_of_input") -> Turn:
        """End without the person saying stop (end of input, Ctrl-C, a lost device)."""
        if self.ended:
            return Turn(done=True)
        turn = self._turn(self._p("goodbye_end_of_input"), window=None)
        return self._end(turn, reason)

    def _end(self, turn: Turn, reason: str) -> Turn:
        self.ended = True
        self.state = "ended"
        self.letter = None  # never kept unless the person said so
        self.end_reason = reason  # the driver logs "end" once the goodbye has been spoken
        turn.done = True
        return turn

    # ---- routing ------------------------------------------------------------------------
    def _dispatch(self, intent: Intent) -> Turn:
        name = intent.name
        if name == "crisis":
            return self._crisis(unsure=intent.details.get("crisis_from") in UNSURE_CRISIS)
        if self.state == "crisis":
            return self._in_crisis(intent)
        if name == "stop" and self.state == "step" and _done_alone(intent.text):
            intent = Intent(name="next", slots={}, confidence=intent.confidence, text=intent.text)
            name = "next"
        if name == "stop":
            return self._stop()
        if self.state == "save_before_stop":
            return self._save_before_stop(intent)
        if name == "pause":
            return self._pause()
        if self.state == "paused":
            if name in ("resume", "next", "yes", "repeat"):
                return self._resume()
            if name in ("help", "slower", "faster", "louder", "quieter", "crying"):
                pass  # fall through to the global handlers below
            else:
                return Turn(listen=Listen(window=None))
        if name == "resume":
            if self.paused_from:
                return self._resume()
            if _only_gone(intent.text):
                # "she's gone" outside a pause ends no interruption: in a session about
                # crying it is more likely a death, and must not move the step on.
                intent = Intent(name=None, slots={}, confidence=0.0, text=intent.text)
                name = None
            else:  # "carry on" outside a pause means go on.
                intent = Intent(name="next", slots={}, confidence=intent.confidence,
                                text=intent.text)
                name = "next"
        if name == "repeat":
            return self._repeat()
        if name in ("slower", "faster"):
            return self._pace(name)
        if name in ("louder", "quieter"):
            return self._volume(name)
        if name == "help":
            return self._help()
        if name == "explain":
            return self._explain(intent.details.get("technique"))
        if name == "crying":
            return self._crying()
        if name == "set_place" or (name == "set_duration" and intent.slots.get("place")):
            return self._set_place(intent)
        if name == "set_duration":
            return self._set_duration(intent)
        if name == "something_else":
            return self._something_else()
        heard_place: list[str] = []
        if name in ("choose_technique", "suggest_technique"):
            # a time said before the request ("i have ten minutes so let's do the yawning
            # one"): the understander keeps it in details
            self._take_minutes(intent.details.get("minutes"))
            # and where they are said with it ("the breathing one, lying down"): heard first,
            # so what is chosen or offered meets the place gate there
            place = intent.details.get("place")
            if place in PLACES and place != self.place:
                heard_place = self._moved_to(place)
        if name == "choose_technique" and intent.slots.get("technique") in self.catalogue:
            return self._choose(intent.slots["technique"], prefix=heard_place)
        if name == "suggest_technique":
            return self._options(prefix=heard_place)
        handler = getattr(self, f"_state_{self.state}")
        return handler(intent)

    # ---- silence ------------------------------------------------------------------------
    def _silence(self) -> Turn:
        quiet = Turn(listen=Listen(window=None))
        if self.state == "step":
            step = self.progress.steps[self.progress.index]
            if step.ask and not step.patient and not self.reprompted:
                self.reprompted = True
                return Turn(listen=Listen(window=None)).say(self._p("step_reprompt"), self.style)
            if step.ask:
                return quiet
            return self._advance()
        if self.state == "health" and not self.reprompted:
            self.reprompted = True
            return Turn(listen=Listen(window=QUESTION_WINDOW, expect=frozenset({"yes", "no"})))\
                .say(self._p("health_reprompt"), self.style)
        if self.state == "health":
            return self._health_answer(None)  # no answer twice: treat as unsure, slow only
        if self.state == "dictation" and not self.reprompted:
            self.reprompted = True
            return Turn(listen=Listen(window=None, dictation=True))\
                .say(self._p("journal_heard"), self.style)
        if self.state == "crying" and not self.reprompted:
            self.reprompted = True
            return Turn(listen=Listen(window=None)).say(self._p("after_crying"), self.style)
        if self.state in ("ask_place", "ask_minutes", "suggest", "readback", "save_letter",
                          "aftercare") and not self.reprompted:
            self.reprompted = True
            key = {"ask_place": "reprompt_place", "ask_minutes": "reprompt_place"}.get(
                self.state)
            text = self._p(key) if key else self._help_text()
            return Turn(listen=Listen(window=None)).say(text, self.style)
        if self.state == "idle" and not self.reprompted:
            self.reprompted = True
            return Turn(listen=Listen(window=None)).say(self._p("no_input_idle"), self.style)
        return quiet  # resting, crying, paused or in crisis: silence is fine, keep waiting

    # ---- the opening --------------------------------------------------------------------
    def _state_idle(self, intent: Intent) -> Turn:
        if intent.name in ("start_session", "yes", "next"):
            return self._open()
        if intent.name is None:
            return self._turn(self._p("no_input_idle"), window=None)
        return self._turn(self._help_text(), window=None)

    def _open(self) -> Turn:
        if self.place is None:
            self.state = "ask_place"
            return self._turn(self._p("welcome"), expect=CHOOSING | GLOBAL)
        if self.minutes is None:
            self.state = "ask_minutes"
            return self._turn("I'm glad you're here. We'll go gently.", self._p("ask_minutes"),
                              expect=CHOOSING | GLOBAL)
        return self._suggest(prefix=["I'm glad you're here. We'll go gently."])

    def _state_ask_place(self, intent: Intent) -> Turn:
        if intent.name == "start_session":
            return self._turn(self._p("ask_place"), expect=CHOOSING | GLOBAL)
        return self._turn(self._p("reprompt_place"), window=None)

    def _state_ask_minutes(self, intent: Intent) -> Turn:
        if intent.name in ("no", "yes", "next", None):
            self.minutes = DEFAULT_MINUTES  # not sure: plan for about ten minutes
            return self._suggest()
        return self._turn(self._p("ask_minutes"), expect=CHOOSING | GLOBAL)

    def _set_place(self, intent: Intent) -> Turn:
        place = intent.slots.get("place")
        if intent.slots.get("minutes"):
            self.minutes = int(intent.slots["minutes"])
        if place not in PLACES:
            return self._turn(self._p("ask_place"))
        under_way = self.state in ("step", "crying", "paused", "dictation", "health")
        doing = under_way and self.progress is not None
        said = self._moved_to(place, under_way)
        if doing and self.progress is None:
            return self._suggest(prefix=said)  # the technique under way ended (_moved_to)
        if doing:
            return self._turn(*said, window=STEP_WINDOW)
        if self.pending_choice:
            choice, self.pending_choice = self.pending_choice, None
            return self._choose(choice, prefix=said)
        if self.minutes is None and self.state in ("idle", "ask_place"):
            self.state = "ask_minutes"
            return self._turn(*said, self._p("ask_minutes"), expect=CHOOSING | GLOBAL)
        return self._suggest(prefix=said)

    def _take_minutes(self, minutes) -> None:
        if isinstance(minutes, int) and minutes > 0:
            self.minutes = minutes

    def _set_duration(self, intent: Intent) -> Turn:
        self._take_minutes(intent.slots.get("minutes"))
        if self.state in ("idle", "ask_place") and self.place is None:
            self.state = "ask_place"
            return self._turn(self._p("ask_place"), expect=CHOOSING | GLOBAL)
        if self.state in ("idle", "ask_place", "ask_minutes", "suggest", "aftercare"):
            return self._suggest()
        return self._turn("Okay.", window=STEP_WINDOW)

    # ---- choosing a technique -----------------------------------------------------------
    def _allowed(self, technique: Technique) -> bool:
        return safety.technique_allowed(technique, self.place)

    def _candidates(self) -> list[Technique]:
        order = prompts()["suggest_order"].get(self.place or "", []) or [
            "reflect", "music", "gratitude", "self_compassion"]
        found = [self.catalogue[t] for t in order if t in self.catalogue]
        return [t for t in found if t.id not in self.tried and self._allowed(t)]

    def _suggest(self, prefix: list[str] | None = None) -> Turn:
        said = list(prefix or [])
        candidates = self._candidates()
        if self.place is None:
            self.state = "ask_place"
            return self._turn(*said, self._p("ask_place"), expect=CHOOSING | GLOBAL)
        if not candidates:
            self.state = "aftercare"
            return self._turn(*said, self._p("no_more"), window=None)
        minutes = self.minutes or DEFAULT_MINUTES
        fitting = [t for t in candidates if t.minutes[0] <= minutes] or sorted(
            candidates, key=lambda t: t.minutes[0])
        choice = fitting[0]
        self.offered = [choice.id]
        self.state = "suggest"
        why = prompts()["suggest_why"]["short_time" if minutes < 10 else "default"]
        return self._turn(*said, self._p("suggest", title=choice.title, why=why),
                          expect=CHOOSING | GLOBAL)

    def _options(self, prefix: list[str] | None = None) -> Turn:
        said = list(prefix or [])
        if self.place is None:
            self.state = "ask_place"
            return self._turn(*said, self._p("ask_place"), expect=CHOOSING | GLOBAL)
        candidates = self._candidates()[:3]
        if not candidates:
            self.state = "aftercare"
            return self._turn(*said, self._p("no_more"), window=None)
        self.offered = [t.id for t in candidates]
        self.state = "suggest"
        titles = [t.title for t in candidates]
        spoken = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " or " + titles[-1]
        return self._turn(*said, self._p("options", options=spoken), expect=CHOOSING | GLOBAL)

    def _moved_to(self, place: str, under_way: bool = True) -> list[str]:
        """Where they are now (said alone, or along with a request for a technique): taken,
        and a technique under way that is not safe there ends now. What to say."""
        self.place = place
        said = [prompts()["heard_place"][place]]
        if under_way and self.progress and (
                not safety.technique_allowed(self.progress.technique, place) or (
                    self.progress.connected and not safety.connected_breathing_allowed(
                        place, self.health_clear))):
            said.append(self._p("not_here", title=self.progress.technique.title,
                                where=prompts()["where_names"][place]))
            self.progress = None
            self.letter = None if self.letter and not self.letter.text else self.letter
        return said

    def _state_suggest(self, intent: Intent) -> Turn:
        if intent.name in ("yes", "next", "start_session") and self.offered:
            return self._choose(self.offered[0])
        if intent.name == "no":
            self.tried.extend(t for t in self.offered if t not in self.tried)
            return self._suggest(prefix=[self._p("declined")])
        return self._turn(self._help_text())

    def _something_else(self) -> Turn:
        if self.progress:
            self.progress = None
        elif self.offered:
            self.tried.extend(t for t in self.offered if t not in self.tried)
        self.letter = None if self.letter and not self.letter.text else self.letter
        return self._suggest(prefix=["Okay, let's try something different."])

    def _choose(self, tid: str, prefix: list[str] | None = None) -> Turn:
        technique = self.catalogue[tid]
        said = list(prefix or [])
        if self.place is None:
            self.pending_choice = tid
            self.state = "ask_place"
            return self._turn(*said, self._p("place_first"), expect=CHOOSING | GLOBAL)
        if not self._allowed(technique):
            if tid not in self.tried:
                self.tried.append(tid)
            said.append(self._p("not_here", title=technique.title,
                                where=prompts()["where_names"][self.place]))
            return self._suggest(prefix=said)
        if tid not in self.tried:
            self.tried.append(tid)
        self.offered = []
        minutes = self.minutes or DEFAULT_MINUTES
        if technique.minutes[0] > minutes:
            said.append(self._p("too_long", title=technique.title, minutes=technique.minutes[0]))
        if technique.connected_steps and self.place in safety.LYING_DOWN_PLACES \
                and self.health_clear is None:
            # Before any fast or connected breathing: the spoken health check.
            self.state = "health"
            self.progress = Progress(technique, technique.steps)
            return self._turn(*said, self._p("health_check"), expect=frozenset({"yes", "no"}))
        return self._begin(technique, connected=False, prefix=said)

    def _state_health(self, intent: Intent) -> Turn:
        return self._health_answer(intent.name)

    def _health_answer(self, answer: str | None) -> Turn:
        technique = self.progress.technique
        self.health_clear = answer == "no"  # yes or unsure: slow breathing only
        connected = safety.connected_breathing_allowed(self.place, self.health_clear)
        said = [self._p("health_clear" if connected else "health_unsafe")]
        return self._begin(technique, connected=connected, prefix=said)

    def _begin(self, technique: Technique, *, connected: bool, prefix: list[str]) -> Turn:
        steps = technique.connected_steps if connected else technique.steps
        # Steps meant for other places ("step into the shower" when already in it) drop out.
        steps = tuple(step for step in steps if not step.only_in or self.place in step.only_in)
        self.progress = Progress(technique, steps, 0, connected)
        self.events.emit("technique", id=technique.id)
        said = list(prefix)
        if technique.caution:
            said.append(technique.caution)
        said.append(technique.intro)
        return self._step_turn(prefix=said)

    # ---- walking the steps --------------------------------------------------------------
    def _step_turn(self, prefix: list[str] | None = None) -> Turn:
        progress = self.progress
        step = progress.steps[progress.index]
        self.state = "dictation" if step.dictation else "step"
        if step.dictation and self.letter is None:
            # Coming back to the letter (after a pause, "repeat", a lost microphone) keeps
            # every word already said: a fresh letter only when there is none.
            self.letter = Letter()
        self.events.emit("step", technique=progress.technique.id, index=progress.index)
        style = "breath" if step.breath else self.style
        window = None if (step.dictation or step.patient) else (
            ASK_STEP_WINDOW if step.ask else STEP_WINDOW)
        turn = Turn(listen=Listen(window=window, expect=IN_TECHNIQUE | GLOBAL,
                                  dictation=step.dictation))
        for text in prefix or []:
            turn.say(text, self.style)
        turn.say(step.say, style)
        if step.breath:
            pattern, cycles = step.breath
            turn.items.append(Breath(pattern, cycles))
        turn.rest(step.rest)
        self._remember(turn)
        return turn

    def _advance(self) -> Turn:
        progress = self.progress
        if progress.index + 1 < len(progress.steps):
            progress.index += 1
            return self._step_turn()
        return self._aftercare()

    def _state_step(self, intent: Intent) -> Turn:
        step = self.progress.steps[self.progress.index]
        if intent.name in ("next", "yes"):
            return self._advance()
        if intent.name == "back":
            if self.progress.index == 0:
                return self._turn(self._p("back_at_start"), window=STEP_WINDOW)
            self.progress.index -= 1
            return self._step_turn()
        if step.ask:
            # An answer to the step's invitation: acknowledge it, leave a moment, move on.
            turn = self._advance()
            turn.items[:0] = [Say(self._p("step_ack"), self.style)]
            return turn
        if intent.name is None and not self.reprompted:
            self.reprompted = True
            return Turn(listen=Listen(window=STEP_WINDOW)).say(self._p("not_understood"),
                                                                self.style)
        return Turn(listen=Listen(window=STEP_WINDOW))

    def _state_crying(self, intent: Intent) -> Turn:
        if intent.name in ("next", "yes", "resume"):
            self.state = "step"
            return self._advance()
        return Turn(listen=Listen(window=None))

    def _crying(self) -> Turn:
        if self.progress and self.state in ("step", "crying"):
            self.state = "crying"
        turn = self._turn(self._p("crying"), window=None)
        turn.rest(CRYING_REST)  # space, not a next step
        return turn

    def _aftercare(self) -> Turn:
        title = self.progress.technique.title
        self.progress = None
        self.state = "aftercare"
        return self._turn(self._p("aftercare", title=title), self._p("aftercare_next"),
                          window=None, expect=CHOOSING | GLOBAL)

    def _state_aftercare(self, intent: Intent) -> Turn:
        if intent.name in ("yes", "next", "start_session"):
            return self._suggest()
        if intent.name == "no":
            return self._stop()
        return self._turn(self._p("aftercare_next"), window=None)

    # ---- journal dictation --------------------------------------------------------------
    def _dictation(self, text: str) -> Turn:
        intent = self.understander.parse(text)
        if intent.name == "crisis":
            self.events.emit("intent", intent="crisis", slots={})
            return self._crisis()
        command = self.understander.snap(text) if hasattr(self.understander, "snap") else intent
        if command.name == "stop" and _done_alone(text):
            command = Intent(name="next", slots={}, confidence=command.confidence, text=text)
        if command.name in ("next", "stop", "pause", "help"):
            self.events.emit("intent", intent=command.name, slots=command.slots)
            if command.name == "next":
                return self._letter_done()
            if command.name == "stop":
                return self._stop()
            if command.name == "pause":
                return self._pause()
            return self._turn(self._p("journal_heard"), window=None, dictation=True)
        self.letter.parts.append(text)
        self.reprompted = False
        return Turn(listen=Listen(window=None, dictation=True))

    def _letter_done(self) -> Turn:
        if not self.letter or not self.letter.text:
            self.letter = None
            turn = self._advance()
            turn.items[:0] = [Say(self._p("journal_empty"), self.style)]
            return turn
        self.state = "readback"
        return self._turn(self._p("journal_done"), expect=frozenset({"yes", "no"}) | GLOBAL)

    def _state_readback(self, intent: Intent) -> Turn:
        said = []
        if intent.name == "yes":
            said = [self._p("journal_read_intro"), self.letter.text]
        elif intent.name not in ("no", "next"):
            return self._turn(self._p("journal_done"))
        self.state = "save_letter"
        return self._turn(*said, self._p("journal_save_offer"),
                          expect=frozenset({"yes", "no"}) | GLOBAL)

    def _state_save_letter(self, intent: Intent) -> Turn:
        if intent.name not in ("yes", "no"):
            return self._turn(self._p("journal_save_offer"))
        said = self._settle_letter(intent.name == "yes")
        self.state = "step"
        turn = self._advance()
        turn.items[:0] = [Say(said, self.style)]
        return turn

    def _settle_letter(self, keep: bool) -> str:
        if keep and self.letter and self.letter.text:
            journal.save(self.letter.text)
            self.events.emit("journal_saved")  # never the text itself
        self.letter = None
        return self._p("journal_saved" if keep else "journal_not_saved")

    def _save_before_stop(self, intent: Intent) -> Turn:
        if intent.name not in ("yes", "no"):
            return self._turn(self._p("journal_save_offer"))
        said = self._settle_letter(intent.name == "yes")
        return self._end(self._turn(said, self._p("goodbye"), window=None), "stop")

    # ---- global commands ----------------------------------------------------------------
    def _stop(self) -> Turn:
        if self.letter and self.letter.text and self.state != "save_before_stop":
            # Nothing the person said is lost without asking: offer to keep the letter first.
            self.state = "save_before_stop"
            return self._turn("Before we stop. " + self._p("journal_save_offer"),
                              expect=frozenset({"yes", "no"}) | GLOBAL)
        first = self._out_of_fast_breathing()
        self.progress = None
        return self._end(self._turn(*first, self._p("goodbye"), window=None), "stop")

    def _out_of_fast_breathing(self) -> list[str]:
        """Mid fast breathing, the first words are the way back to normal breathing."""
        return [self._p("breathe_normally")] if self.progress and self.progress.connected else []

    # ---- faults --------------------------------------------------------------------------
    def device_lost(self) -> Turn:
        """The microphone went away. Pause where we are (a letter being dictated stays in
        memory, never written anywhere) and say so: the person may still hear us."""
        if self.ended:
            return Turn(done=True)
        first = self._out_of_fast_breathing()
        self._enter_pause()
        return self._turn(*first, self._p("device_lost"), window=None)

    def device_back(self) -> Turn:
        """The microphone is back: still paused; the person says when to carry on."""
        if self.ended:
            return Turn(done=True)
        return self._turn(self._p("device_back"), window=None)

    def _pause(self) -> Turn:
        self._enter_pause()
        return self._turn(self._p("paused"), window=None)

    def _enter_pause(self) -> None:
        if self.state != "paused":
            self.paused_from = self.state
            self.state = "paused"

    def _resume(self) -> Turn:
        previous, self.paused_from = self.paused_from, None
        if previous is None:
            return self._repeat()
        self.state = previous
        if previous in ("step", "dictation", "crying") and self.progress:
            return self._step_turn(prefix=[self._p("resumed")])
        turn = Turn(listen=Listen(window=QUESTION_WINDOW))
        turn.say(self._p("resumed"), self.style)
        turn.items.extend(self.last_said)
        return turn

    def _repeat(self) -> Turn:
        if not self.last_said:
            return self._turn(self._p("nothing_to_repeat"), window=None)
        turn = Turn(listen=Listen(window=QUESTION_WINDOW if self.state != "step" else STEP_WINDOW))
        turn.items.extend(self.last_said)
        if self.state == "step" and self.progress:
            step = self.progress.steps[self.progress.index]
            if step.breath:
                turn.items.append(Breath(step.breath[0], step.breath[1]))
            turn.rest(step.rest)
        return turn

    @property
    def pace(self) -> float:
        return self.pacing.scale

    @property
    def rate(self) -> float:
        return self.pacing.voice_rate

    def _pace(self, which: str) -> Turn:
        changed = self.pacing.slower() if which == "slower" else self.pacing.faster()
        if changed == self.pacing:
            return self._ack(self._p("slowest" if which == "slower" else "fastest"))
        self.pacing = changed
        return self._ack(self._p(which))

    def _volume(self, which: str) -> Turn:
        delta = VOLUME_STEP if which == "louder" else -VOLUME_STEP
        self.volume = min(VOLUME_MAX, max(VOLUME_MIN, round(self.volume + delta, 2)))
        return self._ack(self._p(which))

    def _ack(self, text: str) -> Turn:
        """A short acknowledgement that keeps the current prompt as the one to repeat."""
        window = STEP_WINDOW if self.state == "step" else None
        return Turn(listen=Listen(window=window)).say(text, self.style)

    def _help_text(self) -> str:
        helps = prompts()["help"]
        if self.state == "crisis":
            return helps["crisis"].format(line=self.crisis_line.line)
        if self.state in ("step", "crying", "paused", "dictation"):
            return helps["technique"]
        if self.state in ("suggest", "aftercare"):
            return helps["choosing"]
        return helps["idle"]

    def _help(self) -> Turn:
        return self._ack(self._help_text())

    def _explain(self, named: str | None = None) -> Turn:
        """Why the technique helps: the one named ("why would staring help"), else the one
        under way, else the first one offered."""
        technique = self.catalogue[named] if named in self.catalogue else None
        if technique is None:
            technique = self.progress.technique if self.progress else (
                self.catalogue[self.offered[0]] if self.offered else None)
        text = technique.explain if technique else self._p("explain_none")
        return self._ack(text)

    # ---- crisis -------------------------------------------------------------------------
    def _crisis(self, unsure: bool = False) -> Turn:
        """unsure: the recogniser found the crisis words only on a second look (bench/
        unseen_voices.py: in running water at 10 dB two of three such were commands, "i'm
        good, let's stop" heard "i need to stab myself"). The support is the same; the words
        own that it may have misheard, and "carry on" can go back (in a later turn)."""
        if self.state != "crisis":
            self.before_unsure_crisis = ((self.state, self.progress, self.paused_from,
                                          self.last_said) if unsure else None)
        elif not unsure:
            self.before_unsure_crisis = None  # crisis words heard plainly: no going back
        self.progress = None  # the technique stops, and is never resumed in this turn
        self.paused_from = None
        self.state = "crisis"
        key = "crisis_unsure" if self.before_unsure_crisis is not None else "crisis"
        return self._turn(self._p(key), window=None, expect=GLOBAL)

    def _misheard_crisis(self) -> Turn:
        """"Carry on" after an unsure crisis: back where the session was, paused; the person
        goes on with next when ready (never in the same turn as the crisis)."""
        state, progress, paused_from, last_said = self.before_unsure_crisis
        self.before_unsure_crisis = None
        self.progress = progress
        self.state = state
        self.paused_from = paused_from
        self.last_said = last_said
        self._enter_pause()
        # not _turn: what was said before the crisis stays what "next" or "repeat" says again
        turn = Turn(listen=Listen(window=None))
        turn.say(self._p("crisis_misheard"), self.style)
        return turn

    def _in_crisis(self, intent: Intent) -> Turn:
        if intent.name == "resume" and self.before_unsure_crisis is not None:
            return self._misheard_crisis()
        if intent.name == "stop" or intent.name == "no":
            return self._end(self._turn(self._p("crisis_goodbye"), window=None), "stop")
        if intent.name == "help":
            return self._ack(self._help_text())
        if intent.name in ("choose_technique", "start_session", "suggest_technique", "next",
                           "something_else"):
            return self._turn(self._p("crisis_no_technique"), window=None, expect=GLOBAL)
        return self._turn(self._p("crisis_stay"), window=None, expect=GLOBAL)


def _done_alone(text: str | None) -> bool:
    return bool(_BARE_DONE.fullmatch(normalise(text or "")))


def _only_gone(text: str | None) -> bool:
    """Whether a resume says only that someone has gone ("he's gone now", "they've left"),
    with no word that asks to go on ("they've gone, carry on")."""
    words = normalise(text or "")
    return bool(_GONE.search(words)) and not _GO_ON.search(words)
