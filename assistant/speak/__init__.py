"""Speech out: voices, voice profiles, the narration timeline and its outputs.

    voice = load_voice(name_or_None, warn=print_one_line)   # falls back, never silent
    describe_voice(voice)                                     # one line for the session start
    TextOutput() / WavOutput(path, voice=voice) / SpeakerOutput(device, voice=voice)
    output.play(items, clock, on_item=..., cancel=event) -> bool
"""

from assistant.speak.outputs import (
    NO_DEVICE,
    Output,
    SpeakerOutput,
    TextOutput,
    WavOutput,
    find_output_device,
)
from assistant.speak.registry import (
    default_voice_description,
    describe_voice,
    list_voices,
    load_voice,
)
from assistant.speak.timeline import Pacing, Slot, schedule
from assistant.speak.voice import CACHE, Voice, VoiceInfo, split_sentences

__all__ = [
    "CACHE", "NO_DEVICE", "Output", "Pacing", "Slot", "SpeakerOutput", "TextOutput", "Voice",
    "VoiceInfo", "WavOutput", "default_voice_description", "describe_voice",
    "find_output_device", "list_voices", "load_voice", "schedule", "split_sentences",
]
