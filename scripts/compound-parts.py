#!/usr/bin/env python3
"""Prints GENERAL_PARTS for src/suggest/compound.rs: common Dutch words that stand as parts of
compounds in the method's own Dutch texts (data/method/seed-*.txt).

A word is kept if it is written on its own in the method texts, is a frequent Dutch word
(wordfreq's Dutch list, Zipf frequency >= 3.5) and is the first or last part of a longer word in
wordfreq's 60,000 most frequent Dutch words (so it really forms compounds). Requires
`pip install wordfreq==3.1.1`. Run from the repository root:

    python3 scripts/compound-parts.py > /tmp/parts.txt
"""
import glob
import re
import unicodedata

from wordfreq import top_n_list, zipf_frequency

STOP = set()
with open("src/suggest/normalise.rs", encoding="utf-8") as f:
    src = f.read()
    body = src[src.index("pub const STOP_WORDS"):]
    body = body[body.index('"') + 1 :]
    body = body[: body.index('";')]
    STOP = set(re.findall(r"[a-z]+", body))


def fold(w):
    w = unicodedata.normalize("NFKD", w.lower())
    return "".join(c for c in w if not unicodedata.combining(c))


words = set()
for path in sorted(glob.glob("data/method/seed-*.txt")):
    if not path.endswith(".txt"):
        continue
    with open(path, encoding="utf-8") as f:
        for w in re.findall(r"[^\W_]+", f.read()):
            w = fold(w)
            if w.isascii() and w.isalpha() and 4 <= len(w) <= 12 and w not in STOP:
                words.add(w)

common = [fold(w) for w in top_n_list("nl", 60000) if w.isalpha()]
heads, firsts = set(), set()
for c in common:
    for i in range(4, len(c) - 3):
        firsts.add(c[:i])
        heads.add(c[i:])

keep = sorted(w for w in words if zipf_frequency(w, "nl") >= 3.5 and (w in heads or w in firsts))
for w in keep:
    print(w)
