#!/usr/bin/env bash
# Sets letitout up on a fresh Debian/Ubuntu machine: system audio and speech packages, then the
# Python package with its test tools. Safe to run again. Run as root (or with sudo).
set -euo pipefail
cd "$(dirname "$0")"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# espeak-ng: the always-available voice and test speech; libportaudio2: sounddevice;
# pulseaudio: the virtual microphone and speaker the device tests use; sox: audio checks;
# flite: voices unlike espeak-ng's for the tests and benches (one of them speaks at 8 kHz).
# gcc, libc6-dev, cmake, git: tools/build_pocketsphinx.py compiles and patches pocketsphinx.
$SUDO apt-get install -y -qq --no-install-recommends \
  espeak-ng libespeak-ng1 libportaudio2 pulseaudio pulseaudio-utils alsa-utils libasound2-plugins sox flite \
  gcc libc6-dev cmake git \
  > /dev/null
python3 -m pip install -q --upgrade pip > /dev/null
python3 -m pip install -q -e '.[test]'
# pocketsphinx rebuilt from its published source with faster Gaussian scoring (the same
# results, bit for bit); on any failure PyPI's wheel stays and this says so in one line.
python3 tools/build_pocketsphinx.py || echo "letitout: pocketsphinx not rebuilt; PyPI's wheel stays"
# The command grammars and the adapted model made now, into the models cache: otherwise the
# first session makes them (about 8 s of start-up instead of 1.5).
python3 -m assistant models prepare || echo "letitout: grammars not prepared; the first session will make them"
