#!/usr/bin/env python3
"""Writes data/lexicon-dictionary.tsv: lexicon wordings that general Dutch resources tie to the
method's own texts, so that a lexicon term can have a general source other than the literal
wording of those texts. Three resources, one row per finding:

`simplemma`: the lemma lists of the `simplemma` package (PyPI, 2.0.0, `pip install
simplemma==2.0.0`). A term is found in a method text when the text, every word lemmatised, has
the term, every word lemmatised (as the lexicon matches: a prefix for `afstem*`, in order with at
most two words between): `meedoet` is found as `meedoen`, `dicht bij huis` as "dichter bij huis",
`afstem*` as "afgestemd". The row's word is the term's own wording, its via the text's words.

`compound`: Dutch compounding. A one-word term with no other source that is two words of the
method texts written together (with a linking `s`, `e` or `en` between) of which one is a word
of a general term of the same concept: `zelfregie` is `zelf` + `regie` (of `eigen regie`),
`samenkracht` is `samen` + `kracht` (of `eigen kracht`). The row's via is "PART + PART", its
via_source the last method text (in reading order) that it needs.

`freedict`: a Dutch-English dictionary: FreeDict's Dutch-English and English-Dutch pair (Debian packages
`dict-freedict-nld-eng` and `dict-freedict-eng-nld`, 2022.04.21; `apt-get install` them first).
For every term of a concept whose wording is found in the method texts (a source other than
`none` in data/lexicon-sources.tsv), each Dutch headword that the term matches (as the lexicon
would match a word: prefix for `wijk*`, equal or an inflection otherwise) is translated into
English, and every other Dutch word with one of those translations is a synonym *of that
concept*, via that term. An English word that more than MAX_FANOUT Dutch words share says too
little (`set`, `make`) and is skipped. The dev statements are never read: the output depends on
the lexicon's general terms and the dictionary only.

Columns: concept, Dutch word (folded), via (the lexicon term, or the method text's words),
via_source (the method text that has via), resource (`simplemma`, `compound` or `freedict`),
note (the lemmas, the linking letters, or the shared English translation).

Run from the repository root, after `cargo run --release --example suggest_eval -- --sources >
data/lexicon-sources.tsv` (which reads the file this writes, so run the pair until nothing
changes: two rounds):

    python3 scripts/lexicon-dictionary.py > data/lexicon-dictionary.tsv
"""
import collections
import gzip
import os
import re
import sys
import unicodedata

import simplemma

DICT = "/usr/share/dictd"
MAX_FANOUT = 4
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def fold(s):
    s = s.replace("\u0133", "ij").replace("\u0132", "IJ").replace("\u2010", "-")
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c)).strip()


def load(name):
    """headword -> set of translations (folded), from a dictd database."""
    data = gzip.open(f"{DICT}/{name}.dict.dz").read()
    out = collections.defaultdict(set)
    with open(f"{DICT}/{name}.index", encoding="utf-8") as idx:
        for line in idx:
            hw, off, ln = line.rstrip("\n").split("\t")
            hw = fold(hw)
            if not hw or hw.startswith("00"):
                continue
            body = data[b64(off) : b64(off) + b64(ln)].decode("utf-8").split("\n")[1:]
            for part in body:
                part = re.sub(r"^\d+\.\s*", "", part.strip())
                for t in part.split(","):
                    t = fold(t)
                    if t:
                        out[hw].add(t)
    return out


def stop_words():
    with open("src/suggest/normalise.rs", encoding="utf-8") as f:
        src = f.read()
    body = src[src.index("pub const STOP_WORDS") :]
    body = body[body.index('"') + 1 :]
    body = body[: body.index('";')]
    return set(re.findall(r"[a-z]+", body))


def matches(word, headword):
    """Does a lexicon word (`wijk*`, `=regels`, `kracht`) match a dictionary headword?"""
    if word.endswith("*"):
        p = word[:-1]
        return len(p) >= 4 and headword.startswith(p)
    if word.startswith("="):
        return headword == word[1:]
    if word.startswith("*"):
        return False
    # Equal, or a Dutch inflection (-e, -en, -s, -heid is a different word).
    return headword == word or (headword.startswith(word) and headword[len(word) :] in ("e", "en", "s", "n"))


def method_texts():
    """(file name, text) of data/method/, the digest first, as examples/suggest_eval.rs reads them."""
    names = sorted(n for n in os.listdir("data/method") if n != "README.md")
    return [(n, open(os.path.join("data/method", n), encoding="utf-8").read()) for n in names]


def words_of(text):
    return [w for w in re.split(r"[^0-9a-z]+", fold(text)) if w]


def lemma(word):
    return fold(simplemma.lemmatize(word, lang="nl"))


