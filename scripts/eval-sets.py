#!/usr/bin/env python3
"""Split and check the hand-written evaluation sets in Tests/Fixtures/other-subjects/ and
Tests/Fixtures/multi-turn/.

    scripts/eval-sets.py check    validate JSON, keys, intent ids and counts, and that the
                                  committed tune/held-out split is the one `split` derives
    scripts/eval-sets.py split    (re)derive the split from the union of both parts and write it

The split is reproducible from the committed files alone: the union of a set's two parts is
sorted, near-duplicates are grouped (same words, or for conversations the same intent
sequence), and groups (formed over the whole set) are shuffled with random.Random(SEED) per category and taken into the
held-out part until it holds about HELDOUT_SHARE of the category. Nothing here tunes anything.
"""
import json, random, re, sys
from pathlib import Path

SEED = 1729
HELDOUT_SHARE = 0.28
ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "Tests" / "Fixtures"
OTHER = FIX / "other-subjects"
MULTI = FIX / "multi-turn"
CATEGORIES = ["drug", "therapy", "condition", "food", "device", "person_org"]
MIN_PER_CATEGORY = {"drug": 120, "therapy": 40, "condition": 40, "food": 40, "device": 40, "person_org": 40}
STOP = set("a an the is are do does did can could i you it to of for and or in on my me be with what how whats".split())


def words(text):
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP}


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def pack_intent_ids():
    ids = []
    for f in sorted((ROOT / "intents").glob("*.yaml")):
        ids += re.findall(r"^\s*-\s*id:\s*([A-Za-z0-9_.-]+)\s*$", f.read_text(), re.M)
    return set(ids)


def read(path):
    rows = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            sys.exit(f"{path}:{n}: invalid JSON: {e}")
    return rows


