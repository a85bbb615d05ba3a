"""Understanding accuracy on held-out paraphrases and out-of-domain talk.

Reads bench/data/paraphrases.yaml (utterances written as people talk, never pasted into the
templates; the templates were improved while watching its misses) and bench/data/fresh.yaml
(written afterwards and never tuned on) and bench/data/heldout_*.yaml (each written before a round
of changes and scored before them: the honest estimates). Prints intent accuracy, intent+slot
accuracy, crisis recall, the null rate on out-of-domain sentences and on figures of speech (which
must never read as a crisis), parse latency and every miss; writes bench/results/understanding.json.

    python bench/understanding.py [--show-hits]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

# this checkout, not an installed copy (as the other benches)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.understand import Understander, load_yaml_lines  # noqa: E402

HERE = Path(__file__).resolve().parent


def _text(line) -> str:
    """A line of talk, written plain or as {text: ...} (held-out sets 30 on)."""
    return str(line["text"]) if isinstance(line, dict) else str(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+",
                        default=[HERE / "data" / "paraphrases.yaml", HERE / "data" / "fresh.yaml",
                                 *sorted((HERE / "data").glob("heldout_*.yaml"))])
    parser.add_argument("--out", type=Path, default=HERE / "results" / "understanding.json")
    args = parser.parse_args()

    started = time.perf_counter()
    understander = Understander.load()
    load_s = time.perf_counter() - started
    report = {"load_s": round(load_s, 3), "templates_expanded": len(understander.sentences())}
    for path in args.data:
        report[path.stem] = measure(understander, load_yaml_lines(path))
        print_report(path.stem, report[path.stem])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


def measure(understander: Understander, data: dict) -> dict:

    latencies: list[float] = []

    def timed(text: str):
        t0 = time.perf_counter()
        result = understander.parse(text)
        latencies.append((time.perf_counter() - t0) * 1000)
        return result

    intent_ok = full_ok = 0
    misses = []
    per_intent: Counter = Counter()
    per_intent_ok: Counter = Counter()
    for case in data["paraphrases"]:
        expected_intent, expected_slots = str(case["intent"]), dict(case.get("slots") or {})
        got = timed(case["text"])
        per_intent[expected_intent] += 1
        # exactly the slots expected, as the speech benches count (an extra one is wrong too)
        slots_ok = dict(got.slots) == expected_slots
        if got.name == expected_intent:
            intent_ok += 1
            if slots_ok:
                full_ok += 1
                per_intent_ok[expected_intent] += 1
                continue
        misses.append({"text": case["text"], "expected": expected_intent,
                       "expected_slots": expected_slots, "got": got.name, "slots": got.slots,
                       "confidence": got.confidence})

    ood = [_text(t) for t in data["out_of_domain"]]
    ood_wrong = []
    for text in ood:
        got = timed(text)
        if got.name is not None:
            ood_wrong.append({"text": text, "got": got.name, "slots": got.slots,
                              "confidence": got.confidence})

    # Figures of speech ("dead tired", "this is killing me"): null, and above all never crisis.
    figures = [_text(t) for t in data.get("figures_of_speech") or []]
    figures_wrong = []
    for text in figures:
        got = timed(text)
        if got.name is not None:
            figures_wrong.append({"text": text, "got": got.name, "slots": got.slots,
                                  "confidence": got.confidence})
    not_crisis = [m for m in misses if m["got"] == "crisis"] + [
        m for m in ood_wrong + figures_wrong if m["got"] == "crisis"]

    n = len(data["paraphrases"])
    return {
        "paraphrases": n,
        "intent_accuracy": round(intent_ok / n, 4),
        "intent_and_slot_accuracy": round(full_ok / n, 4),
        "out_of_domain": len(ood),
        "out_of_domain_null_rate": round(1 - len(ood_wrong) / len(ood), 4),
        "crisis": per_intent["crisis"],
        "crisis_recall": round(per_intent_ok["crisis"] / per_intent["crisis"], 4)
        if per_intent["crisis"] else None,
        "false_crisis": len(not_crisis),
        "figures_of_speech": len(figures),
        "figures_null_rate": round(1 - len(figures_wrong) / len(figures), 4) if figures else None,
        "per_intent_accuracy": {k: round(per_intent_ok[k] / v, 3)
                                for k, v in sorted(per_intent.items())},
        "parse_ms_mean": round(statistics.fmean(latencies), 3),
        "parse_ms_p95": round(sorted(latencies)[int(0.95 * len(latencies)) - 1], 3),
        "misses": misses,
        "out_of_domain_misses": ood_wrong,
        "figures_misses": figures_wrong,
    }


def print_report(name: str, report: dict) -> None:
    misses, ood_wrong, n = report["misses"], report["out_of_domain_misses"], report["paraphrases"]
    ood = report["out_of_domain"]
    print(f"== {name}")
    for miss in misses:
        print(f"MISS  {miss['text']!r}: expected {miss['expected']} {miss['expected_slots']}, "
              f"got {miss['got']} {miss['slots']} ({miss['confidence']:.2f})")
    for miss in ood_wrong:
        print(f"OOD   {miss['text']!r}: got {miss['got']} {miss['slots']} "
              f"({miss['confidence']:.2f})")
    for miss in report["figures_misses"]:
        print(f"FIG   {miss['text']!r}: got {miss['got']} {miss['slots']} "
              f"({miss['confidence']:.2f})")
    print(f"paraphrases: {n}  intent accuracy {report['intent_accuracy']:.1%}  "
          f"intent+slots {report['intent_and_slot_accuracy']:.1%}")
    print(f"out of domain: {ood}  null rate {report['out_of_domain_null_rate']:.1%}")
    if report["crisis"]:
        print(f"crisis recall: {report['crisis_recall']:.1%} of {report['crisis']}")
    if report["figures_of_speech"]:
        print(f"figures of speech: {report['figures_of_speech']}  null rate "
              f"{report['figures_null_rate']:.1%}")
    print(f"non-crisis read as crisis: {report['false_crisis']}")
    print(f"parse: mean {report['parse_ms_mean']} ms, p95 {report['parse_ms_p95']} ms")


if __name__ == "__main__":
    raise SystemExit(main())
