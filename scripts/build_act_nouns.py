#!/usr/bin/env python3
"""Writes data/events/act_nouns.txt: the English nouns whose most frequent sense in WordNet 3.0,
or at least half of their senses, name an act, an event or a communication ("clash", "talk",
"test", "meeting"), one lemma a line. The events stage reads it to tell a date that says when an act named by a noun was ("the
missile tests on March 5") from a date the parser hung on a noun that names no act ("shelled
positions on Monday": the shelling's day).

    python scripts/build_act_nouns.py                  # reads Debian's wordnet-base
    python scripts/build_act_nouns.py --wordnet DIR    # a folder with index.noun, data.noun

The same WordNet gives the same bytes. WordNet's license (kept at the head of the file it
writes) allows this use.
"""

import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "events", "act_nouns.txt")
# WordNet's lexicographer files: noun.act, noun.communication, noun.event.
ACTS = {"04": "act", "10": "communication", "11": "event"}
NOTICE = """\
# Nouns whose most frequent sense in WordNet 3.0, or at least half of their senses, is an act, an
# event or a communication, one lemma a line; written by scripts/build_act_nouns.py, do not edit by hand.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
# NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity
# pertaining to distribution of the software and/or database. Title to copyright in this
# software, database and any associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same.
"""


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--wordnet", default="/usr/share/wordnet")
    p.add_argument("--out", default=OUT)
    args = p.parse_args()
    lexfile = {}
    with open(os.path.join(args.wordnet, "data.noun"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith(" "):
                offset, lex = line.split(" ", 2)[:2]
                lexfile[offset] = lex
    words = []
    with open(os.path.join(args.wordnet, "index.noun"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synsets = fields[0], int(fields[2])
            # The synset offsets close the line, the most frequent sense first.
            senses = [lexfile.get(o) for o in fields[len(fields) - synsets:]]
            acts = sum(1 for s in senses if s in ACTS)
            if lemma.isalpha() and lemma.islower() and (senses[0] in ACTS or 2 * acts >= synsets):
                words.append(lemma)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(NOTICE)
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{args.out}: {len(words)} nouns")


if __name__ == "__main__":
    main()
