#!/usr/bin/env python3
"""Validate the question sets in Benchmarks/documents/<name>/questions.jsonl.

For every document directory (one holding document.md or document.txt and
questions.jsonl) this checks:
  * each line is a JSON object with exactly the keys question, expect,
    section, split, in that order;
  * expect is answer / not_covered / off_topic / crisis; split is tune / heldout;
  * an answer's section is exactly the title of a heading in the document
    (ATX headings outside fenced code blocks); every other class has null;
  * no question is repeated, copies a heading, or is a substring of the document;
  * the minimum counts per class (50 / 20 / 15 / 8);
  * at least 30% of every class is held out, and the split is the one the
    fixed-seed rule below gives (so nobody can move a question between splits
    without it showing).
It then prints counts per class and split, and how many answer questions share
few words with the document.

Split rule: the questions are written first, in file order. For each class in
the order answer, not_covered, off_topic, crisis, the indices of that class are
shuffled with one random.Random(SEED) per document, and the first
ceil(HELDOUT_FRACTION * n) shuffled indices are heldout; the rest are tune.

Usage: python3 Benchmarks/documents/check.py [--assign DIR]
  --assign DIR  rewrite DIR/questions.jsonl's split fields by the rule (only
                for a question set that is new; never to re-draw a split).
"""
import json, math, random, re, sys
from collections import Counter
from pathlib import Path

SEED = 20260822
HELDOUT_FRACTION = 0.35
CLASSES = ["answer", "not_covered", "off_topic", "crisis"]
MINIMUM = {"answer": 50, "not_covered": 20, "off_topic": 15, "crisis": 8}
KEYS = ["question", "expect", "section", "split"]
# A second question set per document, written later by someone who had read only the
# document, before anything was tuned on it: every question is held out (split "fresh").
FRESH = "questions-fresh.jsonl"
STOP = set("""a an the and or but if of to in on at for with by from as is are was were be been
do does did i me my you your it its this that these those what whats which who why how when where
can could should would will so not no yes there their they them we our us he she his her about
into than then just also any some all too very have has had get got""".split())


def headings(text):
    out, fence = [], None
    for line in text.splitlines():
        m = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if m:
            if fence is None:
                fence = m.group(1)[0]
            elif m.group(1)[0] == fence:
                fence = None
            continue
        if fence is None:
            h = re.match(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", line)
            if h:
                out.append(h.group(1))
    return out


def words(s):
    return [w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP and len(w) > 2]


def splits(rows):
    rng = random.Random(SEED)
    result = [None] * len(rows)
    for cls in CLASSES:
        idx = [i for i, r in enumerate(rows) if r["expect"] == cls]
        rng.shuffle(idx)
        k = math.ceil(HELDOUT_FRACTION * len(idx))
        for j, i in enumerate(idx):
            result[i] = "heldout" if j < k else "tune"
    return result


def document(d):
    for name in ("document.md", "document.txt"):
        if (d / name).exists():
            return (d / name).read_text(encoding="utf-8")
    return None


def check(d, name="questions.jsonl"):
    """Checks d/name; the fresh set (questions-fresh.jsonl) is all split "fresh", so the
    split rule and the minimum counts apply to questions.jsonl only."""
    fresh = name == FRESH
    errors = []
    text = document(d)
    heads = headings(text)
    lines = (d / name).read_text(encoding="utf-8").splitlines()
    rows, numbers = [], []
    for n, line in enumerate(lines, 1):
        try:
            pairs = json.loads(line, object_pairs_hook=lambda p: p)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: not JSON ({e})")
            continue
        if [k for k, _ in pairs] != KEYS:
            errors.append(f"line {n}: keys {[k for k, _ in pairs]} are not {KEYS}")
            continue
        rows.append(dict(pairs))
        numbers.append(n)
    low = " ".join(text.lower().split())
    seen = set()
    for n, r in zip(numbers, rows):
        q, e, s, sp = r["question"], r["expect"], r["section"], r["split"]
        if e not in CLASSES:
            errors.append(f"line {n}: expect {e!r}")
        if sp not in (("fresh",) if fresh else ("tune", "heldout")):
            errors.append(f"line {n}: split {sp!r}")
        if e == "answer":
            if s not in heads:
                errors.append(f"line {n}: section {s!r} is not a heading of the document")
        elif s is not None:
            errors.append(f"line {n}: {e} with a section")
        key = " ".join(q.lower().split())
        if key in seen:
            errors.append(f"line {n}: repeated question {q!r}")
        seen.add(key)
        if key in low:
            errors.append(f"line {n}: question is copied from the document: {q!r}")
        if any(words(q) == words(h) for h in heads):
            errors.append(f"line {n}: question copies a heading: {q!r}")
    counts = Counter((r["expect"], r["split"]) for r in rows)
    vocab = set(words(text))
    few = sum(1 for r in rows if r["expect"] == "answer"
              and sum(w in vocab for w in words(r["question"])) <= len(words(r["question"])) / 2)
    if fresh:
        return rows, counts, few, errors
    for cls in CLASSES:
        total = counts[(cls, "tune")] + counts[(cls, "heldout")]
        if total < MINIMUM[cls]:
            errors.append(f"{cls}: {total} questions, fewer than {MINIMUM[cls]}")
        if total and counts[(cls, "heldout")] / total < 0.30:
            errors.append(f"{cls}: under 30% held out")
    if len(rows) < len(lines):
        errors.append("split not checked against the fixed-seed rule: some lines are malformed")
    elif [r["split"] for r in rows] != splits(rows):
        errors.append("split fields differ from the fixed-seed rule")
    return rows, counts, few, errors


def main(argv):
    root = Path(__file__).resolve().parent
    if len(argv) == 3 and argv[1] == "--assign":
        path = Path(argv[2]) / "questions.jsonl"
        rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]
        for r, sp in zip(rows, splits(rows)):
            r["split"] = sp
        path.write_text("".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
        return 0
    failed = False
    for d in sorted(p for p in root.iterdir() if (p / "questions.jsonl").exists()):
        rows, counts, few, errors = check(d)
        print(f"{d.name}: {len(rows)} questions")
        for cls in CLASSES:
            t, h = counts[(cls, "tune")], counts[(cls, "heldout")]
            print(f"  {cls:12} {t + h:3}  tune {t:3}  heldout {h:3}")
        answers = counts[("answer", "tune")] + counts[("answer", "heldout")]
        print(f"  answer questions sharing at most half their content words with the document: {few} of {answers}")
        for e in errors:
            print("  ERROR", e)
        failed |= bool(errors)
        if (d / FRESH).exists():
            rows, counts, few, errors = check(d, FRESH)
            print(f"  {FRESH}: {len(rows)} questions, all held out ("
                  + ", ".join(f"{cls} {counts[(cls, 'fresh')]}" for cls in CLASSES) + f"); few shared words: {few}")
            for e in errors:
                print(f"  ERROR {FRESH}", e)
            failed |= bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
