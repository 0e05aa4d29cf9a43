"""The GitHub Actions workflow (.github/workflows/): valid against GitHub's
workflow schema, no high-severity finding from zizmor, every action pinned to
a commit SHA, least privilege, no credentials persisted, the secret only in
the environment of the steps that need it, and a deploy that waits for the
tests and the checks and never runs for a pull request. Each assertion is
also run against a broken copy of the workflow, where it must fire."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
SITE = WORKFLOWS / "site.yml"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def uses_lines(path: Path) -> list[str]:
    return [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith(("uses:", "- uses:"))]


# --- The assertions, as functions, so a broken copy can be checked too --------

def schema_problems(path: Path) -> str:
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True)
    return "" if done.returncode == 0 else done.stdout + done.stderr


def zizmor_high(folder: Path) -> list[str]:
    done = subprocess.run([str(BIN / "zizmor"), "--offline", "--format", "json", "--min-severity", "high",
                           str(folder)], capture_output=True, text=True)
    assert done.stdout.strip(), done.stderr
    return [f"{f['ident']}: {f['desc']}" for f in json.loads(done.stdout)]


def unpinned(path: Path) -> list[str]:
    """`uses:` lines that are not owner/name@<40 hex> # vX.Y.Z."""
    return [uses for uses in uses_lines(path) if not PINNED.match(uses)]


def credentials_persisted(workflow: dict) -> list[str]:
    """Checkout steps that leave the token in .git/config for later steps."""
    return [f"{name}: {step['uses']}" for name, job in workflow["jobs"].items()
            for step in job.get("steps", [])
            if step.get("uses", "").startswith("actions/checkout@")
            and (step.get("with") or {}).get("persist-credentials") is not False]


def permission_problems(workflow: dict) -> list[str]:
    """Top level: nothing or contents: read. Write access only for the deploy job,
    and there only pages and id-token."""
    problems = []
    if workflow.get("permissions") not in ({}, {"contents": "read"}):
        problems.append(f"top-level permissions {workflow.get('permissions')!r}")
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions")
        if not isinstance(granted, dict):
            problems.append(f"{name}: permissions {granted!r} (list them)")
            continue
        writes = {scope for scope, level in granted.items() if level == "write"}
        allowed = {"pages", "id-token"} if name == "deploy" else set()
        if writes - allowed:
            problems.append(f"{name}: writes {sorted(writes - allowed)}")
    return problems


def deploy_problems(workflow: dict) -> list[str]:
    """The deploy job needs the test and build jobs, runs only on main and
    never for a pull request, and is the only job that deploys."""
    jobs = workflow["jobs"]
    deploy = jobs.get("deploy")
    if deploy is None:
        return ["no deploy job"]
    problems = []
    needs = deploy.get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    for required in ("test", "build"):
        if required not in needs:
            problems.append(f"deploy does not need {required}")
    condition = deploy.get("if", "")
    if "github.event_name != 'pull_request'" not in condition or "refs/heads/main" not in condition:
        problems.append(f"deploy runs when {condition!r}")
    if deploy.get("environment", {}).get("name") != "github-pages":
        problems.append("deploy is not in the github-pages environment")
    for name, job in jobs.items():
        if name != "deploy" and any("deploy-pages" in s.get("uses", "") for s in job.get("steps", [])):
            problems.append(f"{name} deploys")
    return problems


def secret_problems(path: Path, workflow: dict) -> list[str]:
    """The redaction key reaches a step only through that step's env, never
    in a command line (where it could be echoed) or the whole job's env."""
    problems = []
    if "secrets." in json.dumps(workflow.get("env", {})):
        problems.append("a secret in the workflow's env")
    for name, job in workflow["jobs"].items():
        if "secrets." in json.dumps(job.get("env", {})):
            problems.append(f"{name}: a secret in the job's env")
        for step in job.get("steps", []):
            if "secrets." in step.get("run", "") + json.dumps(step.get("with", {})):
                problems.append(f"{name}: a secret in {step.get('name') or step.get('uses')}")
            if "LSCB_REDACTION_KEY" in step.get("run", ""):
                problems.append(f"{name}: the key named in a command")
    return problems


