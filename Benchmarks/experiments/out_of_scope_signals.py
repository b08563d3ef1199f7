#!/usr/bin/env python3
"""Out-of-scope signals other than faqbot's confidence, measured on CLINC150 (issue 6).

Issue 6 asks for AUROC >= 97% (in-scope against out-of-scope questions, by confidence) and
>= 90% in-scope accuracy with >= 88% out-of-scope recall at the threshold chosen on val, from
a bot that answers >= 50,000 questions/s. faqbot with its token vectors reaches 95.85% and
89.16 / 88.90%. This script measures whether a cheap second signal closes the gap, on the
issue's protocol (threshold on val + oos_val, figures on test + oos_test):

  A. on faqbot's own answers (the binary given, trained on `train`), each signal alone and
     mixed with the confidence (mean of the two, each z-scored on val + oos_val, or the
     confidence times the signal):
       - Mahalanobis distance of the question's token-vector embedding to the nearest intent
         (shared covariance, with shrinkage), and the relative form (minus the distance to
         one Gaussian of all training questions), after Lee et al. 2018 and Ren et al. 2021;
       - cosine to the nearest training question: any, or of the predicted intent only
         (100 dot products instead of 15,000), on the token vectors, on TF-IDF, or both;
  B. on a scikit-learn model of the same kind (TF-IDF + the token vectors, one logistic
     regression), signals that need the model's logits or its training:
       - the best logit, the energy (log-sum-exp of the logits, Liu et al. 2020), the best
         probability at temperatures 2 and 5;
       - two models, one on TF-IDF and one on the token vectors, their probabilities
         averaged;
       - outlier exposure: a 151st class trained on made-up negatives (halves of two training
         questions of different intents spliced), and, for reference only since it breaks
         the protocol, on CLINC150's own `oos_train` questions.

The embedding is the one faqbot computes: the shipped table (Sources/CTokenVectors/
TokenVectors.c.bin, 8-bit rows and per-dimension scales), BERT's uncased WordPiece, the
IDF-weighted mean of the pieces, unit length. Nothing here is built by `swift test` or run
by CI; it takes about 15 minutes on 2 cores (numpy, scipy and scikit-learn).

usage: out_of_scope_signals.py FAQBOT_BINARY DATA_FULL_JSON [WORK_DIR]
"""
import collections
import json
import math
import os
import random
import struct
import subprocess
import sys
import tempfile

import numpy as np
import scipy.sparse as sparse
from scipy.special import logsumexp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_union

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sentence_encoder import ASKED, SPLITS, MiniLM, Protocol, load_benchmark_module  # noqa: E402

def shipped_table():
    """The token-vector table as faqbot reads it: (rows as float32, piece -> row)."""
    path = os.path.join(HERE, "..", "..", "Sources", "CTokenVectors", "TokenVectors.c.bin")
    with open(path, "rb") as handle:
        blob = handle.read()
    _, dimensions, initial, continuing, string_bytes = struct.unpack("<5I", blob[4:24])
    count = initial + continuing
    scales = np.frombuffer(blob, np.float32, dimensions, 56)
    offsets = np.frombuffer(blob, np.uint32, count + 1, 56 + dimensions * 4)
    strings_start = 56 + dimensions * 4 + (count + 1) * 4
    strings = blob[strings_start:strings_start + string_bytes]
    rows_start = (strings_start + string_bytes + 63) // 64 * 64
    rows = np.frombuffer(blob, np.int8, count * dimensions, rows_start).reshape(count, dimensions)
    ids = {}
    for row in range(count):
        spelling = strings[offsets[row]:offsets[row + 1]].decode()
        ids[spelling if row < initial else "##" + spelling] = row
    return rows.astype(np.float32) * scales, ids


class ShippedPieces(MiniLM):
    """MiniLM's WordPiece split over the shipped table's pieces (no encoder weights)."""

    def __init__(self, ids):  # noqa: super().__init__ would load the encoder
        self.ids = dict(ids, **{"[UNK]": -1})

    def pieces(self, text):
        return [piece for piece in self.tokenize(text) if piece >= 0]


def embedder(texts, table, splitter):
    """faqbot's embedding with IDF from `train`'s questions: the IDF-weighted mean of a
    question's pieces, unit length. Returns a function of a list of questions."""
    frequency = collections.Counter(p for text in texts["train"] for p in set(splitter.pieces(text)))
    count = len(texts["train"])

    def embed(questions):
        matrix = np.zeros((len(questions), table.shape[1]), np.float32)
        for row, question in enumerate(questions):
            found = splitter.pieces(question)
            if found:
                weight = np.array([math.log((count + 1) / (frequency[p] + 1)) + 1 for p in found], np.float32)
                matrix[row] = (table[found] * weight[:, None]).sum(0)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1, norms)

    return embed


