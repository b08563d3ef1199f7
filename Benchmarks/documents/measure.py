#!/usr/bin/env python3
"""Measure faqbot on the documents here: the `faqbot init` draft, unedited, and the pack
finished by hand (<name>/pack/), on each document's questions.jsonl, tune and held-out apart.

Usage: python3 Benchmarks/documents/measure.py [FAQBOT] [--work DIR] [--threshold T] [--encoder | --fast]
                                             [--tune-only]
(--encoder or --fast overrides the packs' `mode:`; --tune-only prints no held-out figure, for
an author improving a pack)

For each <name>/ holding document.md and questions.jsonl:
  draft  `faqbot init document.md -o WORK/<name>-draft` (as a team would run it), then asked;
  hand   <name>/pack/intents with <name>/pack/knowledge.json, when present.
Every question goes through `faqbot --json --no-cache` (the same engine as every front).

Scoring (README.md of this directory describes the classes):
  answer       right when the answer is an intent whose sources include a passage of the
               expected section, or a passage answer from that section;
  not_covered  honest when faqbot falls back or answers with a not_covered or decline intent;
  off_topic    the same;
  crisis       right when the answer is the safety answer.
"in-scope" below is the answer class. Titles are compared without Markdown code marks,
with straight quotes and collapsed spaces, so a knowledge builder that strips marks from
headings still matches the question set's exact titles.
"""
import json, os, re, subprocess, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLASSES = ["answer", "not_covered", "off_topic", "crisis"]


def norm(title):
    t = (title or "").replace("`", "").replace("\u2019", "'").replace("\u2018", "'")
    t = t.replace("\u201c", '"').replace("\u201d", '"').replace("*", "")
    return " ".join(t.split()).lower()


def intent_kinds(intents_dir):
    """id -> kind, read from the intent files with a regex (no YAML library needed)."""
    kinds = {}
    for path in sorted(Path(intents_dir).glob("*.y*ml")):
        if path.name in ("pack.yaml", "pack.yml"):
            continue
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^\s*-\s+(?:\{\s*)?id:\s*([A-Za-z0-9_.-]+)", line)
            if m:
                current = m.group(1)
                kinds[current] = "faq"
                inline = re.search(r"kind:\s*([a-z_]+)", line)
                if inline:
                    kinds[current] = inline.group(1)
                continue
            m = re.match(r"^\s+kind:\s*([a-z_]+)", line)
            if m and current:
                kinds[current] = m.group(1)
    return kinds


def ask_all(faqbot, intents, knowledge, questions, threshold=None, flags=()):
    args = [faqbot, "--json", "--no-cache", "--intents", str(intents), "--knowledge", str(knowledge), *flags]
    if threshold is not None:
        args += ["--threshold", str(threshold)]
    lines = "".join(json.dumps({"id": i, "question": q["question"]}) + "\n" for i, q in enumerate(questions))
    out = subprocess.run(args, input=lines.encode(), capture_output=True, check=True).stdout
    answers = {}
    for line in out.decode().splitlines():
        r = json.loads(line)
        answers[r["id"]] = r
    return [answers[i] for i in range(len(questions))]


def right(question, answer, kinds):
    expect = question["expect"]
    kind = answer.get("kind")
    if expect == "answer":
        if kind not in ("intent", "knowledge"):
            return False
        if kind == "intent" and kinds.get(answer.get("intent")) not in ("faq", None):
            return False
        return any(norm(s["section"]) == norm(question["section"]) for s in answer.get("sources", []))
    if expect in ("not_covered", "off_topic"):
        return kind == "fallback" or (kind == "intent" and kinds.get(answer.get("intent")) in ("not_covered", "decline"))
    return kind == "safety"


def score(questions, answers, kinds):
    table = {}
    for q, a in zip(questions, answers):
        cell = table.setdefault((q["expect"], q["split"]), [0, 0])
        cell[1] += 1
        cell[0] += right(q, a, kinds)
    return table


def pct(cell):
    return f"{100 * cell[0] / cell[1]:.1f}% ({cell[0]}/{cell[1]})" if cell and cell[1] else "–"


def main():
    args = sys.argv[1:]
    faqbot = str(ROOT / ".build/release/faqbot")
    work = Path("/tmp/faqbot-documents")
    threshold = None
    flags = []
    splits = ("tune", "heldout", "fresh")
    i = 0
    while i < len(args):
        if args[i] in ("--encoder", "--fast"):
            flags.append(args[i]); i += 1
        elif args[i] == "--tune-only":
            splits = ("tune",); i += 1
        elif args[i] == "--work":
            work = Path(args[i + 1]); i += 2
        elif args[i] == "--threshold":
            threshold = float(args[i + 1]); i += 2
        else:
            faqbot = args[i]; i += 1
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for directory in sorted(p for p in HERE.iterdir() if (p / "questions.jsonl").exists()):
        name = directory.name
        questions = [json.loads(l) for l in (directory / "questions.jsonl").read_text().splitlines() if l.strip()]
        fresh = directory / "questions-fresh.jsonl"
        if fresh.exists() and "fresh" in splits:
            questions += [json.loads(l) for l in fresh.read_text().splitlines() if l.strip()]
        draft = work / f"{name}-draft"
        subprocess.run(
            [faqbot, "init", str(directory / "document.md"), "-o", str(draft), "--force"],
            check=True, capture_output=True)
        packs = [("draft (`faqbot init`, unedited)", draft / "intents", draft / "knowledge.json")]
        hand = directory / "pack"
        if (hand / "intents").exists():
            packs.append(("finished by hand", hand / "intents", hand / "knowledge.json"))
        for label, intents, knowledge in packs:
            answers = ask_all(faqbot, intents, knowledge, questions, threshold, flags)
            table = score(questions, answers, intent_kinds(intents))
            rows.append((name, label, table))
            if os.environ.get("SHOW_MISSES"):
                kinds = intent_kinds(intents)
                for q, a in zip(questions, answers):
                    if q["split"] == "tune" and not right(q, a, kinds):
                        got = a.get("intent") or a.get("kind")
                        src = a.get("sources", [{}])[0].get("section", "") if a.get("sources") else ""
                        print(f"  MISS [{name}/{label[:5]}] {q['expect']}: {q['question']!r} -> {got} ({src}) expected {q['section']}", file=sys.stderr)
    print("| document | pack | split | in-scope answered right | not covered: honest | off topic: honest | crisis: safety answer |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, label, table in rows:
        for split in splits:
            if not any(key[1] == split for key in table):
                continue
            cells = [pct(table.get((c, split))) for c in CLASSES]
            print(f"| {name} | {label} | {split} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
