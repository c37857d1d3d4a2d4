#!/usr/bin/env python3
"""Builds src/claims/lexicon/en-es.tsv from the translators' batches.

  python3 scripts/build_lexicon.py          # writes the file, prints its size
  python3 scripts/build_lexicon.py --check  # fails when the file is not what the batches give

`batches/en-*.tsv` translate English words into Spanish, `batches/es-*.tsv` Spanish
words into English (rules: src/claims/lexicon/README.md). Both directions merge into
one list keyed by the English side: `english<TAB>spanish | spanish`, sorted. A batch
line that breaks the rules stops the build with its file and line number.
"""

import collections
import glob
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "src", "claims", "lexicon")
OUT = os.path.join(DIR, "en-es.tsv")
MAX_WORDS = 6  # a translation longer than this is an explanation, not a phrase


def clean(s):
    s = unicodedata.normalize("NFC", s.strip())
    return " ".join(s.split()).lower()


def read_batch(path):
    """(source word, [translations]) per line; exits naming the line on a bad one."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0].strip():
                sys.exit(f"{path}:{n}: expected `word<TAB>translations`, got {line!r}")
            word = clean(parts[0])
            ts = [clean(t) for t in parts[1].split("|")]
            ts = [t for t in ts if t and t != "-"]
            for t in ts:
                if len(t.split()) > MAX_WORDS or any(c in t for c in "()[];:=/"):
                    sys.exit(f"{path}:{n}: translation {t!r} is not a word or short phrase")
            out.append((word, ts))
    return out


def build():
    pairs = collections.defaultdict(list)  # english -> [spanish], in first-seen order

    def add(en, es):
        if en != es and es not in pairs[en]:
            pairs[en].append(es)

    for path in sorted(glob.glob(os.path.join(DIR, "batches", "*.tsv"))):
        english = os.path.basename(path).startswith("en-")
        for word, ts in read_batch(path):
            for t in ts:
                add(word, t) if english else add(t, word)
    lines = [f"{en}\t{' | '.join(es)}\n" for en, es in sorted(pairs.items()) if es]
    return "".join(lines)


def main():
    text = build()
    if "--check" in sys.argv:
        have = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if have != text:
            sys.exit(f"{OUT} is stale: run python3 scripts/build_lexicon.py")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    n = text.count("\n")
    t = sum(len(l.split("\t")[1].split(" | ")) for l in text.splitlines())
    print(f"{OUT}: {n} English entries, {t} pairs, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