def z_scored(signal):
    """`signal` standardised on val + oos_val, the questions the threshold is chosen on."""
    reference = np.r_[signal["val"], signal["oos_val"]]
    return {s: (signal[s] - reference.mean()) / reference.std() for s in signal}


def report_with_mixes(protocol, name, predicted, confidence, signal, product=True):
    protocol.report(name + " alone", predicted, signal)
    confidence_z, signal_z = z_scored(confidence), z_scored(signal)
    for weight in (0.3, 0.5):
        protocol.report(f"{name} mixed in (weight {weight})", predicted,
                        {s: (1 - weight) * confidence_z[s] + weight * signal_z[s] for s in ASKED})
    if product:  # for a cosine, not for a distance
        protocol.report(f"confidence x {name}", predicted,
                        {s: confidence[s] * np.clip(signal[s], 0, None) for s in ASKED})


def faqbot_answers(binary, data_path, work, bench):
    """faqbot trained on `train`, asked val, oos_val, test and oos_test: (predicted, confidence)."""
    with open(data_path, encoding="utf-8") as handle:
        data = json.load(handle)
    pack, model = os.path.join(work, "clinc150"), os.path.join(work, "clinc150.model")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    if not os.path.exists(pack):
        subprocess.run([binary, "import", data_path, "--split", "train", "-o", pack + "/"], check=True, env=env)
    subprocess.run([binary, "train", "--intents", pack, "-o", model], check=True, env=env)
    requests = [(s, gold, question) for s in ASKED for question, gold in data[s]]
    lines = "".join(json.dumps({"question": q}) + "\n" for _, _, q in requests)
    responses = subprocess.run([binary, "--json", "--intents", pack, "--model", model], input=lines,
                               capture_output=True, text=True, check=True, env=env).stdout
    path = os.path.join(work, "faqbot.tsv")
    bench.faqbot_predictions(responses, requests, path)
    answers = bench.read_predictions(path)
    predicted = {s: np.array([p for _, p, _ in answers[s]]) for s in ASKED}
    confidence = {s: np.array([c for _, _, c in answers[s]]) for s in ASKED}
    return predicted, confidence


def mahalanobis(vectors, gold, shrinkage):
    """Per split: (distance to the nearest intent's mean, distance to all training questions')."""
    train = vectors["train"]
    dimensions = train.shape[1]
    means = np.vstack([train[gold == c].mean(0) for c in range(gold.max() + 1)])

    def whitening(residuals):
        covariance = residuals.T @ residuals / len(residuals)
        covariance = (1 - shrinkage) * covariance + shrinkage * np.trace(covariance) / dimensions * np.eye(dimensions)
        return np.linalg.cholesky(np.linalg.inv(covariance))

    within = whitening(train - means[gold])
    centre = train.mean(0)
    overall = whitening(train - centre)
    white_means = means @ within
    result = {}
    for s in ASKED:
        white = vectors[s] @ within
        squared = (white ** 2).sum(1)[:, None] - 2 * white @ white_means.T + (white_means ** 2).sum(1)[None, :]
        result[s] = (squared.min(1), (((vectors[s] - centre) @ overall) ** 2).sum(1))
    return result


def part_a(protocol, predicted, confidence, vectors, words, labels):
    intents = sorted(set(labels["train"]))
    index = {intent: number for number, intent in enumerate(intents)}
    gold = np.array([index[i] for i in labels["train"]])
    print("\n### A. On faqbot's answers\n")
    print("| out-of-scope score | top-1 | in-scope / oos recall at the val threshold | AUROC | val AUROC |")
    print("| --- | --- | --- | --- | --- |")
    protocol.report("faqbot's confidence", predicted, confidence)
    for shrinkage in (0.05, 0.5):
        distances = mahalanobis(vectors, gold, shrinkage)
        report_with_mixes(protocol, f"-Mahalanobis (shrinkage {shrinkage})", predicted, confidence,
                          {s: -distances[s][0] for s in ASKED}, product=False)
        report_with_mixes(protocol, f"-relative Mahalanobis (shrinkage {shrinkage})", predicted, confidence,
                          {s: distances[s][1] - distances[s][0] for s in ASKED}, product=False)
    nearest = collections.defaultdict(dict)
    for s in ASKED:
        answered = np.array([index.get(p, -1) for p in predicted[s]])
        own = gold[None, :] == answered[:, None]
        static = vectors[s] @ vectors["train"].T
        # Word and character blocks each have unit length: half their product is a cosine.
        tfidf = (words[s] @ words["train"].T).toarray() / 2
        nearest["question, token vectors"][s] = static.max(1)
        nearest["question of the answered intent, token vectors"][s] = np.where(own, static, -1).max(1)
        nearest["question, TF-IDF"][s] = tfidf.max(1)
        nearest["question of the answered intent, TF-IDF"][s] = np.where(own, tfidf, -1).max(1)
        nearest["question of the answered intent, both"][s] = np.where(own, (static + tfidf) / 2, -1).max(1)
    for name, signal in nearest.items():
        report_with_mixes(protocol, "cosine to the nearest " + name, predicted, confidence, signal)


