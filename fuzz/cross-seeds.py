#!/usr/bin/env python3
"""Writes seeds for `curriculum` and `class_file` made of the other targets' corpora.

    fuzz/cross-seeds.py DIR

A class file holds a whole curriculum, so the two targets run the same reader,
validator and item code, but each binary has to find those paths by itself, and
the one that has run longer on curricula gets further; `expr` and `markdown` fuzz
the template and text code alone, their inputs not buried in JSON. This
writes `DIR/curriculum/`: the curriculum of every class file of
`fuzz/corpus/class_file/` that reads as JSON, written compact, and the curriculum
fixture (`curricula/good/minimal.json`) once for each input of `expr`'s corpus, as
its templated item (variables, derived values, answer, constraint and prompt, read
as `expr` reads them), and once for each input of `markdown`'s, as its first
lesson; and `DIR/class_file/`: every input of `fuzz/corpus/curriculum/` and every
curriculum made from `expr` and `markdown`, byte for byte, in the place of the
curriculum of the class-file fixture (`class/good/class.json`), up to 16 KB. Give
them to `run-until-quiet.py --seeds`; the corpus keeps what a merge finds they add.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(ROOT, "crates/core/tests/fixtures")
FIXTURE = os.path.join(FIXTURES, "class/good/class.json")
CURRICULUM = os.path.join(FIXTURES, "curricula/good/minimal.json")
MAX_LEN = 16384  # the inputs' limit, as in crates/test-kit/examples/fuzz-seeds.rs
PLACEHOLDER = "@curriculum@"
INTEGER = re.compile(r"[+-]?[0-9]+")
I64 = range(-(2**63), 2**63)


def inputs(target):
    folder = os.path.join(HERE, "corpus", target)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as data:
            yield data.read()


def integer(word):
    """The word as Rust's `str::parse::<i64>` reads it, or None."""
    if INTEGER.fullmatch(word) and int(word) in I64:
        return int(word)
    return None


def template_item(item, data):
    """`item` with the template an `expr` input declares (the target's `declare`)."""
    lines = (data.decode("utf-8", "replace").split("\n", 3) + ["", "", ""])[:4]
    declarations, answer, constraint, prompt = lines
    variables, derived = [], []
    for word in declarations.split()[:8]:
        if ":=" in word:
            name, value = word.split(":=", 1)
            derived.append({"name": name, "value": value})
        elif "=" in word:
            name, value = word.split("=", 1)
            variable = {"name": name}
            bounds = value.split("..")
            if len(bounds) in (2, 3):
                for field, bound in zip(("from", "to", "step"), bounds):
                    if (number := integer(bound)) is not None:
                        variable[field] = number
            else:
                variable["one_of"] = value.split("|")
            variables.append(variable)
    template = {"variables": variables, "derived": derived}
    if constraint:
        template["constraints"] = [constraint]
    return dict(item, answer=answer, prompt=prompt, template=template)


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def from_expr_and_markdown():
    """The curriculum fixture around each input of `expr` and of `markdown`."""
    with open(CURRICULUM) as fixture:
        curriculum = json.load(fixture)
    objective = curriculum["courses"][0]["units"][0]["objectives"][0]
    templated = next(i for i, item in enumerate(objective["items"]) if "template" in item)
    item = objective["items"][templated]
    for data in inputs("expr"):
        objective["items"][templated] = template_item(item, data)
        yield compact(curriculum)
    objective["items"][templated] = item
    for data in inputs("markdown"):
        objective["lesson"]["body"] = data.decode("utf-8", "replace")
        yield compact(curriculum)


def from_class_files():
    """The curriculum of each input of `class_file` that reads as JSON."""
    for data in inputs("class_file"):
        try:
            read = json.loads(data)
        except ValueError:
            continue
        if isinstance(read, dict) and "curriculum" in read:
            yield compact(read["curriculum"])


def write_all(folder, inputs):
    """Writes each input to `folder`, numbered; returns how many."""
    os.makedirs(folder, exist_ok=True)
    count = 0
    for count, data in enumerate(inputs, 1):
        with open(os.path.join(folder, f"{count:05}"), "wb") as out:
            out.write(data)
    return count


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    made = list(from_expr_and_markdown())
    taken = write_all(os.path.join(sys.argv[1], "curriculum"), [*from_class_files(), *made])

    with open(FIXTURE) as fixture:
        class_file = json.load(fixture)
    class_file["curriculum"] = PLACEHOLDER
    before, after = (part.encode() for part in json.dumps(class_file).split(f'"{PLACEHOLDER}"'))
    wrapped = write_all(
        os.path.join(sys.argv[1], "class_file"),
        (
            before + curriculum + after
            for curriculum in [*inputs("curriculum"), *made]
            if len(before) + len(curriculum) + len(after) <= MAX_LEN
        ),
    )
    print(
        f"in {sys.argv[1]}: {taken} curricula ({len(made)} from expressions and texts), "
        f"{wrapped} class files"
    )


if __name__ == "__main__":
    main()