def trigger_problems(workflow: dict) -> list[str]:
    triggers = workflow["on"]
    problems = [f"no {event} trigger" for event in ("pull_request", "push", "schedule")
                if event not in triggers]
    if "pull_request_target" in triggers:
        problems.append("pull_request_target runs untrusted code with secrets")
    return problems


# --- The workflow as committed -------------------------------------------------

def test_workflows_match_githubs_schema():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        assert schema_problems(path) == "", path.name


def test_zizmor_finds_nothing_of_high_severity():
    assert zizmor_high(ROOT / ".github") == []


def test_every_action_is_pinned_to_a_commit_with_its_version():
    assert uses_lines(SITE)  # the test reads the steps at all
    assert unpinned(SITE) == []


def test_least_privilege_and_no_persisted_credentials():
    workflow = load(SITE)
    assert permission_problems(workflow) == []
    assert credentials_persisted(workflow) == []


def test_deploy_waits_for_tests_and_checks_and_never_runs_for_a_pull_request():
    assert deploy_problems(load(SITE)) == []


def test_redaction_key_only_in_the_env_of_the_steps_that_need_it():
    workflow = load(SITE)
    assert secret_problems(SITE, workflow) == []
    steps = [s for job in workflow["jobs"].values() for s in job.get("steps", [])
             if "LSCB_REDACTION_KEY" in s.get("env", {})]
    assert {s.get("id") for s in steps} >= {"checks"}


def test_runs_on_pull_requests_merges_and_every_day():
    workflow = load(SITE)
    assert trigger_problems(workflow) == []
    assert workflow["on"]["push"]["branches"] == ["main"]


# --- A broken copy: every assertion fires ---------------------------------------

BREAKAGES = [
    ("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@v4"),
    ("needs: [test, build]", "needs: [build]"),
    ("if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'", "if: always()"),
    ("persist-credentials: false", "persist-credentials: true"),
    ("permissions: {}", "permissions: write-all"),
    ("    permissions:\n      contents: read\n    timeout-minutes: 20",
     "    permissions:\n      contents: write\n    timeout-minutes: 20"),
    ("        run: make check FORMAT=github\n",
     "        run: LSCB_REDACTION_KEY=${{ secrets.LSCB_REDACTION_KEY }} make check FORMAT=github\n"),
    ("  schedule:\n", "  pull_request_target:\n  schedule:\n"),
]


@pytest.fixture
def broken(tmp_path) -> Path:
    text = SITE.read_text(encoding="utf-8")
    for before, after in BREAKAGES:
        assert before in text, before
        text = text.replace(before, after, 1)
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "site.yml").write_text(text, encoding="utf-8")
    return folder / "site.yml"


def test_every_assertion_fires_on_a_broken_copy(broken):
    assert schema_problems(broken) == ""  # still a valid workflow: these catch it
    workflow = load(broken)
    assert unpinned(broken) == ["actions/checkout@v4"]
    assert any(p.startswith("unpinned-uses") for p in zizmor_high(broken.parent.parent))
    assert len(credentials_persisted(workflow)) == 1
    assert permission_problems(workflow) == ["top-level permissions 'write-all'", "build: writes ['contents']"]
    assert deploy_problems(workflow) == ["deploy does not need test", "deploy runs when 'always()'"]
    assert secret_problems(broken, workflow) == [
        "build: a secret in Publication checks", "build: the key named in a command"]
    assert trigger_problems(workflow) == ["pull_request_target runs untrusted code with secrets"]


def test_schema_check_fires_on_an_invalid_workflow(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: true\n", encoding="utf-8")
    assert "runs-on" in schema_problems(path)
