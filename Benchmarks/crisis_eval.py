#!/usr/bin/env python3
"""The crisis detector through the built binary: recall and false alarms on every set.

usage: Benchmarks/crisis_eval.py [--binary PATH] [--clinc DATA_FULL_JSON] [--baseline PATH]
                                [--skip-heldout] [--misses PART] [--encoder]

Runs `faqbot --json` on a one-intent pack (the detector must not depend on the pack) over
- Tests/Fixtures/crisis/{crisis,benign}-{tune,train,validation,heldout}.jsonl, the eighth
  round's fresh corpus, {crisis,benign}-{train,heldout}-fresh.jsonl, and the eleventh round's,
  {crisis,benign}-{train,heldout}-eleventh.jsonl, and the thirteenth round's,
  {crisis,benign}-{validation,heldout}-thirteenth.jsonl, and the border corpus,
  {crisis,benign}-{tune,heldout}-border.jsonl, and the fourteenth round's,
  {crisis,benign}-{train,heldout}-fourteenth.jsonl: recall / false alarms per category, each part
  reported apart (held-out messages are counted, never printed; --skip-heldout leaves the
  held-out parts out altogether, for development runs; --misses PART prints the wrong answers
  of PART, which may be tune, train, validation, train-fresh, train-eleventh,
  validation-thirteenth, tune-border or train-fourteenth, never a
  held-out part);
- every CLINC150 question, in-scope and out-of-scope, all splits (23,700): false alarms, printed
  (CLINC150 is not a tuning set of the detector);
- the default pack's tuning and held-out questions minus those labelled `crisis`: false alarms;
in the fast mode, or with --encoder in the encoder mode (the sentence vector's third signal);
and times the JSON mode on the CLINC150 questions beside --baseline (the binary before the
detector), median of five alternating runs, to give the detector's cost per message. Prints Markdown.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


# The parts tuned on (whose misses --misses may print) and the held-out ones, in table order.
TUNED_PARTS = ("tune", "train", "validation", "train-fresh", "train-eleventh", "validation-thirteenth",
               "tune-border", "train-fourteenth")
HELDOUT_PARTS = ("heldout", "heldout-fresh", "heldout-eleventh", "heldout-thirteenth", "heldout-border",
                 "heldout-fourteenth")
# --encoder: every message is asked in the encoder mode, where the sentence vector adds the
# third signal (CrisisMeaning); the default is the fast mode, the detector's two signals.
MODE = []


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def one_intent_pack(directory):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "hours.yaml"), "w") as handle:
        handle.write("intents:\n  - id: opening_hours\n    kind: faq\n"
                     "    examples: [when are you open, what are your opening hours, are you open on sunday]\n"
                     "    answer:\n      text: We are open nine to five.\n")
    return directory


def kinds(binary, pack, texts, env):
    lines = "".join(json.dumps({"id": i, "question": t}) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([binary, "--json", "--intents", pack, *MODE], input=lines, capture_output=True,
                         text=True, env=env, check=True).stdout
    responses = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(responses) == len(texts), (len(responses), len(texts))
    return [r.get("kind") for r in responses]


def timed_side_by_side(binaries, pack, texts, env, runs=5):
    """Median wall time of each binary over `texts`, runs alternating so load falls on both alike."""
    lines = "".join(json.dumps({"id": i, "question": t}) + "\n" for i, t in enumerate(texts))
    times = {binary: [] for binary in binaries}
    for _ in range(runs):
        for binary in binaries:
            start = time.perf_counter()
            subprocess.run([binary, "--json", "--intents", pack], input=lines, capture_output=True, text=True,
                           env=env, check=True)
            times[binary].append(time.perf_counter() - start)
    return [statistics.median(times[binary]) for binary in binaries]


def by_category(rows, flagged, want):
    table = {}
    for row, kind in zip(rows, flagged):
        hit = (kind == "safety") == want
        total, good = table.get(row["category"], (0, 0))
        table[row["category"]] = (total + 1, good + hit)
    return table


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "faqbot"))
    parser.add_argument("--clinc", default=os.environ.get(
        "CLINC150", os.path.join(os.path.dirname(ROOT), "shared", "datasets", "clinc150", "data_full.json")))
    parser.add_argument("--baseline", default="/work/bin-baseline/faqbot")
    parser.add_argument("--skip-heldout", action="store_true")
    parser.add_argument("--misses", choices=TUNED_PARTS)
    parser.add_argument("--encoder", action="store_true", help="ask in the encoder mode (the third signal)")
    args = parser.parse_args()
    if args.encoder:
        MODE.append("--encoder")
    part_names = TUNED_PARTS + (() if args.skip_heldout else HELDOUT_PARTS)
    work = tempfile.mkdtemp(prefix="faqbot-crisis-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    pack = one_intent_pack(os.path.join(work, "pack"))

    print(f"### Crisis sets (Tests/Fixtures/crisis), one-intent pack, {'encoder' if args.encoder else 'fast'} mode\n")
    headers = {"tune": "tune", "train": "train", "validation": "validation", "heldout": "held-out",
               "train-fresh": "fresh train", "heldout-fresh": "fresh held-out",
               "train-eleventh": "11th train", "heldout-eleventh": "11th held-out",
               "validation-thirteenth": "13th validation", "heldout-thirteenth": "13th held-out",
               "tune-border": "border tune", "heldout-border": "border held-out",
               "train-fourteenth": "14th train", "heldout-fourteenth": "14th held-out"}
    print("| category | " + " | ".join(headers[p] for p in part_names) + " |\n| --- |"
          + " ---: |" * len(part_names))
    misses = []
    for kind_name, want in (("crisis", True), ("benign", False)):
        parts = {}
        for part in part_names:
            rows = read_jsonl(os.path.join(FIXTURES, "crisis", f"{kind_name}-{part}.jsonl"))
            flagged = kinds(args.binary, pack, [r["text"] for r in rows], env)
            parts[part] = by_category(rows, flagged, want)
            if part == args.misses:
                misses += [(kind_name, r["category"], r["text"]) for r, k in zip(rows, flagged)
                           if (k == "safety") != want]
        label = "recall" if want else "false alarms"
        for category in sorted(set().union(*(parts[p].keys() for p in part_names))):
            cells = []
            for part in part_names:
                total, good = parts[part].get(category, (0, 0))
                value = good if want else total - good
                cells.append(f"{value}/{total} ({100 * value / max(1, total):.1f}%)")
            print(f"| {kind_name} {category} ({label}) | " + " | ".join(cells) + " |")
        cells = []
        for part in part_names:
            total = sum(t for t, _ in parts[part].values())
            good = sum(g for _, g in parts[part].values())
            value = good if want else total - good
            cells.append(f"{value}/{total} ({100 * value / max(1, total):.1f}%)")
        print(f"| **{kind_name} overall ({label})** | " + " | ".join(cells) + " |")
    print()
    if args.misses:
        print(f"Wrong answers on the {args.misses} part ({len(misses)}):\n")
        for kind_name, category, text in misses:
            print(f"- {kind_name} {category}: `{text}`")
        print()

    eval_rows = [r for name in ("default-pack-eval.jsonl", "default-pack-heldout.jsonl")
                 for r in read_jsonl(os.path.join(FIXTURES, name)) if r.get("intent") != "crisis"]
    questions = [r["question"] for r in eval_rows]
    flagged = [q for q, k in zip(questions, kinds(args.binary, pack, questions, env)) if k == "safety"]
    print(f"Default pack's questions (tuning + held-out, crisis-labelled left out): "
          f"{len(flagged)} false alarms of {len(questions)}.\n")

    if os.path.exists(args.clinc):
        with open(args.clinc) as handle:
            data = json.load(handle)
        clinc = [text for split in sorted(data) for text, _ in data[split]]
        flags = kinds(args.binary, pack, clinc, env)
        alarms = [t for t, k in zip(clinc, flags) if k == "safety"]
        print(f"CLINC150, every question of every split: {len(alarms)} false alarms of {len(clinc)} "
              f"({100 * len(alarms) / len(clinc):.3f}%).")
        for text in alarms:
            print(f"- `{text}`")
        print()
        if os.path.exists(args.baseline) and not args.encoder:
            new, old = timed_side_by_side([args.binary, args.baseline], pack, clinc, env)
            per = (new - old) / len(clinc) * 1e6
            print(f"JSON mode on the {len(clinc)} CLINC150 questions (one-intent pack, median of 5 runs "
                  f"alternating with the baseline, start-up included): "
                  f"{len(clinc) / new:,.0f} questions/s with the detector, {len(clinc) / old:,.0f} before it "
                  f"(ratio {old / new:.2f}); {per:.1f} µs more per message.")
    else:
        print(f"CLINC150 not found at {args.clinc}; skipped.")


if __name__ == "__main__":
    main()
