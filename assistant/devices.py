"""Finding a sound device by index or by a piece of its name, with one clear line if none."""

from __future__ import annotations

from assistant.errors import LetitoutError

LABELS = {"input": "microphone", "output": "audio output device"}


def devices_of(kind: str, missing: str) -> tuple[list[dict], list[int]]:
    """All devices, and the indexes of those that can record (input) or play (output)."""
    try:
        import sounddevice as sd

        devices = list(sd.query_devices())
    except (OSError, ImportError):  # no PortAudio library: no devices either
        raise LetitoutError(missing) from None
    usable = [i for i, d in enumerate(devices) if d.get(f"max_{kind}_channels", 0) > 0]
    if not usable:
        raise LetitoutError(missing)
    return devices, usable


def find_device(device: int | str | None, kind: str, missing: str) -> int | None:
    """The device asked for; None when none was asked for (the system default)."""
    devices, usable = devices_of(kind, missing)
    if device is None or device == "":
        return None
    if isinstance(device, int) or str(device).isdigit():
        if int(device) in usable:
            return int(device)
    else:
        matches = [i for i in usable if str(device).lower() in devices[i]["name"].lower()]
        if matches:
            return matches[0]
    names = ", ".join(f"{i}: {devices[i]['name']}" for i in usable)
    raise LetitoutError(f"no {LABELS[kind]} matches '{device}' ({kind}s: {names})")


def close_stream(stream) -> None:
    """Stop and close a sounddevice stream; a device (or sound server) that has vanished may
    fail to close, and that must not stop the session from ending or retrying."""
    if stream is None:
        return
    try:
        stream.stop()
        stream.close()
    except Exception:  # noqa: BLE001 - PortAudio raises several unrelated types
        pass
