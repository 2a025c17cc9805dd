#!/usr/bin/env python3
"""Compares the diagnostics Neovim received from `planlint lsp` with `planlint check --format json` on the
same file. check counts columns in code points from 1; LSP in UTF-16 code units from 0, so check's columns
are converted with the file's own lines (a character outside the BMP takes two units).

usage: compare_diagnostics.py NVIM_JSON CHECK_JSON PLAN_FILE"""
import json
import sys


def utf16_units(text):
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def main():
    nvim_path, check_path, plan_path = sys.argv[1:4]
    nvim = json.load(open(nvim_path, encoding="utf-8"))
    findings = json.load(open(check_path, encoding="utf-8"))
    lines = open(plan_path, encoding="utf-8-sig", newline="").read().split("\n")
    lines = [l[:-1] if l.endswith("\r") else l for l in lines]
    severity = {"error": 1, "warning": 2, "info": 3}

    def column(line, col):  # check's 1-based code-point column → 0-based UTF-16 units
        return utf16_units(lines[line - 1][: col - 1])

    expected = sorted(
        (
            f["line"] - 1, column(f["line"], f["column"]), f["end_line"] - 1, column(f["end_line"], f["end_column"]),
            severity[f["severity"]], f["rule"], f["message"],
        )
        for f in findings
    )
    def rows(diagnostics):
        return sorted((d["line"], d["character"], d["end_line"], d["end_character"], d["severity"], d["code"],
                       d["message"]) for d in diagnostics)

    problems = []
    if not expected:
        problems.append("planlint check found nothing: the comparison would prove nothing")
    # As sent by the server (Neovim would clamp a column past the line end), and as Neovim placed them.
    for what, got in (("sent", rows(nvim["raw"])), ("in the buffer", rows(nvim["diagnostics"]))):
        if got != expected:
            problems.append("diagnostics %s differ:\n  neovim: %s\n  check:  %s" % (what, got, expected))
    # The point of the test: lines where UTF-16 units and bytes differ (ä, ö) must be among those compared.
    if not any(len(lines[d[0]].encode("utf-8")) != utf16_units(lines[d[0]]) for d in expected):
        problems.append("no finding lies on a line with non-ASCII text")
    for d in nvim["diagnostics"]:
        if d["source"] != "planlint" or not d.get("href"):
            problems.append("diagnostic without source 'planlint' or a codeDescription: %s" % d)
    if nvim.get("server_exit") != 0:
        problems.append("planlint lsp exited with %s after shutdown and exit" % nvim.get("server_exit"))
    for problem in problems:
        print("FAIL:", problem)
    if problems:
        return 1
    print("OK: %d diagnostics identical (UTF-16 columns), %d goals in the outline, hover: %s"
          % (len(expected), len(nvim["symbols"]), nvim["hover"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
