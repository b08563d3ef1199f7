#!/usr/bin/env python3
"""Would the contextual encoder's sentence vectors catch the crisis messages the detector's
patterns miss? (docs/safety.md, "Eighth round, measured and not built: a classifier on the
encoder's vectors".)

Encodes every crisis and benign set of Tests/Fixtures/crisis and CLINC150's questions with
Benchmarks' faqbot-encode, runs faqbot's own detector on them (a one-intent pack, as
crisis_eval.py does), fits a logistic regression on the vectors of the training parts (crisis:
tune, train, train-fresh and extra-validation's; benign: the same parts and CLINC150's
train + oos_train at weight 0.3), chooses its threshold on the validation parts (at most one
false alarm more than the detector's on benign-validation, two more on CLINC150 val) and
reports the detector alone and "detector or classifier" on every part. Held-out parts are
counted, never printed. Needs scikit-learn and numpy (the venv of scripts/convert-minilm) and
the release builds of faqbot and faqbot-encode. About three minutes on 2 cores.

usage: crisis_encoder.py [--faqbot PATH] [--encode PATH] [--clinc DATA_FULL_JSON]
"""
import argparse
import importlib.util
import json
import os
import subprocess
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "crisis")
PARTS = ["crisis-tune", "crisis-train", "crisis-validation", "crisis-heldout", "crisis-train-fresh",
         "crisis-heldout-fresh", "benign-tune", "benign-train", "benign-validation", "benign-heldout",
         "benign-train-fresh", "benign-heldout-fresh", "crisis-train-eleventh", "crisis-heldout-eleventh",
         "benign-train-eleventh", "benign-heldout-eleventh"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--faqbot", default=os.path.join(ROOT, ".build", "release", "faqbot"))
    parser.add_argument("--encode", default=os.path.join(ROOT, "Benchmarks", ".build", "release", "faqbot-encode"))
    parser.add_argument("--clinc", default="/work/shared/datasets/clinc150/data_full.json")
    parser.add_argument("--save", help="write the vectors, parts and the detector's flags to this .npz and stop")
    args = parser.parse_args()
    sets = {}
    for name in PARTS:
        with open(os.path.join(FIXTURES, name + ".jsonl"), encoding="utf-8") as handle:
            sets[name] = [json.loads(line)["text"] for line in handle if line.strip()]
    with open(os.path.join(FIXTURES, "extra-validation.jsonl"), encoding="utf-8") as handle:
        extra = [json.loads(line) for line in handle if line.strip()]
    sets["extra-crisis"] = [e["text"] for e in extra if e["crisis"]]
    sets["extra-benign"] = [e["text"] for e in extra if not e["crisis"]]
    with open(args.clinc, encoding="utf-8") as handle:
        data = json.load(handle)
    sets["clinc-train"] = [q for q, _ in data["train"] + data["oos_train"]]
    sets["clinc-val"] = [q for q, _ in data["val"] + data["oos_val"]]
    sets["clinc-test"] = [q for q, _ in data["test"] + data["oos_test"]]
    order = np.array([name for name, texts in sets.items() for _ in texts])
    texts = [text.replace("\n", " ") for texts in sets.values() for text in texts]

    encoded = subprocess.run([args.encode, "--batch", "64"], input="\n".join(texts) + "\n", capture_output=True,
                             text=True, check=True).stdout.splitlines()
    x = np.array([json.loads(line)["vector"] for line in encoded], np.float32)
    spec = importlib.util.spec_from_file_location("crisis_eval", os.path.join(ROOT, "Benchmarks", "crisis_eval.py"))
    crisis_eval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(crisis_eval)
    work = tempfile.mkdtemp(prefix="faqbot-crisis-encoder-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    pack = crisis_eval.one_intent_pack(os.path.join(work, "pack"))
    flags = np.array([k == "safety" for k in crisis_eval.kinds(args.faqbot, pack, texts, env)])
    if args.save:
        np.savez_compressed(args.save, x=x, order=order, flags=flags, texts=np.array(texts))
        return

    def part(*names):
        return np.isin(order, names)

    positives = part("crisis-tune", "crisis-train", "crisis-train-fresh", "crisis-train-eleventh", "extra-crisis")
    negatives = part("benign-tune", "benign-train", "benign-train-fresh", "benign-train-eleventh", "extra-benign",
                     "clinc-train")
    train = positives | negatives
    weights = np.where(part("clinc-train")[train], 0.3, 1.0)
    print("| C | threshold | " + " | ".join(n for n in ("crisis-validation", "crisis-heldout", "crisis-heldout-fresh",
                                                          "benign-validation", "benign-heldout",
                                                          "benign-heldout-fresh", "clinc-val", "clinc-test")) + " |")
    print("| --- | --- |" + " --- |" * 8)
    for c in (1.0, 4.0, 16.0):
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        model.fit(x[train], positives[train].astype(int), sample_weight=weights)
        p = model.predict_proba(x)[:, 1]
        bv, cv = part("benign-validation"), part("clinc-val")
        threshold = next((t for t in np.linspace(0.5, 0.999, 500)
                          if ((p >= t) | flags)[bv].sum() <= flags[bv].sum() + 1
                          and ((p >= t) | flags)[cv].sum() <= flags[cv].sum() + 2), 0.999)
        cells = []
        for name in ("crisis-validation", "crisis-heldout", "crisis-heldout-fresh", "benign-validation",
                     "benign-heldout", "benign-heldout-fresh", "clinc-val", "clinc-test"):
            m = part(name)
            cells.append(f"{((p >= threshold) | flags)[m].sum()}/{m.sum()} (alone {flags[m].sum()})")
        print(f"| {c} | {threshold:.3f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
