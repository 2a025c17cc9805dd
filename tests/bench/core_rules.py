#!/usr/bin/env python3
"""The baseline of tests/bench/bench.sh (issue 17): planlint's seven core rules over draft plans, written
as one would in an afternoon with `re` and `str.split`: goal-measure-count, declared-measure-range,
goal-numbering, goal-title-mismatch, measure-missing-indicator, declared-goal-count and duplicate-measure
for exact duplicates (equal after NFC, white space collapsed and case folded: planlint with threshold 1).
It knows the draft form only (tab-separated tables, "TAVOITE N." headings, no sub-goals or areas), which is
what the benchmark corpus's drafts and the seed draft are; tests/bench/agreement.py checks that it finds
what planlint finds on them, so that the timing compares like with like.
Usage: core_rules.py FILE_OR_DIR...   prints "file:line: rule" per finding, in file and line order."""
import os, re, sys, unicodedata

HEADING = re.compile(r"TAVOITE\s+(\d+)\s*\.\s*(.*?)\s*$")
OVERVIEW = re.compile(r"-\s+TAVOITE\s+(\d+)\s*\.\s*(.*?)\s*$")
WORDS = "yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen".split()
GOAL_CLAIM = re.compile(r"tavoitteita on (\d+|" + "|".join(WORDS) + r")\b", re.I)
RANGE_CLAIM = re.compile(r"(\d+)\s*[–-]\s*(\d+) toimenpide", re.I)


def norm(s):  # what planlint's same_text() and fold() ignore: white space runs and Unicode forms
    return " ".join(unicodedata.normalize("NFC", s).split())


def check(path, out):
    lines = open(path, encoding="utf-8").read().split("\n")
    goals, overview, seen = [], {}, {}  # goals: [line, number, title, measure count]
    goal_claim = range_claim = None
    indicator = None  # the indicator column of the table being read, None outside a table
    for n, line in enumerate(lines, 1):
        if not line.strip():
            indicator = None
            continue
        if indicator is not None and goals:
            cells = line.split("\t")
            goals[-1][3] += 1
            if len(cells) <= indicator:
                out.append((n, "measure-missing-indicator"))
            elif not cells[indicator].strip():
                out.append((n, "measure-missing-indicator"))
            key = norm(cells[0]).casefold()
            if key in seen:
                out.append((n, "duplicate-measure"))
            seen.setdefault(key, n)
        elif (m := OVERVIEW.match(line)):
            overview.setdefault(int(m[1]), (n, m[2]))
        elif (m := HEADING.match(line)):
            goals.append([n, int(m[1]), m[2], 0])
        elif (cells := line.split("\t"))[0].strip() == "Toimenpide" and "Mittari" in line:
            indicator = next(i for i, c in enumerate(cells) if c.strip().startswith("Mittari"))
        else:
            if goal_claim is None and (m := GOAL_CLAIM.search(line)):
                goal_claim = (n, int(m[1]) if m[1].isdigit() else WORDS.index(m[1].lower()) + 1)
            if range_claim is None and (m := RANGE_CLAIM.search(line)):
                range_claim = (int(m[1]), int(m[2]))
    numbers = set()
    for i, (n, number, title, count) in enumerate(goals):
        if not 6 <= count <= 12:
            out.append((n, "goal-measure-count"))
        if range_claim and not range_claim[0] <= count <= range_claim[1]:
            out.append((n, "declared-measure-range"))
        if i == 0 and number != 1:
            out.append((n, "goal-numbering"))
        if number in numbers or (i > 0 and number != goals[i - 1][1] + 1):
            out.append((n, "goal-numbering"))
        numbers.add(number)
        if number in overview and norm(title) != norm(overview[number][1]):
            out.append((n, "goal-title-mismatch"))
    if goal_claim and goal_claim[1] != len(goals):
        out.append((goal_claim[0], "declared-goal-count"))


def main():
    files = []
    for arg in sys.argv[1:]:
        if os.path.isdir(arg):
            files += [os.path.join(d, f) for d, _, fs in os.walk(arg) for f in fs if f.endswith(".txt")]
        else:
            files.append(arg)
    for path in sorted(files):
        out = []
        check(path, out)
        sys.stdout.write("".join(f"{path}:{n}: {rule}\n" for n, rule in sorted(out)))


if __name__ == "__main__":
    main()
