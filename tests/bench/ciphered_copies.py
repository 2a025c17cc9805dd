#!/usr/bin/env python3
"""A large plan whose measures are as alike as a smaller plan's: COPIES copies of a generated plan's goals,
each copy's measure texts with the letters a-z (and A-Z) replaced by a permutation of the copy's own (ä, ö,
å, digits, spaces and punctuation kept), its goals numbered on from the copy before.

Why (issue 17, bench.sh): the generator writes measures from one vocabulary, so the larger a plan, the more
of its measures are near duplicates of an earlier one (findings per measure grow about fourfold from 10,000
to 100,000 measures) and the more pairs share MinHash bands. A copy enciphered this way has exactly its
original's near duplicates and none with another copy, so a plan of ten copies has the ten-times-smaller
plan's density of similar pairs: duplicate-measure's cost per measure on it against the original's shows
how the method scales, apart from what the larger plan's text asks of it.

Usage: ciphered_copies.py PLAN COPIES OUT
"""
import random
import re
import sys

HEADING = re.compile(r'TAVOITE (\d+)\. (.*)')
LOWER = 'abcdefghijklmnopqrstuvwxyz'


def cipher(copy):
    letters = list(LOWER)
    random.Random(copy).shuffle(letters)
    shuffled = ''.join(letters)
    return str.maketrans(LOWER + LOWER.upper(), shuffled + shuffled.upper())


def enciphered(body, copy, goals):
    table = cipher(copy)
    for line in body:
        heading = HEADING.fullmatch(line)
        if heading:
            yield f'TAVOITE {int(heading.group(1)) + copy * goals}. {heading.group(2)}'
        elif '\t' in line and not line.startswith('Toimenpide\t'):
            measure, rest = line.split('\t', 1)
            yield measure.translate(table) + '\t' + rest
        else:
            yield line


def main(plan, copies, out):
    with open(plan, encoding='utf-8') as f:
        lines = f.read().split('\n')
    first = next((i for i, line in enumerate(lines) if HEADING.fullmatch(line)), None)
    if first is None:
        sys.exit(f'{plan}: no goal heading (TAVOITE 1. …) at the start of a line')
    goals = max(int(m.group(1)) for line in lines[first:] if (m := HEADING.fullmatch(line)))
    result = list(lines)
    for copy in range(1, copies):
        result.extend(enciphered(lines[first:], copy, goals))
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(result))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
