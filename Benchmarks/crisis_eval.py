#!/usr/bin/env python3
"""The crisis detector through the built binary: recall and false alarms on every set.

usage: Benchmarks/crisis_eval.py [--binary PATH] [--clinc DATA_FULL_JSON] [--baseline PATH]

Runs `faqbot --json` on a one-intent pack (the detector must not depend on the pack) over
- Tests/Fixtures/crisis/{crisis,benign}-{tune,heldout}.jsonl: recall / false alarms per category,
  tune and held-out reported apart (held-out messages are counted, never printed);
- every CLINC150 question, in-scope and out-of-scope, all splits (23,700): false alarms, printed
  (CLINC150 is not a tuning set of the detector);
- the default pack's tuning and held-out questions minus those labelled `crisis`: false alarms;
and times the JSON mode on the CLINC150 questions beside --baseline (the binary before the
detector), best of three, to give the detector's cost per message. Prints Markdown.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def one_intent_pack(directory):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "pack.yaml"), "w") as handle:
        handle.write("intents:\n  - id: opening_hours\n    kind: faq\n"
                     "    examples: [when are you open, what are your opening hours, are you open on sunday]\n"
                     "    answer:\n      text: We are open nine to five.\n")
    return directory


def kinds(binary, pack, texts, env):
    lines = "".join(json.dumps({"id": i, "question": t}) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([binary, "--json", "--intents", pack], input=lines, capture_output=True, text=True,
                         env=env, check=True).stdout
    responses = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(responses) == len(texts), (len(responses), len(texts))
    return [r.get("kind") for r in responses]


def timed(binary, pack, texts, env):
    lines = "".join(json.dumps({"id": i, "question": t}) + "\n" for i, t in enumerate(texts))
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([binary, "--json", "--intents", pack], input=lines, capture_output=True, text=True,
                       env=env, check=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


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
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="faqbot-crisis-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    pack = one_intent_pack(os.path.join(work, "pack"))

    print("### Crisis sets (Tests/Fixtures/crisis), one-intent pack\n")
    print("| category | tune | held-out |\n| --- | ---: | ---: |")
    for kind_name, want in (("crisis", True), ("benign", False)):
        parts = {}
        for part in ("tune", "heldout"):
            rows = read_jsonl(os.path.join(FIXTURES, "crisis", f"{kind_name}-{part}.jsonl"))
            parts[part] = by_category(rows, kinds(args.binary, pack, [r["text"] for r in rows], env), want)
        label = "recall" if want else "false alarms"
        for category in sorted(parts["tune"]):
            cells = []
            for part in ("tune", "heldout"):
                total, good = parts[part].get(category, (0, 0))
                value = good if want else total - good
                cells.append(f"{value}/{total} ({100 * value / max(1, total):.1f}%)")
            print(f"| {kind_name} {category} ({label}) | {cells[0]} | {cells[1]} |")
        cells = []
        for part in ("tune", "heldout"):
            total = sum(t for t, _ in parts[part].values())
            good = sum(g for _, g in parts[part].values())
            value = good if want else total - good
            cells.append(f"{value}/{total} ({100 * value / max(1, total):.1f}%)")
        print(f"| **{kind_name} overall ({label})** | {cells[0]} | {cells[1]} |")
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
        if os.path.exists(args.baseline):
            new = timed(args.binary, pack, clinc, env)
            old = timed(args.baseline, pack, clinc, env)
            per = (new - old) / len(clinc) * 1e6
            print(f"JSON mode on the {len(clinc)} CLINC150 questions (one-intent pack, best of 3, start-up included): "
                  f"{len(clinc) / new:,.0f} questions/s with the detector, {len(clinc) / old:,.0f} before it "
                  f"(ratio {old / new:.2f}); {per:.1f} µs more per message.")
    else:
        print(f"CLINC150 not found at {args.clinc}; skipped.")


if __name__ == "__main__":
    main()
