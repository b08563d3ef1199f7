#!/usr/bin/env python3
"""The scikit-learn baseline of ../shared/README.md, on the same split as faqbot.

TF-IDF of word 1-2-grams and character 2-5-grams (inside words), sublinear term
frequency, each block L2-normalised, then multinomial logistic regression. Trained on
`train`; writes one prediction a line for val, oos_val, test and oos_test (the same
format as Benchmarks/run makes from faqbot's answers) and its timings as JSON.

usage: sklearn_baseline.py DATA_FULL_JSON PREDICTIONS_TSV TIMINGS_JSON
"""
import json
import sys
import time

from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline, make_union


def main():
    data_path, predictions_path, timings_path = sys.argv[1:4]
    with open(data_path, encoding="utf-8") as handle:
        data = json.load(handle)
    questions = [q for q, _ in data["train"]]
    labels = [intent for _, intent in data["train"]]
    model = make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        ),
        LogisticRegression(C=10, max_iter=1000),
    )
    start = time.perf_counter()
    model.fit(questions, labels)
    train_seconds = time.perf_counter() - start
    classes = model.classes_
    with open(predictions_path, "w", encoding="utf-8") as out:
        for split in ("val", "oos_val", "test", "oos_test"):
            probabilities = model.predict_proba([q for q, _ in data[split]])
            for (question, gold), row in zip(data[split], probabilities):
                best = row.argmax()
                out.write(f"{split}\t{gold}\t{classes[best]}\t{row[best]:.6f}\n")
    # One question at a time, as a bot answers: the figure faqbot is compared with.
    sample = [q for q, _ in data["test"] + data["oos_test"]][:2000]
    start = time.perf_counter()
    for question in sample:
        model.predict_proba([question])
    single = time.perf_counter() - start
    batch_questions = [q for q, _ in data["test"] + data["oos_test"]]
    start = time.perf_counter()
    model.predict_proba(batch_questions)
    batch = time.perf_counter() - start
    timings = {
        "train_seconds": train_seconds,
        "one_at_a_time_questions_per_second": len(sample) / single,
        "one_at_a_time_ms_per_question": single / len(sample) * 1000,
        "batch_questions_per_second": len(batch_questions) / batch,
    }
    with open(timings_path, "w", encoding="utf-8") as handle:
        json.dump(timings, handle)


if __name__ == "__main__":
    main()
