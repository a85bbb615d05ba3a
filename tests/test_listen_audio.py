"""The audio front end: any WAV to 16 kHz mono, clear errors, voice activity, endpointing."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
import soundfile

from assistant.errors import LetitoutError
from assistant.listen import audio
from assistant.listen.denoise import NAMES, make_denoiser


def _tone(rate: int, seconds: float, channels: int = 1) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    mono = 0.5 * np.sin(2 * np.pi * 440 * t)
    return np.stack([mono] * channels, axis=1) if channels > 1 else mono


@pytest.fixture(scope="module")
def spoken_stop(tmp_path_factory) -> np.ndarray:
    path = tmp_path_factory.mktemp("speech") / "stop.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), "stop right now"], check=True)
    return audio.read_wav(path)


@pytest.mark.parametrize(
    ("rate", "channels", "subtype"),
    [(16000, 1, "PCM_16"), (44100, 2, "PCM_16"), (48000, 2, "PCM_24"), (22050, 1, "PCM_32"),
     (8000, 1, "FLOAT"), (96000, 2, "DOUBLE")],
)
def test_any_wav_becomes_16k_mono_int16_of_the_same_length(tmp_path, rate, channels, subtype):
    path = tmp_path / "tone.wav"
    soundfile.write(path, _tone(rate, 1.0, channels), rate, subtype=subtype)
    samples = audio.read_wav(path)
    assert samples.dtype == np.int16 and samples.ndim == 1
    assert abs(len(samples) - 16000) <= 2
    peak = np.abs(samples[1000:-1000]).max() / 32768
    assert 0.45 < peak < 0.55  # the level survives resampling and mixing down


def test_an_empty_wav_is_one_line_naming_the_file(tmp_path):
    path = tmp_path / "empty.wav"
    soundfile.write(path, np.zeros(0), 16000)
    with pytest.raises(LetitoutError) as caught:
        audio.read_wav(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("content", [b"", b"RIFF\x00\x00", b"this is not audio at all" * 10])
def test_a_file_that_is_not_audio_is_one_line_naming_the_file(tmp_path, content):
    path = tmp_path / "broken.wav"
    path.write_bytes(content)
    with pytest.raises(LetitoutError) as caught:
        audio.read_wav(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(LetitoutError, match="no such file"):
        audio.read_wav(tmp_path / "nowhere.wav")


def test_endpointing_finds_one_utterance_and_where_speech_ended(spoken_stop):
    silence = np.zeros(16000, dtype=np.int16)
    recording = np.concatenate([silence, spoken_stop, silence])
    voiced = np.flatnonzero(np.abs(spoken_stop) > 500)
    true_end = (len(silence) + voiced[-1]) / 16000
    segments = audio.speech_segments(recording, audio.Endpointer(trailing_silence=0.5))
    assert len(segments) == 1
    assert abs(segments[0].end_of_speech_s - true_end) < 0.25
    assert segments[0].start_s < (len(silence) + voiced[0]) / 16000


def test_trailing_silence_setting_decides_when_an_utterance_is_closed(spoken_stop):
    recording = np.concatenate([spoken_stop, np.zeros(32000, dtype=np.int16)])

    def closing_frame(trailing: float) -> int:
        endpointer = audio.Endpointer(trailing_silence=trailing)
        for index, frame in enumerate(audio.frames(recording)):
            if endpointer.push(frame)[0] == "end":
                return index
        raise AssertionError("the utterance never ended")

    short, long = closing_frame(0.3), closing_frame(0.9)
    assert long - short == pytest.approx(20, abs=2)  # 0.6 s more of 30 ms frames


def test_steady_noise_alone_is_not_speech():
    rng = np.random.default_rng(7)
    hiss = (rng.normal(0, 1500, 16000 * 3)).astype(np.int16)
    assert audio.speech_segments(hiss) == []


def test_silence_alone_is_not_speech():
    assert audio.speech_segments(np.zeros(16000 * 2, dtype=np.int16)) == []


def test_a_quiet_voice_is_raised_and_a_normal_one_left_as_it_was(spoken_stop):
    quiet = (spoken_stop.astype(float) / 30).astype(np.int16)  # about -30 dB
    raised = audio.raised_when_quiet(quiet)
    peak = np.abs(raised.astype(float)).max()
    assert (abs(audio.voice_level(raised) - audio.VOICE_LEVEL_RMS) < 0.05 * audio.VOICE_LEVEL_RMS
            or abs(peak - audio.RAISED_PEAK) < 2), (audio.voice_level(raised), peak)
    assert audio.raised_when_quiet(spoken_stop) is spoken_stop
    # the silence around a voice does not make it quieter: a normal "stop" in 10 s is left
    padded = np.concatenate([np.zeros(16000 * 5, np.int16), spoken_stop,
                             np.zeros(16000 * 5, np.int16)])
    assert audio.raised_when_quiet(padded) is padded
    # raised with its room, never past RAISED_PEAK however loud a click in it
    hiss = quiet + np.random.default_rng(0).normal(0, 10, len(quiet)).astype(np.int16)
    hiss[100] = 3000
    raised = audio.raised_when_quiet(hiss)
    assert np.abs(raised.astype(float)).max() <= audio.RAISED_PEAK + 1
    assert audio.raise_gain(hiss) == pytest.approx(audio.RAISED_PEAK / 3000, rel=0.01)
    faint = (spoken_stop.astype(float) / 1000).astype(np.int16)  # -60 dB: another room
    assert audio.too_faint(faint) and audio.raised_when_quiet(faint) is faint


@pytest.mark.parametrize("text", ["what's next", "nope not yet"])
def test_silero_hears_a_faint_voice_from_its_first_words(tmp_path, text):
    # Silero judges a sound against what it heard before. Streamed at -40 dBFS after digital
    # silence (a microphone whose own noise gate is shut), it was first asked at the voice's
    # onset and stayed under 0.5 for most of half a second (the quick bench's "nope not yet"
    # by Piper joe at -30 dBFS: speech began 0.5 s late, only "yet" was heard, as a yes). It
    # now first hears the quiet chunks it skipped.
    path = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), text], check=True)
    said = audio.read_wav(path).astype(float)
    recording = np.zeros(16000 + len(said) + 8000)
    recording[16000 : 16000 + len(said)] = said / np.abs(said).max() * 32767 * 10 ** (-40 / 20)
    vad = audio.SileroVad(follow_room=True)
    voiced = [vad.probability(recording[at : at + 480].astype(np.int16)) >= 0.5
              for at in range(0, len(recording) - 480, 480)]
    onset = 16000 // 480
    assert not any(voiced[:onset])
    assert sum(voiced[onset : onset + 20]) >= 12, voiced[onset : onset + 20]


def test_digital_silence_is_trimmed_from_the_ends_only():
    voice = np.full(1000, 7, np.int16)
    gated = np.concatenate([np.zeros(16000, np.int16), voice, np.zeros(300, np.int16), voice,
                            np.zeros(16000, np.int16)])
    trimmed = audio.digital_silence_trimmed(gated, keep_s=0.1)
    assert len(trimmed) == 1600 + 2300 + 1600  # the zeros inside are kept
    assert len(audio.digital_silence_trimmed(voice)) == 1000
    silence = np.zeros(800, np.int16)
    assert audio.digital_silence_trimmed(silence) is silence


def test_the_live_gate_follows_a_quiet_room():
    room = audio.RoomLevel()
    for _ in range(100):
        gate = room.gate(3.0)  # a quiet room's hiss
    assert audio.ROOM_GATE_MIN <= gate < audio.QUIET_RMS
    for _ in range(100):
        gate = room.gate(400.0)  # a loud room: the fixed gate again
    assert gate == audio.QUIET_RMS


@pytest.mark.parametrize("name", NAMES)
def test_every_noise_suppressor_streams_without_changing_length(name, spoken_stop):
    denoiser = make_denoiser(name)
    pieces = [denoiser.process(chunk) for chunk in audio.frames(spoken_stop)]
    out = np.concatenate(pieces)
    assert out.dtype == np.int16 and len(out) == len(pieces) * audio.FRAME_SAMPLES


def test_an_unknown_noise_suppressor_is_a_clear_error():
    with pytest.raises(LetitoutError, match="noise suppressor"):
        make_denoiser("magic")


# --- the background under a recording ------------------------------------------------------


@pytest.fixture(scope="module")
def babble(tmp_path_factory) -> np.ndarray:
    """Four espeak-ng voices talking at once for 4 s (unit RMS, float)."""
    folder = tmp_path_factory.mktemp("babble")
    talk = [("en-us", "the bus was late again so we walked the whole way into town"),
            ("en-gb", "have you tried the new place that opened near the station"),
            ("en-us+f3", "my sister is coming over on sunday with the children"),
            ("en-gb-x-rp", "they say it will rain all through the long weekend")]
    mixed = np.zeros(16000 * 4)
    for index, (voice, text) in enumerate(talk):
        path = folder / f"talker{index}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
        voice_samples = np.tile(audio.read_wav(path).astype(float), 3)[4000 * index :]
        mixed += voice_samples[: len(mixed)]
    return mixed / mixed.std()


def _over(speech: np.ndarray, noise: np.ndarray, speech_to_noise_db: float) -> np.ndarray:
    """speech (padded to the noise's length, starting at 1 s) over noise at this level."""
    s = np.zeros(len(noise))
    s[16000 : 16000 + len(speech)] = speech
    voiced = speech[np.abs(speech) > 0.05 * np.abs(speech).max()].astype(float)
    scale = np.sqrt(np.mean(voiced**2)) / 10 ** (speech_to_noise_db / 20)
    return np.clip(s + noise * scale, -32768, 32767).astype(np.int16)


def test_background_talk_is_told_apart_from_running_water(babble):
    rng = np.random.default_rng(2)
    hiss = rng.normal(0, 1, len(babble))
    assert audio.background((babble * 2000).astype(np.int16)).talk
    water = audio.background((hiss * 2000).astype(np.int16))
    assert not water.talk and water.steady and not water.quiet
    assert audio.background(np.zeros(32000, np.int16)).quiet


def test_the_near_voice_is_found_over_background_talk(babble, spoken_stop):
    recording = _over(spoken_stop, babble, 10.0)
    span = audio.talker_span(recording)
    voiced = np.flatnonzero(np.abs(spoken_stop) > 0.05 * np.abs(spoken_stop).max())
    true_start, true_end = 16000 + voiced[0], 16000 + voiced[-1]
    assert span is not None
    assert true_start - 0.3 * 16000 <= span[0] <= true_start + 0.05 * 16000
    assert true_end - 0.05 * 16000 <= span[1] <= true_end + 0.3 * 16000


def test_background_talk_alone_has_no_near_voice(babble):
    assert audio.talker_span((babble * 2000).astype(np.int16)) is None


def test_noise_is_suppressed_only_when_the_voice_does_not_stand_well_above_it(spoken_stop):
    # RNNoise over loud hiss; over mild hiss it gained nothing and doubled the decode time
    from assistant.listen.denoise import AutoDenoiser

    hiss = np.random.default_rng(4).normal(0, 1, 16000 * 3)
    for speech_to_noise_db, suppressed in ((8.0, True), (30.0, False)):
        recording = _over(spoken_stop, hiss, speech_to_noise_db)
        scene = audio.background(recording)
        assert not scene.quiet and not scene.talk
        assert scene.clear != suppressed, scene.contrast_db
        cleaned = AutoDenoiser.for_background(recording, scene)
        assert (not np.array_equal(cleaned, recording)) == suppressed
    # rumble below the speech band (wind in the microphone): left alone, however loud
    rumble = np.cumsum(np.random.default_rng(5).normal(0, 1, 16000 * 3))  # brown noise
    rumble -= np.convolve(rumble, np.ones(801) / 801, mode="same")  # no drift
    recording = _over(spoken_stop, rumble, 8.0)
    scene = audio.background(recording)
    assert scene.rumble and not scene.clear and not audio.background(_over(
        spoken_stop, hiss, 8.0)).rumble
    assert np.array_equal(AutoDenoiser.for_background(recording, scene), recording)


def _band_db(x: np.ndarray, low: float, high: float) -> float:
    spectrum = np.abs(np.fft.rfft(x.astype(float))) ** 2
    hz = np.fft.rfftfreq(len(x), 1 / 16000)
    return float(10 * np.log10(np.sum(spectrum[(hz >= low) & (hz < high)])))


def test_rumble_under_the_speech_band_is_taken_away_and_the_voice_kept(spoken_stop, wind):
    # Wind in the microphone: what lies under the recogniser's filterbank goes, so the voice
    # stands clear of what is left.
    recording = _over(spoken_stop, wind(), 8.0)
    cleaned = audio.below_speech_removed(recording)
    assert cleaned.dtype == np.int16 and len(cleaned) == len(recording)
    before, after = audio.background(recording), audio.background(cleaned, talk=False)
    assert before.rumble and not before.clear
    assert not after.rumble and after.clear, after
    speech = np.zeros(len(recording), np.int16)
    speech[16000 : 16000 + len(spoken_stop)] = spoken_stop
    kept = _band_db(audio.below_speech_removed(speech), 300, 4000) - _band_db(speech, 300, 4000)
    assert abs(kept) < 0.5
    assert _band_db(cleaned, 20, 80) < _band_db(recording, 20, 80) - 20


@pytest.mark.parametrize("said", ["how does this work", "I don't want to be here anymore",
                                  "not so loud"])
def test_a_voice_cut_close_has_no_talking_background(tmp_path, said):
    # As Piper writes its WAVs: 40 ms before the voice, 120 ms after. Its own soft sounds
    # are then the quietest tenth of the frames, which once read as other people talking.
    path = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), said], check=True)
    samples = audio.read_wav(path)
    voiced = np.flatnonzero(np.abs(samples) > 300)
    cut = samples[max(0, voiced[0] - 640) : voiced[-1] + 1920]
    scene = audio.background(cut)
    assert not scene.talk and scene.quiet, scene


