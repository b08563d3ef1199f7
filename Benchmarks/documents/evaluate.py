#!/usr/bin/env python3
"""Score the knowledge-only bot on each document's questions, through the built binary.

For every Benchmarks/documents/<name>/ with document.md (or .txt) and questions.jsonl:
  faqbot knowledge build document.md -o $WORK/<name>.json
  faqbot --json --knowledge $WORK/<name>.json --knowledge-only   (all questions on stdin)
then, per split (tune, heldout):
  answer       right when the reply quotes the document (kind knowledge or intent) and its
               first source lies in the expected section (matched by title, as served:
               without code marks);
  not_covered  honest when the reply is not a quotation: fallback (or a not-covered kind);
  off_topic    honest likewise;
  crisis       right when the reply is the safety answer.

usage: Benchmarks/documents/evaluate.py [--faqbot PATH] [--encoder | --fast] [--json] [--misses tune]
  --faqbot  the binary (default .build/debug/faqbot, else .build/release/faqbot)
  --json    print the figures as one JSON object instead of a table
  --misses  list the wrong answers of the tune split (held-out questions are reported as
            counts only: they are never printed, so they cannot be tuned on)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = Path(__file__).resolve().parent
QUOTING = {"knowledge", "intent"}
HONEST = {"fallback", "not_covered", "off_topic", "out_of_scope"}


def documents():
    for directory in sorted(p for p in DOCUMENTS.iterdir() if (p / "questions.jsonl").exists()):
        for name in ("document.md", "document.txt"):
            if (directory / name).exists():
                yield directory.name, directory / name, directory / "questions.jsonl"
                break


def ask(faqbot, knowledge, questions, flags=()):
    requests = "".join(json.dumps({"id": i, "question": q["question"]}) + "\n" for i, q in enumerate(questions))
    result = subprocess.run(
        [faqbot, "--json", "--no-cache", "--knowledge", knowledge, "--knowledge-only", *flags],
        input=requests, capture_output=True, text=True, check=True)
    replies = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    by_id = {reply["id"]: reply for reply in replies}
    return [by_id.get(i, {}) for i in range(len(questions))]


def served_title(heading):
    """A heading as the knowledge file serves it: Markdown code marks are not served text."""
    return heading.replace("`", "")


def judge(question, reply):
    kind = reply.get("kind")
    expect = question["expect"]
    if expect == "answer":
        sources = reply.get("sources") or []
        return kind in QUOTING and bool(sources) and sources[0].get("section") == served_title(question["section"])
    if expect == "crisis":
        return kind == "safety"
    return kind in HONEST


def evaluate(faqbot, work, flags=()):
    figures = {}
    misses = {}
    for name, document, questions_path in documents():
        knowledge = os.path.join(work, name + ".json")
        subprocess.run([faqbot, "knowledge", "build", str(document), "-o", knowledge],
                       check=True, capture_output=True, text=True)
        questions = [json.loads(line) for line in questions_path.read_text(encoding="utf-8").splitlines()]
        fresh = questions_path.with_name("questions-fresh.jsonl")
        if fresh.exists():
            questions += [json.loads(line) for line in fresh.read_text(encoding="utf-8").splitlines() if line.strip()]
        replies = ask(faqbot, knowledge, questions, flags)
        table = {}
        for question, reply in zip(questions, replies):
            cell = table.setdefault(question["split"], {}).setdefault(question["expect"], [0, 0])
            right = judge(question, reply)
            cell[0] += right
            cell[1] += 1
            if not right and question["split"] == "tune":
                misses.setdefault((name, question["split"]), []).append((question, reply))
        figures[name] = table
    return figures, misses


def percent(cell):
    return f"{100 * cell[0] / cell[1]:.0f}% ({cell[0]}/{cell[1]})" if cell and cell[1] else "–"


def markdown_tables(figures):
    """Lines of one table per document (Benchmarks/run prints these)."""
    lines = []
    for name, table in figures.items():
        lines.append(f"**{name}** (knowledge only: `--knowledge-only`, no intent files)")
        lines.append("")
        lines.append("| split | in-scope answered right (target ≥ 70%) | not covered: honest | off topic: honest | crisis: safety answer |")
        lines.append("| --- | --- | --- | --- | --- |")
        for split in ("tune", "heldout", "fresh"):
            if split not in table:
                continue
            row = table.get(split, {})
            lines.append(f"| {split} | {percent(row.get('answer'))} | {percent(row.get('not_covered'))} | "
                         f"{percent(row.get('off_topic'))} | {percent(row.get('crisis'))} |")
        lines.append("")
    return lines


def default_binary():
    for candidate in (ROOT / ".build" / "debug" / "faqbot", ROOT / ".build" / "release" / "faqbot"):
        if candidate.exists():
            return str(candidate)
    sys.exit("no faqbot binary: run `swift build` or pass --faqbot PATH")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--faqbot")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--encoder", action="store_true", help="ask in the encoder mode (--encoder)")
    parser.add_argument("--fast", action="store_true",
                        help="ask in the fast mode (--fast; a pack without intents runs in the encoder mode by default)")
    parser.add_argument("--no-subject-check", action="store_true", help="turn the subject check off, to measure it")
    parser.add_argument("--misses", choices=["tune"], help="list the tune split's wrong answers (never held-out ones)")
    args = parser.parse_args()
    faqbot = args.faqbot or default_binary()
    with tempfile.TemporaryDirectory(prefix="faqbot-documents-") as work:
        figures, misses = evaluate(faqbot, work, (["--encoder"] if args.encoder else []) + (["--fast"] if args.fast else []) + (["--no-subject-check"] if args.no_subject_check else []))
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print("\n".join(markdown_tables(figures)))
    if args.misses:
        for (name, split), items in sorted(misses.items()):
            if split != "tune":
                continue  # held-out items are never printed
            for question, reply in items:
                sources = reply.get("sources") or [{}]
                print(f"{name} [{question['expect']}] {question['question']!r}\n    expected {question['section']!r}"
                      f"\n    got {reply.get('kind')} {sources[0].get('section')!r}: {reply.get('answer', '')[:120]!r}")


if __name__ == "__main__":
    main()