def groups_of(rows, text, same):
    """Union-find over rows: near-duplicates (word Jaccard >= 0.5, or `same`) share a group."""
    parent = list(range(len(rows)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ws = [words(text(r)) for r in rows]
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if jaccard(ws[i], ws[j]) >= 0.5 or same(rows[i], rows[j]):
                parent[find(i)] = find(j)
    out = {}
    for i in range(len(rows)):
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def split(rows, stratum, text, same):
    rows = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    rng = random.Random(SEED)
    # Groups are formed over the whole set (a near-duplicate in another category still counts)
    # and each group is drawn in the stratum of its first row.
    gs = sorted(groups_of(rows, text, same), key=min)
    held = set()
    for s in sorted({stratum(r) for r in rows}):
        mine = [g for g in gs if stratum(rows[min(g)]) == s]
        rng.shuffle(mine)
        target = round(HELDOUT_SHARE * sum(len(g) for g in mine))
        count = 0
        for g in mine:
            if count + len(g) <= target:
                held.update(g)
                count += len(g)
    tune = [r for i, r in enumerate(rows) if i not in held]
    heldout = [r for i, r in enumerate(rows) if i in held]
    return tune, heldout


def other_spec():
    return dict(stratum=lambda r: r["category"], text=lambda r: r["question"],
                same=lambda a, b: False)


def multi_spec():
    return dict(stratum=lambda r: r["note"].split(":")[0],
                text=lambda r: " ".join(t["question"] for t in r["turns"]),
                same=lambda a, b: [t["intent"] for t in a["turns"]] == [t["intent"] for t in b["turns"]])


SETS = [(OTHER, "other-subjects", other_spec), (MULTI, "multi-turn", multi_spec)]


def write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def other_subject_problems(r, where):
    """What is wrong with one other-subjects line: its keys, its category, an empty field."""
    problems = []
    if list(r) != ["question", "subject", "category"]:
        problems.append(f"{where}: keys {list(r)}")
    if r.get("category") not in CATEGORIES:
        problems.append(f"{where}: category {r.get('category')!r}")
    if not (isinstance(r.get("question"), str) and r["question"].strip() and r.get("subject")):
        problems.append(f"{where}: empty question or subject")
    return problems


def check():
    ids = pack_intent_ids()
    problems = []
    for folder, name, spec in SETS:
        parts = {p: read(folder / f"{name}-{p}.jsonl") for p in ("tune", "heldout")}
        allrows = parts["tune"] + parts["heldout"]
        for p, rows in parts.items():
            for n, r in enumerate(rows, 1):
                where = f"{name}-{p}.jsonl:{n}"
                if name == "other-subjects":
                    problems += other_subject_problems(r, where)
                else:
                    if list(r) != ["turns", "note"]:
                        problems.append(f"{where}: keys {list(r)}")
                    if not 2 <= len(r["turns"]) <= 3:
                        problems.append(f"{where}: {len(r['turns'])} turns")
                    for t in r["turns"]:
                        if list(t) != ["question", "intent"] or not t["question"].strip():
                            problems.append(f"{where}: bad turn {t}")
                        if t["intent"] != "fallback" and t["intent"] not in ids:
                            problems.append(f"{where}: unknown intent {t['intent']!r}")
        key = (lambda r: r["question"].lower()) if name == "other-subjects" else (lambda r: json.dumps(r["turns"]).lower())
        seen = {}
        for r in allrows:
            if key(r) in seen:
                problems.append(f"{name}: duplicate {key(r)[:60]!r}")
            seen[key(r)] = 1
        s = spec()
        tune, heldout = split(allrows, **s)
        canon = lambda rows: sorted(json.dumps(r, sort_keys=True) for r in rows)
        if canon(tune) != canon(parts["tune"]) or canon(heldout) != canon(parts["heldout"]):
            problems.append(f"{name}: the committed split is not the one `split` derives (seed {SEED})")
        # near-duplicates across the parts
        ht = [s["text"](r) for r in parts["heldout"]]
        for r in parts["tune"]:
            for h in ht:
                if jaccard(words(s["text"](r)), words(h)) >= 0.5:
                    problems.append(f"{name}: near-duplicate across parts: {s['text'](r)!r} / {h!r}")
        print(f"{name}: {len(parts['tune'])} tune + {len(parts['heldout'])} held-out = {len(allrows)}")
        strata = sorted({s["stratum"](r) for r in allrows}, key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else c)
        for c in strata:
            a = sum(s["stratum"](r) == c for r in parts["tune"])
            b = sum(s["stratum"](r) == c for r in parts["heldout"])
            print(f"  {c:12} {a:4} + {b:3} = {a + b}")
            if name == "other-subjects" and a + b < MIN_PER_CATEGORY[c]:
                problems.append(f"{name}: only {a + b} {c}")
        if name == "other-subjects" and len(allrows) < 300:
            problems.append(f"{name}: only {len(allrows)} questions")
        if name == "multi-turn" and len(allrows) < 60:
            problems.append(f"{name}: only {len(allrows)} conversations")
        # A second held-out part written later (README.md): checked, never split or tuned on.
        fresh = folder / f"{name}-heldout-fresh.jsonl"
        if name == "other-subjects" and fresh.exists():
            rows = read(fresh)
            for n, r in enumerate(rows, 1):
                where = f"{fresh.name}:{n}"
                problems += other_subject_problems(r, where)
                if key(r) in seen:
                    problems.append(f"{where}: duplicate of an earlier part: {key(r)[:60]!r}")
                seen[key(r)] = 1
            print(f"  fresh held-out part: {len(rows)}")
    for p in problems:
        print("problem:", p)
    return 1 if problems else 0


def do_split():
    for folder, name, spec in SETS:
        rows = []
        for p in ("tune", "heldout"):
            f = folder / f"{name}-{p}.jsonl"
            if f.exists():
                rows += read(f)
        order = lambda r: (CATEGORIES.index(r["category"]), r["subject"].lower(), r["question"].lower()) \
            if name == "other-subjects" else (r["note"].split(":")[0], r["turns"][0]["intent"], r["note"])
        tune, heldout = split(rows, **spec())
        write(folder / f"{name}-tune.jsonl", sorted(tune, key=order))
        write(folder / f"{name}-heldout.jsonl", sorted(heldout, key=order))
    return 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"check": check, "split": do_split}[cmd]())
