#!/usr/bin/env python3
"""Regenerates the built-in rules' table and listings at the end of docs/rule-language.md from rules/*.rules.

Usage: python3 docs/gen_rule_reference.py   (from anywhere; rewrites the file in place)
tests/unit/rules_docs_test.cpp checks that every rule appears there as it is, so run this after changing a rule.
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
doc_path = root / "docs" / "rule-language.md"
table_head = "| id | severity | scope | checks |"


def without_doc(text):
    """The rule's text without its doc block, as `planlint explain` leaves it to the listing."""
    text = re.sub(r'\n  doc """.*?"""\n', "\n", text, flags=re.S)
    while "\n\n}" in text:
        text = text.replace("\n\n}", "\n}")
    return text.rstrip("\n")


def field(text, name):
    m = re.search(rf'^  {name} (?:"(.*)"|(\S+))$', text, flags=re.M)
    return m.group(1) or m.group(2)


rules = []
for path in sorted((root / "rules").glob("*.rules")):
    text = path.read_text(encoding="utf-8")
    rules.append((path.stem, field(text, "severity"), field(text, "scope"), field(text, "summary"), without_doc(text)))

out = [table_head, "|---|---|---|---|"]
out += [f"| [{i}](#{i}) | {sev} | {scope} | {summary} |" for i, sev, scope, summary, _ in rules]
out += ["", "The rules without their doc texts (`planlint explain ID` prints those):", ""]
for i, _, _, _, body in rules:
    out += [f"### {i}", "", "```", body, "```", ""]

doc = doc_path.read_text(encoding="utf-8")
doc = doc[: doc.index(table_head)] + "\n".join(out)
doc_path.write_text(doc.rstrip("\n") + "\n", encoding="utf-8")
