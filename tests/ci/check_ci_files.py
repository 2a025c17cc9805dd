#!/usr/bin/env python3
"""Lints .pre-commit-hooks.yaml and the sample GitHub workflow (samples/github/planlint.yml), then runs what
they would run: the pre-commit hook's command on the bundled plans, and the workflow's own step scripts,
unchanged, in a scratch git repository with a base branch and a pull-request branch.

usage: check_ci_files.py PLANLINT_BINARY SOURCE_DIR"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

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


def git(repo, *args):
    subprocess.run(["git", "-C", repo] + list(args), check=True, capture_output=True, text=True)


def run_workflow_steps(workflow, by_id, planlint, source):
    """The pull request changes one plan and adds another; the base branch had the first one."""
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
        plans = env["PLANS"]
        draft = open(os.path.join(source, "samples/tyoikaiset-2022-2025-luonnos.txt"), encoding="utf-8").read()
        origin, repo = os.path.join(tmp, "origin"), os.path.join(tmp, "repo")
        os.makedirs(os.path.join(origin, plans))
        open(os.path.join(origin, plans, "tyoikaiset.txt"), "w", encoding="utf-8").write(draft)
        # A gate that fails on warnings, so that the baseline visibly decides. Spelling (tested on its own)
        # is off, so that each copy of the sample gives just its two title mismatches.
        open(os.path.join(origin, ".planlint.toml"), "w", encoding="utf-8").write(
            'fail-on = "warning"\ndisable = ["spelling"]\n')
        subprocess.run(["git", "init", "-q", "-b", "main", origin], check=True, env=env)
        git(origin, "add", "-A")
        subprocess.run(["git", "-C", origin, "commit", "-qm", "base"], check=True, env=env)
        subprocess.run(["git", "clone", "-q", origin, repo], check=True, env=env)
        git(repo, "checkout", "-qb", "pr")
        changed = draft.replace("Tuetaan aktiivisia liikkumismuotoja.", "Tuetaan aktiivisia ja kestäviä liikkumismuotoja.")
        check(changed != draft, "test set-up: the sample no longer has the measure this test edits")
        open(os.path.join(repo, plans, "tyoikaiset.txt"), "w", encoding="utf-8").write(changed)
        shutil.copy(os.path.join(source, "samples/tyoikaiset-2022-2025-luonnos.txt"), os.path.join(repo, plans, "uusi.txt"))
        git(repo, "add", "-A")
        subprocess.run(["git", "-C", repo, "commit", "-qm", "pr"], check=True, env=env)

        def step(step_id, extra_env=None):
            e = dict(env, **(extra_env or {}))
            return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", by_id[step_id]["run"]],
                                  cwd=repo, env=e, capture_output=True, text=True)

        r = step("sarif")
        if check(r.returncode == 0, "step sarif: exit %d: %s" % (r.returncode, r.stderr)):
            sarif = json.load(open(os.path.join(repo, "planlint.sarif"), encoding="utf-8"))
            results = sarif["runs"][0]["results"]
            check(sarif["version"] == "2.1.0" and len(results) == 4,
                  "step sarif: expected 4 results (2 per plan), got %d" % len(results))
            uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in results}
            check(uris == {plans + "/tyoikaiset.txt", plans + "/uusi.txt"}, "step sarif: artifact URIs %s" % uris)

        r = step("summary")
        summary = open(env["GITHUB_STEP_SUMMARY"], encoding="utf-8").read() if os.path.exists(env["GITHUB_STEP_SUMMARY"]) else ""
        check(r.returncode == 0, "step summary: exit %d: %s" % (r.returncode, r.stderr))
        check("### `%s/tyoikaiset.txt`" % plans in summary and "kestäviä" in summary and "|" in summary,
              "step summary: no markdown diff of the changed plan:\n" + summary)
        check("`%s/uusi.txt`: a new plan" % plans in summary, "step summary: the added plan is not listed:\n" + summary)

        r = step("annotations")
        check(r.returncode == 1 and r.stdout.count("::warning file=") == 4,
              "step annotations without a baseline: expected the gate to fail with 4 annotations, got exit %d:\n%s%s"
              % (r.returncode, r.stdout, r.stderr))
        # Record the base branch's findings, as a team adopting planlint would; only the new plan's remain.
        subprocess.run([planlint, "check", plans + "/tyoikaiset.txt", "--write-baseline", env["BASELINE"]],
                       cwd=repo, check=True, capture_output=True)
        r = step("annotations")
        check(r.returncode == 1 and r.stdout.count("::warning file=%s/uusi.txt" % plans) == 2
              and "tyoikaiset.txt" not in r.stdout,
              "step annotations with the baseline: expected only the new plan's 2 annotations, got exit %d:\n%s%s"
              % (r.returncode, r.stdout, r.stderr))
        os.remove(os.path.join(repo, plans, "uusi.txt"))
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
