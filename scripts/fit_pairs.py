#!/usr/bin/env python3
"""Fits the pair scorer (src/compare/pair_model.toml) to labelled cells.

Each line of the dump is one (reference figure, outlet figure) pair the aligner can
weigh, with its features and y = 1 when the labels say both state the same quantity
(`tests/fixtures/verdicts/`: the AllSides rounds and the written stories). Write it:

    mkdir -p /tmp/pairs && rm -f /tmp/pairs/*.jsonl
    VERDICT_PAIRS=/tmp/pairs cargo test --release --test verdicts_accuracy
    python3 scripts/fit_pairs.py /tmp/pairs/*.jsonl --hold round-17 --hold <story> ...

Logistic regression with an L2 penalty, fitted by Newton's method (no libraries).
Cases whose name contains a --hold pattern are left out of the fit and scored apart.
Thresholds are read from the fitted pairs that are each other's best (no other pair
of either figure scores higher), which is what the one-to-one assignment keeps. In
bins of 0.1 of probability:
- match_min: the lowest bin edge above which every bin of pairs whose values agree or
  overlap is right at least MATCH_PRECISION of the time (0.5: taking such a pair is
  more often right than leaving the cell "missing");
- diverge_min: pairs whose values are disjoint are weighed by a second model, fitted
  on disjoint pairs alone (what makes two different numbers one quantity is not what
  makes two equal ones: the words around them weigh more); the threshold is the
  lowest at which those of them that are each other's best are right at least
  DIVERGE_PRECISION of the time, taken together, since a false "diverge" costs a
  reporter most.
"""
import argparse
import json
import math
import re
import sys

MATCH_PRECISION = 0.5
DIVERGE_PRECISION = 0.95
L2 = 1.0


def names():
    """Feature names, in order, from the macro call in pair_model.rs."""
    src = open("src/compare/pair_model.rs", encoding="utf-8").read()
    body = src.split("features! {", 1)[1].split("\n}", 1)[0]
    return re.findall(r"^    (\w+),$", body, re.M)


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(xs, ys):
    """Weights (bias first) maximising the penalised log-likelihood."""
    k = len(xs[0]) + 1
    w = [0.0] * k
    for _ in range(25):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in zip(xs, ys):
            v = [1.0] + x
            p = sigmoid(sum(a * b for a, b in zip(w, v)))
            g = p - y
            s = p * (1 - p)
            for i in range(k):
                if v[i] == 0.0:
                    continue
                grad[i] += g * v[i]
                si = s * v[i]
                row = hess[i]
                for j in range(k):
                    if v[j] != 0.0:
                        row[j] += si * v[j]
        for i in range(1, k):
            grad[i] += L2 * w[i]
            hess[i][i] += L2
        hess[0][0] += 1e-6
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def disjoint(x, ix):
    return not (x[ix["values_equal"]] or x[ix["values_overlap"]] or x[ix["values_overlap_loose"]])


def threshold(scored, precision, least=5):
    """The lowest bin edge (bins of 0.1) above which every bin holding at least
    `least` pairs is right at least `precision` of the time."""
    edge = 1.0
    for lo in [b / 10 for b in range(9, -1, -1)]:
        ys = [y for p, y in scored if lo <= p < lo + 0.1]
        if len(ys) >= least and sum(ys) / len(ys) < precision:
            break
        edge = lo
    return edge


def cumulative(scored, precision, least=10):
    """The lowest probability (in steps of 0.05) at which the pairs at or above it,
    at least `least` of them, are right at least `precision` of the time."""
    edge = 1.0
    for t in [s / 20 for s in range(19, -1, -1)]:
        ys = [y for p, y in scored if p >= t]
        if len(ys) >= least and sum(ys) / len(ys) >= precision:
            edge = t
    return edge


def mutual_best(rows, prob):
    """The pairs no other pair of either of their figures outscores."""
    best_ref, best_out = {}, {}
    for r in rows:
        p = r["p"] = prob(r)
        a, b = (r["case"], r["outlet"], r["ref"]), (r["case"], r["outlet"], r["out"])
        best_ref[a] = max(best_ref.get(a, 0.0), p)
        best_out[b] = max(best_out.get(b, 0.0), p)
    return [
        r for r in rows
        if r["p"] >= best_ref[(r["case"], r["outlet"], r["ref"])]
        and r["p"] >= best_out[(r["case"], r["outlet"], r["out"])]
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dumps", nargs="+")
    ap.add_argument("--hold", action="append", default=[])
    ap.add_argument("--out", default="src/compare/pair_model.toml")
    args = ap.parse_args()
    feat = names()
    ix = {n: i for i, n in enumerate(feat)}
    rows = [json.loads(l) for f in args.dumps for l in open(f, encoding="utf-8")]
    for r in rows:
        if len(r["x"]) != len(feat):
            sys.exit(f"a dump line has {len(r['x'])} features, pair_model.rs names {len(feat)}")
    held = lambda r: any(h in r["case"] for h in args.hold)
    train = [r for r in rows if not held(r)]
    test = [r for r in rows if held(r)]
    fit_rows = train
    w = fit([r["x"] for r in train], [r["y"] for r in train])
    prob = lambda r: sigmoid(w[0] + sum(a * b for a, b in zip(w[1:], r["x"])))
    apart = [r for r in train if disjoint(r["x"], ix)]
    wd = fit([r["x"] for r in apart], [r["y"] for r in apart])
    prob_d = lambda r: sigmoid(wd[0] + sum(a * b for a, b in zip(wd[1:], r["x"])))
    train, test = mutual_best(train, prob), mutual_best(test, prob)
    on = lambda rs: [(r["p"], r["y"]) for r in rs if not disjoint(r["x"], ix)]
    on_d = lambda rs: [(prob_d(r), r["y"]) for r in rs if disjoint(r["x"], ix)]
    match_min = threshold(on(train), MATCH_PRECISION)
    diverge_min = max(match_min, cumulative(on_d(train), DIVERGE_PRECISION))
    print("each other's best pairs only:")
    for name, rs in (("fitted", train), ("held out", test)):
        for what, s, t in (("overlapping", on(rs), match_min), ("disjoint", on_d(rs), diverge_min)):
            sel = [y for p, y in s if p >= t]
            pos = sum(y for _, y in s)
            print(
                f"{name} {what}: {len(s)} pairs, {pos} same; "
                f"at p >= {t:.3f}: {len(sel)} taken, precision "
                f"{sum(sel) / max(1, len(sel)):.3f}, recall {sum(sel) / max(1, pos):.3f}"
            )
    cases = len({r["case"] for r in rows if not held(r)})
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Written by scripts/fit_pairs.py; refit rather than edit by hand.\n")
        out.write(
            f'fitted_on = "{len(fit_rows)} pairs ({sum(r["y"] for r in fit_rows)} the same quantity) '
            f'from {cases} labelled stories; held out: {", ".join(args.hold) or "none"}"\n'
        )
        out.write(
            f"bias = {w[0]:.4f}\ndiverge_bias = {wd[0]:.4f}\n"
            f"match_min = {match_min:.4f}\ndiverge_min = {diverge_min:.4f}\n"
        )
        for table, ws in (("weights", w), ("diverge_weights", wd)):
            out.write(f"\n[{table}]\n")
            for n, v in zip(feat, ws[1:]):
                out.write(f"{n} = {v:.4f}\n")
    print(open(args.out).read())


if __name__ == "__main__":
    main()
