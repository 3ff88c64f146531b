#!/usr/bin/env python3
"""Writes the large hostile inputs of issue 15 into a directory, for scripts/hostile-bench.sh.

    scripts/hostile_inputs.py DIR [--quick]

Each file is made from a fixed seed, so figures are comparable between runs. The small
hostile cases are fixtures and generators in tests/ (they run with `cargo test`); these are
the ones too large to write on every test run:

    answer-1mb.toml        one typed card whose answer is 1 MB of words
    answers-2x50mb.toml    two typed cards with 50 MB answers each
    answers-2x8mb.gift     two GIFT short-answer questions with 8 MB answers each
    inline-1m.toml         a million typed cards written as inline tables (card = [{...}, ...])
    tables-1m.toml         the same cards as [[card]] tables
    same-front-30k.tsv     30,000 rows with one front
    same-name-30k.gift     30,000 GIFT questions with one ::name::
    article-52mb.txt       a 52 MB article of varied sentences
    article-8mb.txt        its first 8 MB (under generate's limit)
(300 MB of standard input without a newline is made by the bench script with `head -c`.)
--quick makes everything ten times smaller.
"""
import os
import random
import sys


def words(rng, n_bytes):
    """About n_bytes of lower-case pseudo-words separated by spaces."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out, size = [], 0
    while size < n_bytes:
        w = "".join(rng.choice(letters) for _ in range(rng.randint(2, 9)))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n_bytes]


def typed_card(i, answer):
    return (f'[[card]]\nid = "c{i}"\nkind = "typed"\n'
            f'prompt = "What is item {i}?"\nanswer = "{answer}"\n\n')


def main():
    out = sys.argv[1]
    scale = 10 if "--quick" in sys.argv else 1
    os.makedirs(out, exist_ok=True)
    rng = random.Random(15)
    head = 'format = 1\nid = "hostile"\ntitle = "Hostile"\n\n'

    def write(name, text):
        path = os.path.join(out, name)
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write(text)

    write("answer-1mb.toml", head + typed_card(0, words(rng, 1_000_000 // scale))
          + typed_card(1, "Lima"))
    big = words(rng, 50_000_000 // scale)
    write("answers-2x50mb.toml", head + typed_card(0, big) + typed_card(1, big[::-1].strip()))
    eight = words(rng, 8_000_000 // scale)
    write("answers-2x8mb.gift",
          f"::one:: What is the first? {{={eight}}}\n\n"
          f"::two:: What is the second? {{={eight[::-1].strip()}}}\n")
    n = 1_000_000 // scale
    rows = ",\n".join(
        f'  {{ id = "c{i}", kind = "typed", prompt = "What is the capital of Land{i}?", '
        f'answer = "Town{i}" }}' for i in range(n))
    write("inline-1m.toml", head + "card = [\n" + rows + "\n]\n")
    write("tables-1m.toml", head + "".join(
        f'[[card]]\nid = "c{i}"\nkind = "typed"\nprompt = "What is the capital of Land{i}?"\n'
        f'answer = "Town{i}"\n\n' for i in range(n)))
    m = 30_000 // scale
    write("same-front-30k.tsv", "".join(f"What is it?\tAnswer {i}\n" for i in range(m)))
    write("same-name-30k.gift", "".join(
        f"::same:: What is number {i}? {{=answer{i}}}\n\n" for i in range(m)))
    subjects = ["The guild", "The council", "The harbour board", "Its first chair",
                "The northern office", "A treaty", "The survey"]
    verbs = ["was founded in", "moved to", "signed an accord in", "opened a school in",
             "was renamed in", "held a summit in"]
    places = ["Bergen", "Tromsø", "Lima", "Quito", "Oslo", "Turku", "Riga"]
    sentences = []
    size = 0
    while size < 52_000_000 // scale:
        s = (f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(places)} "
             f"in {rng.randint(1800, 2020)}, with {rng.randint(2, 900)} members. ")
        if rng.random() < 0.1:
            s += "\n\n"
        sentences.append(s)
        size += len(s)
    article = "Harbour Pilots Guild\n\n" + "".join(sentences)
    write("article-52mb.txt", article)
    write("article-8mb.txt", article[:8_000_000 // scale])


if __name__ == "__main__":
    main()
