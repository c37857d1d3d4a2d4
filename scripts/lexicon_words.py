#!/usr/bin/env python3
"""Frequency lists of news words to translate for the bilingual lexicon.

Counts lower-cased words in news text and prints the most frequent ones that are not
function words, one per line, for helpers to translate (data/lexicon/README.md says how).
Only single words leave this script: no sentence of the texts it reads is kept.

  python3 scripts/lexicon_words.py en 3000 > /tmp/words-en.txt
  python3 scripts/lexicon_words.py es 2000 > /tmp/words-es.txt

English reads ../shared/bench (AllSides excerpts, the extraction set's ground truth) and
the project's written stories; Spanish reads the written stories whose key says "es"
and the Spanish pages of the WCXB development split's ground truth.
"""

import collections
import glob
import gzip
import json
import os
import re
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "..", "shared", "bench")
STORIES = os.path.join(ROOT, "tests", "fixtures", "verdicts", "stories")

# Function words: never worth a lexicon line (the code keeps its own stop lists).
STOP = {
    "en": set(
        "the a an and or but of to in on at for with by from as is are was were be been "
        "being has have had do does did will would can could should may might must shall "
        "it its this that these those he she they we you i me him her them us our their "
        "his my your who whom whose which what when where why how not no nor so than then "
        "there here also just only very more most some any all each both such own same "
        "other into over under about after before up down out off again further once "
        "said says say if because while during through between against among per via "
        "s t don didn doesn isn wasn aren weren won wouldn couldn shouldn ve ll re m d".split()
    ),
    "es": set(
        "el la los las un una unos unas y e o u pero de del al a en con por para sin sobre "
        "entre hasta desde hacia según que quien quienes cual cuales cuyo cuya donde cuando "
        "como es son era eran fue fueron ser sido siendo ha han había habían haber he hemos "
        "está están estaba estaban estar esto este esta estos estas ese esa esos esas eso "
        "aquel lo le les se su sus mi mis tu tus nos nuestro nuestra me te él ella ellos "
        "ellas usted ustedes no ni sí ya muy más menos también tan tanto solo sólo cada "
        "todo toda todos todas otro otra otros otras mismo misma dijo dice afirmó señaló".split()
    ),
}

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def english_texts():
    with open(os.path.join(BENCH, "allsides-roundups", "roundups.jsonl")) as f:
        for line in f:
            d = json.loads(line)
            yield flat(d.get("issue"))
            yield flat(d.get("roundup"))
            for side in (d.get("news") or {}).values():
                yield flat(side.get("newsTitle"))
                yield flat(side.get("newBody"))
    with open(os.path.join(BENCH, "article-extraction", "ground-truth.json")) as f:
        for page in json.load(f).values():
            yield page.get("articleBody", "")
    yield from story_texts("en")


def flat(v):
    """A field that may be a string, a list of strings or absent, as one string."""
    if isinstance(v, list):
        return " ".join(flat(x) for x in v)
    return v if isinstance(v, str) else ""


def story_texts(lang):
    for key in glob.glob(os.path.join(STORIES, "*", "key.toml")):
        with open(key, "rb") as f:
            k = tomllib.load(f)
        d = os.path.dirname(key)
        if k.get("lang") == lang:
            yield open(os.path.join(d, "reference.txt")).read()
        for o in k.get("outlet", []):
            if o.get("lang") == lang:
                p = os.path.join(d, o["id"] + ".txt")
                if os.path.exists(p):
                    yield open(p).read()


def spanish_texts():
    yield from story_texts("es")
    for gt in glob.glob(os.path.join(BENCH, "wcxb-dev", "dev", "ground-truth", "*.json")):
        with open(gt) as f:
            text = json.load(f).get("ground_truth", {}).get("main_content", "")
        words = WORD.findall(text.lower())
        # A page is Spanish when its function words are mostly Spanish ones.
        es = sum(w in STOP["es"] for w in words)
        en = sum(w in STOP["en"] for w in words)
        if words and es > 3 * en and es > 0.2 * len(words):
            yield text


def main():
    lang, n = sys.argv[1], int(sys.argv[2])
    counts = collections.Counter()
    for text in english_texts() if lang == "en" else spanish_texts():
        for w in WORD.findall((text or "").lower()):
            w = w.replace("’", "'")
            if len(w) > 2 and w not in STOP[lang] and "'" not in w:
                counts[w] += 1
    for w, _ in counts.most_common(n):
        print(w)


if __name__ == "__main__":
    main()