def test_rnnoise_in_its_worker_process_gives_the_same_samples_piece_by_piece(spoken_stop):
    from assistant.listen.denoise import RnnoiseDenoiser
    from assistant.listen.rnnoise_worker import RnnoiseProcess

    hiss = np.random.default_rng(6).normal(0, 1, 16000 * 3)
    recording = _over(spoken_stop, hiss, 8.0)
    expected = RnnoiseDenoiser().process_whole(recording)
    worker = RnnoiseProcess()
    pieces = list(worker.pieces(recording))
    assert len(pieces) > 5  # sent back as it goes, for the decoder to start on
    assert np.array_equal(np.concatenate(pieces), expected)
    assert worker.cpu_s > 0
    # a caller that stops reading early leaves the worker in step for the next recording
    unread = worker.pieces(recording)
    next(unread)
    unread.close()
    assert np.array_equal(np.concatenate(list(worker.pieces(recording[:9000]))),
                          RnnoiseDenoiser().process_whole(recording[:9000]))


def test_ctrl_c_while_the_rnnoise_worker_answers_leaves_it_off_not_waiting(spoken_stop):
    import pytest

    from assistant.listen.denoise import RnnoiseDenoiser
    from assistant.listen.rnnoise_worker import RnnoiseProcess

    worker = RnnoiseProcess()
    recording = np.concatenate([spoken_stop] * 4)
    read = worker._next
    calls = []

    def interrupted():  # Ctrl-C halfway through the answer
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return read()

    worker._next = interrupted
    with pytest.raises(KeyboardInterrupt):
        list(worker.pieces(recording))
    assert not worker.alive  # never read "the rest" of an answer out of step
    with pytest.raises(EOFError):  # the caller then denoises in its own process
        list(worker.pieces(recording))
    assert RnnoiseDenoiser().process_whole(recording).shape == recording.shape


