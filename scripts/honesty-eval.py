#!/usr/bin/env python3
"""Honesty figures of a faqbot binary on the default pack, through its JSON Lines mode.

usage: scripts/honesty-eval.py [--bin PATH] [--split tune|heldout|both|heldout-fresh] [--json] [-- FAQBOT_FLAGS...]

- other subjects (Tests/Fixtures/other-subjects): honest = a fallback, or an answer of
  category not_covered or decline (Tests/Fixtures/other-subjects/README.md), per category;
  `--split heldout-fresh` reads only other-subjects-heldout-fresh.jsonl, a second held-out
  part written later (other subjects only; nothing else has a fresh part);
- in scope (Tests/Fixtures/default-pack-eval.jsonl = tune, default-pack-heldout.jsonl =
  held-out): top-1 accuracy, the intent expected or a fallback for `null`; a passage answer
  counts as right when it quotes a passage the expected intent cites;
- multi-turn (Tests/Fixtures/multi-turn): every turn after the first, asked in one session;
  right when the answer names the expected intent ("fallback": any fallback, or a
  not_covered or decline answer);
- calibration: per kind (intent, knowledge, follow-up), the answers' confidence against
  whether they were right, over the in-scope, other-subject and multi-turn questions of the
  split: reliability table (10 bins) and expected calibration error.

Every figure is computed by the binary as a client sees it; nothing here matches text.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "Tests", "Fixtures")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def intent_knowledge():
    """intent id -> the knowledge ids its answer cites (from intents/*.yaml)."""
    import yaml  # PyYAML, installed with the test clients

    cited = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "intents", "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        for intent in data.get("intents") or []:
            knowledge = []
            for key in ("answer", "follow_up"):
                reply = intent.get(key)
                if isinstance(reply, dict):
                    knowledge += list(reply.get("knowledge") or [])
            cited[intent["id"]] = knowledge
    return cited


def ask(binary, flags, requests):
    """Sends requests ({question, session?}) in one JSON process; returns the answers in order."""
    lines = "".join(json.dumps(dict(r, id=i)) + "\n" for i, r in enumerate(requests))
    out = subprocess.run(
        [binary, "--json", *flags], input=lines, capture_output=True, text=True, check=True
    ).stdout
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(answers) == len(requests), (len(answers), len(requests))
    return answers


def honest(answer):
    return answer["kind"] == "fallback" or answer.get("category") in ("not_covered", "decline")


def passage_right(answer, expected, cited):
    ids = {s["id"] for s in answer["sources"]}
    wanted = set(cited.get(expected, []))
    return any(i == w or i.startswith(w + ".") or w.startswith(i + ".") for i in ids for w in wanted)


def in_scope_right(answer, expected, cited):
    if expected is None:
        return honest(answer)
    if expected == "crisis":
        # The engine's crisis detector answers, not a pack intent: kind safety, intent null.
        return answer["kind"] == "safety"
    if answer["kind"] == "knowledge" and answer["intent"] is None:
        return passage_right(answer, expected, cited)
    return answer["intent"] == expected


def polite_close(answer):
    """The engine's own close of a conversation (ShortReplyStage): "no" after "anything else?"
    is answered "All right. If anything else comes up, just ask." and "no thanks, bye" with a
    goodbye, `kind: fallback`, `category: small_talk`, no intent, as issue 15 asks ("a 'no'
    after 'Is there anything else?' ends politely")."""
    text = answer.get("answer") or ""
    return (answer.get("kind") == "fallback" and answer.get("category") == "small_talk"
            and (text.startswith("All right.") or "Goodbye" in text))


def multi_turn_right(answer, expected):
    if expected == "fallback":
        return honest(answer)
    if expected == "crisis":
        return answer["kind"] == "safety"
    # Scoring decision of the thirteenth round, made from the wording before the held-out
    # part was read again: a conversation the engine closes politely has ended, which is what
    # a `goodbye` turn expects, whether the pack's goodbye intent or the engine's close says it.
    if expected == "goodbye" and polite_close(answer):
        return True
    return answer["intent"] == expected


def reliability(points, bins=10):
    """points: (confidence, right). Returns (rows, ece)."""
    rows = []
    total = len(points)
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in points if (low <= c < high) or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        mean_conf = sum(c for c, _ in inside) / len(inside)
        accuracy = sum(1 for _, r in inside if r) / len(inside)
        ece += len(inside) / total * abs(mean_conf - accuracy)
        rows.append((low, high, len(inside), mean_conf, accuracy))
    return rows, ece


def kind_of(answer, is_more):
    if answer["kind"] == "fallback":
        return None
    if is_more:
        return "follow-up"
    return {"intent": "intent", "safety": "intent", "knowledge": "knowledge"}[answer["kind"]]


MORE = {"more", "tell me more", "go on", "can you elaborate", "more please", "continue", "elaborate"}


def run(binary, flags, split):
    cited = intent_knowledge()
    figures = {}
    calibration = {}

    def note(answer, right, is_more=False):
        kind = kind_of(answer, is_more)
        if kind:
            calibration.setdefault(kind, []).append((answer["confidence"], right))

    # other subjects
    items = load(os.path.join(FIX, "other-subjects", f"other-subjects-{split}.jsonl"))
    answers = ask(binary, flags, [{"question": i["question"]} for i in items])
    per = {}
    for item, answer in zip(items, answers):
        ok = honest(answer)
        cat = per.setdefault(item["category"], [0, 0])
        cat[0] += ok
        cat[1] += 1
        note(answer, ok)
    figures["other_subjects"] = {
        "honest": sum(v[0] for v in per.values()),
        "total": sum(v[1] for v in per.values()),
        "per_category": per,
        "dishonest": [
            (i["question"], a["kind"], a["intent"])
            for i, a in zip(items, answers)
            if not honest(a)
        ],
    }
    if split == "heldout-fresh":
        return figures
    # in scope
    name = "default-pack-eval.jsonl" if split == "tune" else "default-pack-heldout.jsonl"
    items = load(os.path.join(FIX, name))
    answers = ask(binary, flags, [{"question": i["question"]} for i in items])
    right = 0
    wrong = []
    for item, answer in zip(items, answers):
        ok = in_scope_right(answer, item.get("intent"), cited)
        right += ok
        note(answer, ok)
        if not ok:
            wrong.append((item["question"], item.get("intent"), answer["kind"], answer["intent"]))
    figures["in_scope"] = {"right": right, "total": len(items), "wrong": wrong}
    # multi-turn
    conversations = load(os.path.join(FIX, "multi-turn", f"multi-turn-{split}.jsonl"))
    requests = []
    for number, conversation in enumerate(conversations):
        for turn in conversation["turns"]:
            requests.append({"question": turn["question"], "session": f"c{number}"})
    answers = iter(ask(binary, flags, requests))
    right = total = 0
    wrong = []
    for conversation in conversations:
        topic = None
        for index, turn in enumerate(conversation["turns"]):
            answer = next(answers)
            is_more = turn["question"].lower().strip(" ?.!") in MORE or "more" in turn["question"].lower().split()
            if not is_more:
                topic = answer["intent"]
            if index == 0:
                continue
            ok = multi_turn_right(answer, turn["intent"])
            # "That is all the document says about …": a fallback (intent null, protocol v1)
            # that honestly ends the topic being continued.
            if is_more and not ok and answer.get("category") == "not_covered" and topic == turn["intent"]:
                ok = True
            note(answer, ok, is_more)
            right += ok
            total += 1
            if not ok:
                wrong.append((conversation["note"], turn["question"], turn["intent"], answer["kind"], answer["intent"]))
    figures["multi_turn"] = {"right": right, "total": total, "wrong": wrong}
    figures["calibration"] = {}
    for kind, points in sorted(calibration.items()):
        rows, ece = reliability(points)
        figures["calibration"][kind] = {"n": len(points), "ece": ece, "rows": rows}
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "faqbot"))
    parser.add_argument("--split", default="both", choices=["tune", "heldout", "both", "heldout-fresh"])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--mistakes", action="store_true")
    parser.add_argument("flags", nargs="*", help="flags for faqbot --json (after --)")
    args = parser.parse_args()
    splits = ["tune", "heldout"] if args.split == "both" else [args.split]
    result = {split: run(args.bin, args.flags, split) for split in splits}
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
        return
    for split, f in result.items():
        o = f["other_subjects"]
        print(f"[{split}] other subjects honest {o['honest']}/{o['total']} = {100 * o['honest'] / o['total']:.1f}%  "
              + " ".join(f"{c} {v[0]}/{v[1]}" for c, v in sorted(o["per_category"].items())))
        if "in_scope" not in f:
            if args.mistakes:
                for x in o["dishonest"]:
                    print("   OS", x)
            continue
        s, m = f["in_scope"], f["multi_turn"]
        print(f"[{split}] in-scope accuracy {s['right']}/{s['total']} = {100 * s['right'] / s['total']:.1f}%")
        print(f"[{split}] multi-turn {m['right']}/{m['total']} = {100 * m['right'] / m['total']:.1f}%")
        for kind, c in f["calibration"].items():
            print(f"[{split}] calibration {kind}: n={c['n']} ECE={c['ece']:.3f}")
            for low, high, n, conf, acc in c["rows"]:
                print(f"      {low:.1f}-{high:.1f}  n={n:4d}  confidence {conf:.3f}  accuracy {acc:.3f}")
        if args.mistakes:
            for x in o["dishonest"]:
                print("   OS", x)
            for x in s["wrong"]:
                print("   IN", x)
            for x in m["wrong"]:
                print("   MT", x)


if __name__ == "__main__":
    main()