def lemma_matches(term_word, lem):
    if term_word.endswith("*"):
        return lem.startswith(term_word[:-1])
    if term_word.startswith("="):
        return lem == term_word[1:]
    if term_word.startswith("*"):
        return lem.endswith(term_word[1:])
    return lem == lemma(term_word)


def find_lemmatised(term, words, lemmas):
    """The method words (as written) in which the lemmatised term is found, or None."""
    tw = term.split()
    for i, lem in enumerate(lemmas):
        if not lemma_matches(tw[0], lem):
            continue
        pos, ok = i, True
        for w in tw[1:]:
            nxt = next((j for j in range(pos + 1, min(pos + 4, len(lemmas))) if lemma_matches(w, lemmas[j])), None)
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return " ".join(words[i : pos + 1]), " ".join(lemmas[i : pos + 1])
    return None


def lemma_rows(terms):
    """Rows for the terms without a method-text source whose lemmatised wording a method text has."""
    texts = []
    for name, text in method_texts():
        words = words_of(text)
        texts.append((name, words, [lemma(w) for w in words]))
    rows = set()
    for concept, term, source in terms:
        if source != "none" and not source.startswith(("freedict", "simplemma", "compound")):
            continue
        for name, words, lemmas in texts:
            found = find_lemmatised(term, words, lemmas)
            if found:
                form = " ".join(w.strip("*=") for w in term.split())
                rows.add((concept, form, found[0], name, "simplemma", "lemmas: " + found[1]))
                break
    return rows


def compound_rows(terms):
    """Rows for the one-word terms without a source that join two method words (see above)."""
    order = []
    first = {}
    for name, text in method_texts():
        order.append(name)
        for w in words_of(text):
            if len(w) >= 3:
                first.setdefault(w, name)
    # The words of each concept's general terms, with the text that has the term.
    general = collections.defaultdict(dict)
    for concept, term, source in terms:
        if source in order:
            for w in term.split():
                general[concept].setdefault(w.strip("*="), source)
    rows = set()
    for concept, term, source in terms:
        if source != "none" and not source.startswith("compound"):
            continue
        if len(term.split()) != 1:
            continue
        word = term.strip("*=")
        for i in range(3, len(word) - 2):
            head = word[i:]
            for link in ("", "s", "e", "en"):
                if not word[:i].endswith(link):
                    continue
                modifier = word[: i - len(link)] if link else word[:i]
                if modifier not in first or head not in first:
                    continue
                named = [
                    general[concept][g]
                    for part in (modifier, head)
                    for g in general[concept]
                    if part == g or (len(g) >= 4 and part.startswith(g))
                ]
                if not named:
                    continue
                needed = [first[modifier], first[head], min(named, key=order.index)]
                via_source = max(needed, key=order.index)
                rows.add((concept, word, f"{modifier} + {head}", via_source, "compound", "linking: " + (link or "-")))
                break
            else:
                continue
            break
    return rows


def main():
    nld_eng = load("freedict-nld-eng")
    eng_nld = load("freedict-eng-nld")
    n2e = collections.defaultdict(set)
    for n, es in nld_eng.items():
        n2e[n] |= es
    for e, ns in eng_nld.items():
        for n in ns:
            n2e[n].add(e)
    e2n = collections.defaultdict(set)
    for n, es in n2e.items():
        for e in es:
            e2n[e].add(n)
    stop = stop_words()
    terms = []
    with open("data/lexicon-sources.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            terms.append(tuple(line.rstrip("\n").split("\t")[:3]))
    # Only a method text counts as a source to derive from (not a resource's finding).
    general = [t for t in terms if t[2] != "none" and not t[2].startswith(("freedict", "simplemma", "compound"))]
    rows = lemma_rows(terms) | compound_rows(terms)
    for concept, term, source in general:
        words = term.split()
        if len(words) != 1:
            continue
        word = words[0]
        heads = [h for h in n2e if " " not in h and matches(word, h)]
        for h in heads:
            for e in n2e[h]:
                dutch = e2n.get(e, set())
                if len(dutch) > MAX_FANOUT:
                    continue
                for d in dutch:
                    if d == h or " " in d or "-" in d or len(d) < 4 or d in stop:
                        continue
                    rows.add((concept, d, term, source, "freedict", "English: " + e))
    print("# Lexicon wordings that general Dutch resources tie to the method texts (data/method/):")
    print("# simplemma's lemmas (the wording, lemmatised, is in a method text), Dutch compounding (two")
    print("# method words written together, one of a general term of the concept) and FreeDict's")
    print("# Dutch-English dictionary (a Dutch synonym, through a shared English translation, of a")
    print("# concept's term found in a method text). Made by scripts/lexicon-dictionary.py; read by")
    print("# examples/suggest_eval.rs and tests/suggest.rs. Columns: concept, Dutch word, via,")
    print("# via_source, resource, note.")
    for r in sorted(rows):
        print("\t".join(r))
    print(f"{len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