def test_an_rnnoise_worker_that_dies_while_loading_is_left_off():
    import pytest

    from assistant.listen.rnnoise_worker import RnnoiseProcess

    worker = RnnoiseProcess()
    worker._proc.kill()
    worker._proc.wait()
    worker.wait_ready()  # no answer, no hang, no traceback
    assert not worker.alive
    with pytest.raises(EOFError):
        list(worker.pieces(np.zeros(1600, np.int16)))


def test_a_recogniser_hears_the_same_with_its_rnnoise_worker_and_after_it_died(spoken_stop):
    from assistant.listen.recognizer import make_recognizer

    hiss = np.random.default_rng(7).normal(0, 1, 16000 * 4)
    recording = _over(np.concatenate([np.zeros(16000, np.int16), spoken_stop]), hiss, 12.0)
    recognizer = make_recognizer("pocketsphinx", warn=lambda message: None)
    heard = [recognizer.recognize_audio(recording)]
    # the voice's first recording is fed whole (its start is measured from all of it)
    assert recognizer._rnnoise_worker.cpu_s == 0
    heard.append(recognizer.recognize_audio(recording))
    assert recognizer._rnnoise_worker.cpu_s > 0  # then RNNoise runs in the worker
    recognizer._rnnoise_worker._proc.kill()
    recognizer._rnnoise_worker._proc.wait()
    heard.append(recognizer.recognize_audio(recording))
    assert {(r.text, r.intent.name) for r in heard} == {("stop right now", "stop")}
