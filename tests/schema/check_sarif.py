#!/usr/bin/env python3
"""Runs `planlint check --format sarif` on documents with Finnish, space, '#' and ':' in their names (with
fixes and an unused suppression), on a run that fails (a broken configuration, an unreadable document, a
missing baseline), and validates every log against the official SARIF 2.1.0 JSON schema, with format checks
(an artifact URI must be an RFC 3986 URI reference). Then checks what the schema cannot: URIs decode back to
the file names, %SRCROOT% is where the run was, failed runs say so, fingerprints are stable and unique.

usage: check_sarif.py PLANLINT_BINARY SOURCE_DIR SCHEMA VERSION"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def load_validator(schema_path):
    if not os.path.exists(schema_path):
        sys.exit("%s is missing: it is the official SARIF 2.1.0 schema (oasis-tcs/sarif-spec, "
                 "sarif-2.1/schema/sarif-schema-2.1.0.json)" % schema_path)
    try:
        import jsonschema
    except ImportError:
        sys.exit("python3-jsonschema is not installed (.ci/setup installs it)")
    schema = json.load(open(schema_path, encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    # Without rfc3987 (python3-rfc3987) jsonschema skips "uri-reference" and "uri" silently: no silent pass.
    bad = {"$schema": "http://json-schema.org/draft-04/schema#", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "x"}},
                     "artifacts": [{"location": {"uri": "työikäiset 2022.txt"}}]}]}
    if validator.is_valid(bad):
        sys.exit("the validator does not check URI formats: install python3-rfc3987 (.ci/setup)")
    return validator


def run(binary, args, cwd):
    env = dict(os.environ, PLANLINT_NO_CACHE="1")
    r = subprocess.run([binary, "check", "--format", "sarif"] + args, cwd=cwd, env=env,
                       capture_output=True, text=True)
    try:
        log = json.loads(r.stdout)
    except json.JSONDecodeError:
        problems.append("%s: stdout is not JSON (exit %d): %r" % (args, r.returncode, r.stdout[:200]))
        log = None
    return r.returncode, log, r.stderr


def validate(validator, log, what):
    for e in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))[:10]:
        problems.append("%s: schema: %s at %s" % (what, e.message, "/".join(map(str, e.absolute_path))))


def locations(log):
    for res in log["runs"][0]["results"]:
        yield res["locations"][0]["physicalLocation"]["artifactLocation"]
        for fix in res.get("fixes", []):
            for change in fix["artifactChanges"]:
                yield change["artifactLocation"]


def check_clean_run(log, work, source, version):
    run0 = log["runs"][0]
    root = run0["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    check(root.startswith("file:///") and root.endswith("/"), "%%SRCROOT%% is not a file: directory URI: %s" % root)
    check(urllib.parse.unquote(urllib.parse.urlparse(root).path) == str(work) + "/",
          "%%SRCROOT%% %s is not the working directory %s" % (root, work))
    names = set()
    for loc in locations(log):
        uri = loc["uri"]
        check(loc.get("uriBaseId") == "%SRCROOT%", "%s: no uriBaseId %%SRCROOT%%" % uri)
        check(uri.isascii() and " " not in uri and "#" not in uri, "not percent-encoded: %r" % uri)
        names.add(urllib.parse.unquote(uri))
    expected = {"työikäiset 2022.txt", "suunnitelma #2.txt", "plans/v:2 ä.txt"}
    check(names == expected, "artifact URIs decode to %s, expected %s" % (sorted(names), sorted(expected)))
    results = run0["results"]
    check(any(r.get("fixes") for r in results), "no result with fixes")
    check(any(r["ruleId"] == "unused-suppression" for r in results), "no unused-suppression result")
    inv = run0["invocations"][0]
    check(inv["executionSuccessful"] is True and inv["exitCode"] == 1, "clean run: invocation %s" % inv)
    check(inv["toolExecutionNotifications"] == [], "clean run with notifications: %s" % inv)
    driver = run0["tool"]["driver"]
    check(driver["version"] == version, "tool version %s, expected %s (CMake project VERSION)" % (driver["version"], version))
    for rule in driver["rules"]:
        md = rule["help"].get("markdown", "")
        check(md.startswith("**") and len(md) > 40, "rule %s: help.markdown is %r" % (rule["id"], md[:60]))
    prints = [r["partialFingerprints"]["planlintFinding/v2"] for r in results]
    check(len(prints) == len(set(prints)), "fingerprints repeat within one run")
    return sorted(prints)


def check_failed_run(code, log, stderr, what, expect_location=None):
    check(code == 2, "%s: exit %d, expected 2" % (what, code))
    if not log:
        return
    inv = log["runs"][0]["invocations"][0]
    check(inv["executionSuccessful"] is False and inv["exitCode"] == 2, "%s: invocation %s" % (what, inv))
    notes = inv.get("toolExecutionNotifications", [])
    check(notes and all(n["level"] == "error" for n in notes), "%s: no error notification: %s" % (what, notes))
    for line in stderr.strip().splitlines():
        check(any(n["message"]["text"] == line for n in notes), "%s: error %r is not a notification" % (what, line))
    if expect_location:
        uris = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes if n.get("locations")]
        check(expect_location in uris, "%s: no notification at %s: %s" % (what, expect_location, uris))


def main():
    binary, source, schema_path, version = sys.argv[1:5]
    binary = os.path.abspath(binary)
    validator = load_validator(schema_path)
    sample = pathlib.Path(source, "samples", "tyoikaiset-2022-2025-luonnos.txt").read_text(encoding="utf-8")
    short = ("<!-- planlint-disable-next-line duplicate-measure -->\n"
             "TAVOITE 1. Yksi\n\nToimenpide\tMittari\nLisätään liikuntaryhmiä.\tRyhmien määrä\n"
             "Tuetaan kulttuuria kouluissa.\tEsitysten määrä\nKehitetään neuvontaa verkossa.\tKävijämäärä\n")
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp).resolve()
        (work / "plans").mkdir()
        (work / "työikäiset 2022.txt").write_text(sample, encoding="utf-8")
        (work / "suunnitelma #2.txt").write_text(short, encoding="utf-8")
        (work / "plans" / "v:2 ä.txt").write_text(short, encoding="utf-8")
        docs = ["työikäiset 2022.txt", "suunnitelma #2.txt", "plans"]
        code, log, stderr = run(binary, ["--no-config"] + docs, work)
        check(code == 1, "clean run: exit %d, expected 1 (%s)" % (code, stderr))
        if log:
            validate(validator, log, "clean run")
            before = check_clean_run(log, work, source, version)
            # Lines inserted at the top move every finding and change the messages' line numbers, not the
            # fingerprints.
            for name in ("työikäiset 2022.txt", "suunnitelma #2.txt"):
                text = (work / name).read_text(encoding="utf-8")
                (work / name).write_text("\n\n" + text, encoding="utf-8")
            _, moved, _ = run(binary, ["--no-config"] + docs, work)
            if moved:
                after = sorted(r["partialFingerprints"]["planlintFinding/v2"] for r in moved["runs"][0]["results"])
                check(after == before, "fingerprints changed when lines were inserted at the top")

        # A .docx: places are logical locations with the quoted text, not regions of lines.
        docx = pathlib.Path(source, "samples", "tyoikaiset-2022-2025-luonnos.docx")
        (work / "luonnos.docx").write_bytes(docx.read_bytes())
        code, log, stderr = run(binary, ["--no-config", "--disable", "spelling", "luonnos.docx"], work)
        check(code == 0, "docx run: exit %d, expected 0 (%s)" % (code, stderr))
        if log:
            validate(validator, log, "docx run")
            results = log["runs"][0]["results"]
            check(len(results) == 2, "docx run: %d results, expected the 2 title mismatches" % len(results))
            for r in results:
                loc = r["locations"][0]
                check("region" not in loc["physicalLocation"], "docx run: a region of lines the user never sees")
                check(loc["logicalLocations"][0]["name"].startswith("paragraph "), "docx run: no place as logical location")
                check(loc["message"]["text"].startswith("Työkäi"), "docx run: no quote of the title")

        # Failed runs: each still writes a valid log that says it failed.
        (work / ".planlint.toml").write_text('fail-on = "warnings"\n', encoding="utf-8")
        code, log, stderr = run(binary, docs, work)
        if log:
            validate(validator, log, "bad configuration")
        check_failed_run(code, log, stderr, "bad configuration")
        (work / ".planlint.toml").unlink()
        (work / "rikki.txt").write_bytes(b"TAVOITE 1. \xff\xfe\n")
        code, log, stderr = run(binary, ["--no-config", "rikki.txt", "suunnitelma #2.txt"], work)
        if log:
            validate(validator, log, "unreadable document")
            check(log["runs"][0]["results"], "unreadable document: the readable one's results are missing")
        check_failed_run(code, log, stderr, "unreadable document", "rikki.txt")
        code, log, stderr = run(binary, ["--no-config", "--baseline", "puuttuu.json", "suunnitelma #2.txt"], work)
        if log:
            validate(validator, log, "missing baseline")
        check_failed_run(code, log, stderr, "missing baseline")
    for p in problems:
        print("FAIL:", p)
    print("%d passed, %d failed" % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
