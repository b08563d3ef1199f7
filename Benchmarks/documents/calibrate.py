#!/usr/bin/env python3
"""Fit (on tune) and measure (on held-out) the confidence of a knowledge-only pack's passage
answers, through the built binary.

A knowledge-only pack answers from a section when the section's words cover enough of the
question ("words") or its nearest paragraph is near enough in meaning ("meaning": the encoder's
cosine plus its lead over the next section; "vectors" in the fast mode: the static token
vectors' cosine). Each basis has its own raw score, and each is mapped to the probability
that such an answer is right (EngineConfiguration.sectionWordsCalibration and the others,
docs/protocol.md "Confidence") by a logistic fit on the tune questions of every document
here: each question is asked with `faqbot ask --why --json --knowledge-only` (the reason names
the basis and the raw score), and a passage answer is right when the question is an `answer`
question and the passage lies in its expected section (as evaluate.py judges).

usage: Benchmarks/documents/calibrate.py [--faqbot PATH] [--fit] [--fast]
  --fit    print the logistic fit of each basis on the tune split (the Swift points to paste)
  without --fit: the expected calibration error of the answers' reported confidence, tune
  and held-out apart (held-out: counts and figures only, never the questions)
Needs scikit-learn for --fit (the repository's .build-venv has it).
"""
import argparse
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate  # noqa: E402  (the same documents, judge and binary lookup)

REASON = re.compile(
    r"it holds ([0-9.]+)% of the question's content words, its heading ([0-9.]+)% \(needs ([0-9.]+)% or "
    r"([0-9.]+)% in the heading\), and its nearest paragraph in meaning \((encoder|token vectors)\) is at "
    r"cosine (none|-?[0-9.]+)(?: plus (-?[0-9.]+) for its lead)?")


def basis_and_score(why):
    """(basis, raw score) of a passage answer from its --why reason; None for other answers."""
    match = REASON.search(why)
    if not match:
        return None
    coverage, title, needs, needs_title = (float(match.group(i)) / 100 for i in range(1, 5))
    if coverage >= needs or title >= needs_title:
        return "words", coverage
    cosine = float(match.group(6)) if match.group(6) != "none" else 0.0
    if match.group(5) == "encoder":
        return "meaning", cosine + float(match.group(7) or 0)
    return "vectors", cosine


def collect(faqbot, work, flags):
    """(split, basis, raw score, reported confidence, right) for each passage answer."""
    rows = []
    for name, document, questions_path in evaluate.documents():
        knowledge = os.path.join(work, name + ".json")
        subprocess.run([faqbot, "knowledge", "build", str(document), "-o", knowledge],
                       check=True, capture_output=True, text=True)
        for line in questions_path.read_text(encoding="utf-8").splitlines():
            question = json.loads(line)
            if question["expect"] == "crisis":
                continue
            result = subprocess.run(
                [faqbot, "ask", "--why", "--json", "--knowledge", knowledge, "--knowledge-only", *flags,
                 question["question"]], capture_output=True, text=True, check=True)
            first, why = result.stdout.partition("\n")[0], result.stderr
            reply = json.loads(first)
            if reply.get("kind") != "knowledge":
                continue
            found = basis_and_score(why)
            if found is None:
                sys.exit(f"calibrate.py: no section reason for a passage answer of {name}")
            rows.append((question["split"], found[0], found[1], reply["confidence"],
                         evaluate.judge(question, reply)))
    return rows


@functools.lru_cache(maxsize=None)
def _honesty_eval():
    """scripts/honesty-eval.py as a module: its reliability table is the one ECE of the project."""
    import importlib.machinery
    import importlib.util
    path = Path(__file__).resolve().parents[2] / "scripts" / "honesty-eval.py"
    loader = importlib.machinery.SourceFileLoader("honesty_eval", str(path))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("honesty_eval", loader))
    loader.exec_module(module)
    return module


def ece(pairs, bins=10):
    """Expected calibration error of (confidence, right) pairs, equal-width bins
    (honesty-eval.py's reliability); None without pairs."""
    return _honesty_eval().reliability(pairs, bins)[1] if pairs else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--faqbot")
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--fast", action="store_true")
    args = parser.parse_args()
    faqbot = args.faqbot or evaluate.default_binary()
    flags = ["--fast"] if args.fast else []
    with tempfile.TemporaryDirectory(prefix="faqbot-calibrate-") as work:
        rows = collect(faqbot, work, flags)
    if args.fit:
        # A logistic (Platt) fit of right on the raw score, per basis: two parameters, where an
        # isotonic fit of some thirty answers jumps from a third to certainty between two of
        # them. Written as the points of a piecewise-linear ScoreCalibration at five scores
        # across the tune answers' range (flat outside it).
        from sklearn.linear_model import LogisticRegression
        for basis in ("words", "meaning", "vectors"):
            tune = [(score, right) for split, b, score, _, right in rows if split == "tune" and b == basis]
            if not tune:
                continue
            model = LogisticRegression(C=float("inf"))
            model.fit([[s] for s, _ in tune], [int(r) for _, r in tune])
            low, high = min(s for s, _ in tune), max(s for s, _ in tune)
            scores = [low + (high - low) * i / 4 for i in range(5)]
            probabilities = model.predict_proba([[s] for s in scores])[:, 1]
            right = sum(r for _, r in tune)
            print(f"{basis}: {len(tune)} tune answers, {right} right; slope {model.coef_[0][0]:.3f}; points "
                  + ", ".join(f"({s:.2f}, {p:.2f})" for s, p in zip(scores, probabilities)))
        return
    for split in ("tune", "heldout"):
        pairs = [(confidence, right) for s, _, _, confidence, right in rows if s == split]
        value = ece(pairs)
        right = sum(r for _, r in pairs)
        mean = sum(c for c, _ in pairs) / len(pairs) if pairs else 0
        print(f"[{split}] passage answers {len(pairs)}, right {right}, mean confidence {mean:.3f}, "
              f"ECE {value:.3f}" if value is not None else f"[{split}] no passage answers")


if __name__ == "__main__":
    main()
