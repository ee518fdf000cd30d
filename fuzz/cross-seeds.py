#!/usr/bin/env python3
"""Writes seeds for `class_file` from `curriculum`'s corpus, and the other way round.

    fuzz/cross-seeds.py DIR

A class file holds a whole curriculum, so the two targets run the same reader,
validator and item code, but each binary has to find those paths by itself, and
the one that has run longer on curricula gets further. This writes
`DIR/class_file/`: every input of `fuzz/corpus/curriculum/`, byte for byte, in the
place of the curriculum of the class-file fixture (`class/good/class.json`), up to
16 KB; and `DIR/curriculum/`: the curriculum of every class file of
`fuzz/corpus/class_file/` that reads as JSON, written compact. Give them to
`run-until-quiet.py --seeds`; the corpus keeps what a merge finds they add.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURE = os.path.join(ROOT, "crates/core/tests/fixtures/class/good/class.json")
MAX_LEN = 16384  # the inputs' limit, as in crates/test-kit/examples/fuzz-seeds.rs
PLACEHOLDER = "@curriculum@"


def inputs(target):
    folder = os.path.join(HERE, "corpus", target)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as data:
            yield data.read()


def write(folder, number, data):
    with open(os.path.join(folder, f"{number:05}"), "wb") as out:
        out.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    class_files = os.path.join(sys.argv[1], "class_file")
    curricula = os.path.join(sys.argv[1], "curriculum")
    os.makedirs(class_files, exist_ok=True)
    os.makedirs(curricula, exist_ok=True)

    with open(FIXTURE) as fixture:
        class_file = json.load(fixture)
    class_file["curriculum"] = PLACEHOLDER
    before, after = (part.encode() for part in json.dumps(class_file).split(f'"{PLACEHOLDER}"'))
    wrapped = 0
    for curriculum in inputs("curriculum"):
        if len(before) + len(curriculum) + len(after) <= MAX_LEN:
            write(class_files, wrapped, before + curriculum + after)
            wrapped += 1

    taken = 0
    for data in inputs("class_file"):
        try:
            read = json.loads(data)
        except ValueError:
            continue
        if isinstance(read, dict) and "curriculum" in read:
            write(curricula, taken, json.dumps(read["curriculum"], separators=(",", ":")).encode())
            taken += 1
    print(f"{wrapped} class files in {class_files}, {taken} curricula in {curricula}")


if __name__ == "__main__":
    main()
