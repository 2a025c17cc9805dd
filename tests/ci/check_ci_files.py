#!/usr/bin/env python3
"""Lints .pre-commit-hooks.yaml and the sample GitHub workflow (samples/github/planlint.yml), then runs what
they would run: the pre-commit hook's command on the bundled plans, and the workflow's own step scripts,
unchanged, in a scratch git repository with a base branch and a pull-request branch whose plans have names
that git would quote (ä, ö, spaces, #): one added, one modified, one deleted. The `if` of the SARIF upload
is evaluated (a small evaluator of GitHub's expressions) on the outcome and outputs of the step before it:
a log from a run that failed (exit 2) must not be uploaded.

usage: check_ci_files.py PLANLINT_BINARY SOURCE_DIR"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import yaml

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def lint_pre_commit(source):
    hooks = yaml.safe_load(open(os.path.join(source, ".pre-commit-hooks.yaml"), encoding="utf-8"))
    check(isinstance(hooks, list) and hooks, ".pre-commit-hooks.yaml: expected a list of hooks")
    for hook in hooks or []:
        for key in ("id", "name", "entry", "language", "files"):
            check(key in hook, ".pre-commit-hooks.yaml: hook without '%s'" % key)
        # pre-commit's languages (pre-commit 3.x); an unknown one makes `pre-commit run` fail.
        check(hook.get("language") in {"system", "script", "docker_image", "python", "node", "golang", "rust",
                                       "docker", "fail", "pygrep"},
              ".pre-commit-hooks.yaml: unknown language %r" % hook.get("language"))
        files = re.compile(hook.get("files", ""))
        check(files.search("plans/tyoikaiset-2022-2025-luonnos.txt") and not files.search("README.md"),
              ".pre-commit-hooks.yaml: 'files' should pick plan .txt files only")
    return hooks


def run_pre_commit_hook(hook, planlint, source):
    # pre-commit runs `entry` with the matching staged files appended.
    entry = shlex.split(hook["entry"])
    check(entry[:2] == ["planlint", "check"], "the hook should run `planlint check`, not %r" % hook["entry"])
    samples = sorted(os.path.join(source, "samples", f) for f in os.listdir(os.path.join(source, "samples"))
                     if re.search(hook["files"], f))
    r = subprocess.run([planlint] + entry[1:] + samples, capture_output=True, text=True)
    check(r.returncode == 0 and "goal-title-mismatch" in r.stdout,
          "the hook's command on the samples: exit %d\n%s%s" % (r.returncode, r.stdout, r.stderr))


def steps_of(workflow):
    return [s for job in workflow["jobs"].values() for s in job["steps"]]


def lint_workflow(source):
    workflow = yaml.safe_load(open(os.path.join(source, "samples/github/planlint.yml"), encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    check(isinstance(on, dict) and "pull_request" in on, "workflow: 'on' must include pull_request")
    check(workflow.get("permissions", {}).get("security-events") == "write",
          "workflow: permissions need security-events: write for the SARIF upload")
    check(isinstance(workflow.get("jobs"), dict) and workflow["jobs"], "workflow: no jobs")
    steps = steps_of(workflow)
    for s in steps:
        check("run" in s or "uses" in s, "workflow: step %r has neither run nor uses" % s.get("name"))
        if "uses" in s:
            check(re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", s["uses"]), "workflow: unpinned action %r" % s["uses"])
        if "run" in s:
            check("${{" not in s["run"], "workflow: step %r expands ${{ }} inside its script" % s.get("name"))
            r = subprocess.run(["bash", "-n"], input=s["run"], capture_output=True, text=True)
            check(r.returncode == 0, "workflow: step %r is not valid bash: %s" % (s.get("name"), r.stderr))
    by_id = {s["id"]: s for s in steps if "id" in s}
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    if check(len(upload) == 1, "workflow: expected one github/codeql-action/upload-sarif step"):
        sarif_file = upload[0].get("with", {}).get("sarif_file")
        check(sarif_file and "planlint check --format sarif" in by_id.get("sarif", {}).get("run", "")
              and "> " + sarif_file in by_id["sarif"]["run"],
              "workflow: the 'sarif' step must write %s with planlint check --format sarif" % sarif_file)
    check("--format github" in by_id.get("annotations", {}).get("run", "")
          and "--baseline" in by_id["annotations"]["run"],
          "workflow: the 'annotations' step must use --format github with --baseline")
    summary = by_id.get("summary", {}).get("run", "")
    check("planlint diff --format markdown" in summary and "$GITHUB_STEP_SUMMARY" in summary,
          "workflow: the 'summary' step must append planlint diff --format markdown to $GITHUB_STEP_SUMMARY")
    return workflow, by_id


class Expression:
    """GitHub Actions' `if` expressions, as far as a workflow step needs them: literals, contexts
    (steps.<id>.outcome, steps.<id>.outputs.<name>, github.event_name), ==, !=, !, &&, ||, parentheses and the
    status functions. Without a status function GitHub evaluates `success() && (...)`."""
    TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||!|\(|\))|(?P<fn>[A-Za-z_]\w*)\(\)"
                       r"|(?P<name>[A-Za-z_][\w.-]*))")

    def __init__(self, text):
        text = text.strip()
        if text.startswith("${{") and text.endswith("}}"):
            text = text[3:-2]
        self.tokens, at = [], 0
        while at < len(text.rstrip()):
            m = self.TOKEN.match(text, at)
            if not m:
                raise ValueError("cannot read the expression %r at %d" % (text, at))
            self.tokens.append((m.lastgroup, m.group(m.lastgroup)))
            at = m.end()
        if not any(kind == "fn" and v in ("success", "failure", "always", "cancelled") for kind, v in self.tokens):
            self.tokens = [("fn", "success"), ("op", "&&"), ("op", "(")] + self.tokens + [("op", ")")]

    def evaluate(self, context, statuses):
        self.context, self.statuses, self.at = context, statuses, 0
        value = self.disjunction()
        if self.at != len(self.tokens):
            raise ValueError("unexpected %r" % (self.tokens[self.at],))
        return bool(value)

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def take(self, value=None):
        token = self.peek()
        if value is not None and token[1] != value:
            raise ValueError("expected %r, got %r" % (value, token))
        self.at += 1
        return token

    def disjunction(self):
        value = self.conjunction()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.conjunction()
            value = value or right
        return value

    def conjunction(self):
        value = self.comparison()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.comparison()
            value = value and right
        return value

    def comparison(self):
        value = self.unary()
        while self.peek() in (("op", "=="), ("op", "!=")):
            op = self.take()[1]
            right = self.unary()
            value = (value == right) if op == "==" else (value != right)
        return value

    def unary(self):
        kind, value = self.take()
        if (kind, value) == ("op", "!"):
            return not self.unary()
        if (kind, value) == ("op", "("):
            inner = self.disjunction()
            self.take(")")
            return inner
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if kind == "fn":
            return self.statuses[value]
        if kind == "name":
            node = self.context
            for part in value.split("."):
                node = node.get(part, "") if isinstance(node, dict) else ""
            return node
        raise ValueError("unexpected %r" % value)


def step_runs(step, context, previous_outcomes):
    """Would GitHub run `step` after steps with these outcomes ("success" or "failure")?"""
    failed = any(o == "failure" for o in previous_outcomes)
    statuses = {"success": not failed, "failure": failed, "always": True, "cancelled": False}
    return Expression(step.get("if", "success()")).evaluate(context, statuses)


def outputs_of(path):
    """$GITHUB_OUTPUT as a step wrote it: name=value lines."""
    if not os.path.exists(path):
        return {}
    return dict(line.split("=", 1) for line in open(path, encoding="utf-8").read().splitlines() if "=" in line)


def git(repo, *args):
    subprocess.run(["git", "-C", repo] + list(args), check=True, capture_output=True, text=True)


def run_workflow_steps(workflow, by_id, planlint, source):
    """The base branch has two plans; the pull request changes one, deletes the other and adds a third. Their
    names are ones git quotes in its default output: ä, ö, a space, and # (a URI fragment)."""
    changed_name, added_name, deleted_name = "työikäiset 2022.txt", "a#b.txt", "vanha suunnitelma.txt"
    tmp = tempfile.mkdtemp(prefix="planlint-ci-")
    try:
        env = dict(os.environ)
        env.update({k: str(v) for k, v in workflow.get("env", {}).items()})
        env.update({"HOME": tmp, "GIT_CONFIG_GLOBAL": os.path.join(tmp, "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
                    "PATH": os.path.dirname(os.path.abspath(planlint)) + os.pathsep + env["PATH"],
                    "GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main",
                    "GITHUB_STEP_SUMMARY": os.path.join(tmp, "summary.md"),
                    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})
        plans = env["PLANS"].strip()
        check("\n" not in plans, "test set-up: the sample workflow's PLANS should name one directory")
        draft = open(os.path.join(source, "samples/tyoikaiset-2022-2025-luonnos.txt"), encoding="utf-8").read()
        origin, repo = os.path.join(tmp, "origin"), os.path.join(tmp, "repo")
        os.makedirs(os.path.join(origin, plans))
        for name in (changed_name, deleted_name):
            open(os.path.join(origin, plans, name), "w", encoding="utf-8").write(draft)
        # A gate that fails on warnings, so that the baseline visibly decides. Spelling (tested on its own)
        # is off, so that each copy of the sample gives just its two title mismatches.
        config = 'fail-on = "warning"\ndisable = ["spelling"]\n'
        open(os.path.join(origin, ".planlint.toml"), "w", encoding="utf-8").write(config)
        subprocess.run(["git", "init", "-q", "-b", "main", origin], check=True, env=env)
        git(origin, "add", "-A")
        subprocess.run(["git", "-C", origin, "commit", "-qm", "base"], check=True, env=env)
        subprocess.run(["git", "clone", "-q", origin, repo], check=True, env=env)
        git(repo, "checkout", "-qb", "pr")
        changed = draft.replace("Tuetaan aktiivisia liikkumismuotoja.", "Tuetaan aktiivisia ja kestäviä liikkumismuotoja.")
        check(changed != draft, "test set-up: the sample no longer has the measure this test edits")
        open(os.path.join(repo, plans, changed_name), "w", encoding="utf-8").write(changed)
        shutil.copy(os.path.join(source, "samples/tyoikaiset-2022-2025-luonnos.txt"), os.path.join(repo, plans, added_name))
        os.remove(os.path.join(repo, plans, deleted_name))
        git(repo, "add", "-A")
        subprocess.run(["git", "-C", repo, "commit", "-qm", "pr"], check=True, env=env)
        # The names are ones git quotes by default: what the test is about.
        r = subprocess.run(["git", "-C", repo, "diff", "--name-only", "main...HEAD"], capture_output=True, text=True, env=env)
        check('"' in r.stdout, "test set-up: git no longer quotes the names:\n" + r.stdout)

        def step(step_id, extra_env=None):
            output = os.path.join(tmp, "output-" + step_id)
            if os.path.exists(output):
                os.remove(output)
            e = dict(env, GITHUB_OUTPUT=output, **(extra_env or {}))
            r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", by_id[step_id]["run"]],
                               cwd=repo, env=e, capture_output=True, text=True)
            r.outputs = outputs_of(output)
            return r

        upload = [s for s in steps_of(workflow) if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")][0]

        def uploads(sarif_run):
            """Would GitHub run the upload step after this run of the 'sarif' step (earlier steps succeeded)?"""
            outcome = "success" if sarif_run.returncode == 0 else "failure"
            context = {"steps": {"sarif": {"outcome": outcome, "conclusion": outcome, "outputs": sarif_run.outputs}},
                       "github": {"event_name": env["GITHUB_EVENT_NAME"]}}
            return step_runs(upload, context, ["success", outcome])

        r = step("sarif")
        if check(r.returncode == 0, "step sarif: exit %d: %s" % (r.returncode, r.stderr)):
            sarif = json.load(open(os.path.join(repo, "planlint.sarif"), encoding="utf-8"))
            results = sarif["runs"][0]["results"]
            check(sarif["version"] == "2.1.0" and len(results) == 4,
                  "step sarif: expected 4 results (2 per plan), got %d" % len(results))
            uris = {urllib.parse.unquote(x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for x in results}
            check(uris == {plans + "/" + changed_name, plans + "/" + added_name}, "step sarif: artifact URIs %s" % uris)
        check(uploads(r) and "is uploaded" in r.stdout,
              "step sarif with findings (exit 1 of planlint): its log must be uploaded, and the job log say so:\n"
              + r.stdout + r.stderr)

        # A run that fails: a broken configuration (a misspelt fail-on) stops planlint with exit 2.
        open(os.path.join(repo, ".planlint.toml"), "w", encoding="utf-8").write('fail-on = "warnings"\n')
        r = step("sarif")
        check(r.returncode != 0, "step sarif, broken configuration: the step must fail, got exit 0")
        check(not uploads(r), "step sarif, broken configuration: the upload step would run and close every alert")
        check(not os.path.exists(os.path.join(repo, "planlint.sarif")),
              "step sarif, broken configuration: planlint.sarif was left for an upload")
        check("nothing is uploaded" in r.stdout and "exited 2" in r.stdout,
              "step sarif, broken configuration: the job log does not say that nothing is uploaded:\n" + r.stdout)
        open(os.path.join(repo, ".planlint.toml"), "w", encoding="utf-8").write(config)

        r = step("summary")
        summary = open(env["GITHUB_STEP_SUMMARY"], encoding="utf-8").read() if os.path.exists(env["GITHUB_STEP_SUMMARY"]) else ""
        check(r.returncode == 0, "step summary: exit %d: %s" % (r.returncode, r.stderr))
        check("### `%s/%s`" % (plans, changed_name) in summary and "kestäviä" in summary and "|" in summary,
              "step summary: no markdown diff of the changed plan:\n" + summary)
        check("- `%s/%s`: a new plan" % (plans, added_name) in summary, "step summary: the added plan is not listed:\n" + summary)
        check("- `%s/%s`: deleted" % (plans, deleted_name) in summary, "step summary: the deleted plan is not listed:\n" + summary)
        check("\\303" not in summary and '"' + plans not in summary, "step summary: a name as git quotes it:\n" + summary)

        # A failing git diff (no such base branch) fails the step; it must not read as "no plan changed".
        os.remove(env["GITHUB_STEP_SUMMARY"])
        r = step("summary", {"GITHUB_BASE_REF": "no-such-branch"})
        summary = open(env["GITHUB_STEP_SUMMARY"], encoding="utf-8").read() if os.path.exists(env["GITHUB_STEP_SUMMARY"]) else ""
        check(r.returncode != 0 and "No plan changed" not in summary,
              "step summary against a missing base branch: exit %d, summary:\n%s" % (r.returncode, summary))

        r = step("annotations")
        check(r.returncode == 1 and r.stdout.count("::warning file=") == 4,
              "step annotations without a baseline: expected the gate to fail with 4 annotations, got exit %d:\n%s%s"
              % (r.returncode, r.stdout, r.stderr))
        # PLANS naming files with spaces, one per line.
        r = step("annotations", {"PLANS": "%s/%s\n%s/%s\n" % (plans, changed_name, plans, added_name)})
        check(r.returncode == 1 and r.stdout.count("::warning file=") == 4,
              "step annotations, PLANS naming two files (one with a space): expected 4 annotations, got exit %d:\n%s%s"
              % (r.returncode, r.stdout, r.stderr))
        r = step("annotations", {"PLANS": " \n"})
        check(r.returncode == 2 and "PLANS names no file" in r.stdout,
              "step annotations, empty PLANS: expected an error, got exit %d:\n%s%s" % (r.returncode, r.stdout, r.stderr))
        # Record the base branch's findings, as a team adopting planlint would; only the new plan's remain.
        subprocess.run([planlint, "check", plans + "/" + changed_name, "--write-baseline", env["BASELINE"]],
                       cwd=repo, check=True, capture_output=True)
        r = step("annotations")
        check(r.returncode == 1 and r.stdout.count("::warning file=%s/%s" % (plans, added_name)) == 2
              and changed_name not in r.stdout,
              "step annotations with the baseline: expected only the new plan's 2 annotations, got exit %d:\n%s%s"
              % (r.returncode, r.stdout, r.stderr))
        os.remove(os.path.join(repo, plans, added_name))
        r = step("annotations")
        check(r.returncode == 0 and "::" not in r.stdout,
              "step annotations, all findings in the baseline: expected a pass, got exit %d:\n%s" % (r.returncode, r.stdout))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    planlint, source = sys.argv[1], sys.argv[2]
    hooks = lint_pre_commit(source)
    for hook in hooks or []:
        run_pre_commit_hook(hook, planlint, source)
    workflow, by_id = lint_workflow(source)
    if not problems:
        run_workflow_steps(workflow, by_id, planlint, source)
    for p in problems:
        print("FAIL:", p)
    if not problems:
        print("OK: .pre-commit-hooks.yaml and samples/github/planlint.yml lint clean; their commands ran as expected")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