def part_b(protocol, texts, labels, vectors, words, vectorizer, embed):
    print("\n### B. On a scikit-learn model of the same kind (TF-IDF + token vectors)\n")
    print("| out-of-scope score | top-1 | in-scope / oos recall at the val threshold | AUROC | val AUROC |")
    print("| --- | --- | --- | --- | --- |")
    # Weight 1 beside the TF-IDF blocks, as in faqbot (1.5 scored lower here: 91.2% top-1).
    # This model is weaker than faqbot's (about 92% top-1 against 94%): compare its rows
    # with each other.
    dense = {s: sparse.csr_matrix(vectors[s]) for s in SPLITS}
    joined = {s: sparse.hstack([words[s], dense[s]]).tocsr() for s in SPLITS}

    def fit(features, extra_texts=(), extra_features=None):
        model = LogisticRegression(C=10, max_iter=3000)
        train = features["train"] if extra_features is None else sparse.vstack([features["train"], extra_features])
        model.fit(train, list(labels["train"]) + ["oos"] * len(extra_texts))
        return model

    model = fit(joined)
    logits = {s: model.decision_function(joined[s]) for s in ASKED}
    predicted = {s: model.classes_[logits[s].argmax(1)] for s in ASKED}
    protocol.report("best probability", predicted, {s: np.exp(logits[s].max(1) - logsumexp(logits[s], 1)) for s in ASKED})
    protocol.report("best logit", predicted, {s: logits[s].max(1) for s in ASKED})
    protocol.report("energy (log-sum-exp of the logits)", predicted, {s: logsumexp(logits[s], 1) for s in ASKED})
    for temperature in (2, 5):
        protocol.report(f"best probability at temperature {temperature}", predicted,
                        {s: np.exp(logits[s].max(1) / temperature - logsumexp(logits[s] / temperature, 1))
                         for s in ASKED})

    by_words, by_vectors = fit(words), fit(dense)
    probabilities = {s: (by_words.predict_proba(words[s]) + by_vectors.predict_proba(dense[s])) / 2 for s in ASKED}
    protocol.report("two models (TF-IDF; token vectors), probabilities averaged",
                    {s: by_words.classes_[probabilities[s].argmax(1)] for s in ASKED},
                    {s: probabilities[s].max(1) for s in ASKED})

    generator = random.Random(0)
    pairs = list(zip(texts["train"], labels["train"]))
    spliced = []
    while len(spliced) < 3000:
        (first, first_intent), (second, second_intent) = generator.sample(pairs, 2)
        if first_intent != second_intent:
            a, b = first.split(), second.split()
            spliced.append(" ".join(a[:max(1, len(a) // 2)] + b[len(b) // 2:]))
    for name, negatives in (("3,000 spliced questions", spliced),
                            ("oos_train (reference only: outside the protocol)", texts["oos_train"])):
        extra = sparse.hstack([vectorizer.transform(negatives), sparse.csr_matrix(embed(negatives))]).tocsr()
        model = fit(joined, negatives, extra)
        in_scope = model.classes_ != "oos"
        probabilities = {s: model.predict_proba(joined[s]) for s in ASKED}
        predicted = {s: model.classes_[in_scope][probabilities[s][:, in_scope].argmax(1)] for s in ASKED}
        protocol.report(f"a 151st class on {name}: best in-scope probability", predicted,
                        {s: probabilities[s][:, in_scope].max(1) for s in ASKED})


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    binary, data_path = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else os.path.join(tempfile.gettempdir(), "faqbot-oos-signals")
    os.makedirs(work, exist_ok=True)
    with open(data_path, encoding="utf-8") as handle:
        data = json.load(handle)
    texts = {s: [q for q, _ in data[s]] for s in SPLITS + ("oos_train",)}
    labels = {s: [i for _, i in data[s]] for s in SPLITS}
    bench = load_benchmark_module()
    protocol = Protocol(labels, bench)

    table, ids = shipped_table()
    embed = embedder(texts, table, ShippedPieces(ids))
    vectors = {s: embed(texts[s]) for s in SPLITS}

    vectorizer = make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))
    words = {"train": vectorizer.fit_transform(texts["train"])}
    words.update({s: vectorizer.transform(texts[s]) for s in ASKED})

    predicted, confidence = faqbot_answers(binary, data_path, work, bench)
    part_a(protocol, predicted, confidence, vectors, words, labels)
    part_b(protocol, texts, labels, vectors, words, vectorizer, embed)


if __name__ == "__main__":
    main()
