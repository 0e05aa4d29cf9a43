"""The GitHub Actions workflow (.github/workflows/): valid against GitHub's
workflow schema, no high-severity finding from zizmor, every action pinned to
a commit SHA, least privilege, no credentials persisted, the secret only in
the environment of the steps that need it, and a deploy that waits for the
tests and the checks and never runs for a pull request, a daily deploy that
waits only for the checks and the build (not the browser tests), and a daily
keep-alive so that GitHub does not turn the schedule off. Each assertion is
also run against a broken copy of the workflow, where it must fire."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
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
    return [
        line.split("uses:", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]


# --- The assertions, as functions, so a broken copy can be checked too --------


def schema_problems(path: Path) -> str:
    done = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
    )
    return "" if done.returncode == 0 else done.stdout + done.stderr


def zizmor_high(folder: Path) -> list[str]:
    done = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", "--min-severity", "high", str(folder)],
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip(), done.stderr
    return [f"{f['ident']}: {f['desc']}" for f in json.loads(done.stdout)]


def unpinned(path: Path) -> list[str]:
    """`uses:` lines that are not owner/name@<40 hex> # vX.Y.Z."""
    return [uses for uses in uses_lines(path) if not PINNED.match(uses)]


def credentials_persisted(workflow: dict) -> list[str]:
    """Checkout steps that leave the token in .git/config for later steps."""
    return [
        f"{name}: {step['uses']}"
        for name, job in workflow["jobs"].items()
        for step in job.get("steps", [])
        if step.get("uses", "").startswith("actions/checkout@")
        and (step.get("with") or {}).get("persist-credentials") is not False
    ]


def permission_problems(workflow: dict) -> list[str]:
    """Top level: nothing or contents: read. Write access only for the deploy
    jobs, and there only pages and id-token, and for keep-alive, only actions."""
    problems = []
    if workflow.get("permissions") not in ({}, {"contents": "read"}):
        problems.append(f"top-level permissions {workflow.get('permissions')!r}")
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions")
        if not isinstance(granted, dict):
            problems.append(f"{name}: permissions {granted!r} (list them)")
            continue
        writes = {scope for scope, level in granted.items() if level == "write"}
        allowed = WRITES.get(name, set())
        if writes - allowed:
            problems.append(f"{name}: writes {sorted(writes - allowed)}")
    return problems


WRITES = {"deploy": {"pages", "id-token"}, "deploy-daily": {"pages", "id-token"}, "keep-alive": {"actions"}}


def needs_of(job: dict) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else needs


def deploy_problems(workflow: dict) -> list[str]:
    """The deploy job needs the test and build jobs, runs only on main and
    never for a pull request or the daily run; the daily run's deploy job
    runs only then, needs the build and not the browser tests (which do not
    run daily); they are the only jobs that deploy."""
    jobs = workflow["jobs"]
    deploy, daily = jobs.get("deploy"), jobs.get("deploy-daily")
    if deploy is None or daily is None:
        return ["no deploy job" if deploy is None else "no deploy-daily job"]
    problems = []
    for required in ("test", "build"):
        if required not in needs_of(deploy):
            problems.append(f"deploy does not need {required}")
    condition = deploy.get("if", "")
    if (
        "github.event_name != 'pull_request'" not in condition
        or "github.event_name != 'schedule'" not in condition
        or "refs/heads/main" not in condition
    ):
        problems.append(f"deploy runs when {condition!r}")
    if needs_of(daily) != ["build"]:
        problems.append(f"deploy-daily needs {needs_of(daily)}")
    if "github.event_name == 'schedule'" not in daily.get("if", "") or "refs/heads/main" not in daily.get("if", ""):
        problems.append(f"deploy-daily runs when {daily.get('if')!r}")
    if "github.event_name != 'schedule'" not in jobs.get("test", {}).get("if", ""):
        problems.append("the browser tests run daily")
    for name in ("deploy", "deploy-daily"):
        if jobs[name].get("environment", {}).get("name") != "github-pages":
            problems.append(f"{name} is not in the github-pages environment")
        if jobs[name].get("concurrency", {}).get("group") != "pages":
            problems.append(f"{name} is not in the pages concurrency group")
    for name, job in jobs.items():
        if name not in ("deploy", "deploy-daily") and any(
            "deploy-pages" in s.get("uses", "") for s in job.get("steps", [])
        ):
            problems.append(f"{name} deploys")
    return problems


def keep_alive_problems(path: Path, workflow: dict) -> list[str]:
    """The daily run enables its own workflow through the API, with the
    actions: write permission, and runs the 50-day activity check."""
    job = workflow["jobs"].get("keep-alive")
    if job is None:
        return ["no keep-alive job"]
    problems = []
    if "github.event_name == 'schedule'" not in job.get("if", ""):
        problems.append(f"keep-alive runs when {job.get('if')!r}")
    if (job.get("permissions") or {}).get("actions") != "write":
        problems.append("keep-alive cannot enable the workflow")
    runs = [step.get("run", "") for step in job.get("steps", [])]
    enable = f"actions/workflows/{path.name}/enable"
    if not any("gh api --method PUT" in run and enable in run for run in runs):
        problems.append(f"no step calls PUT .../{enable}")
    if not any("scripts/schedule_check.py" in run for run in runs):
        problems.append("no activity check")
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
    problems = [f"no {event} trigger" for event in ("pull_request", "push", "schedule") if event not in triggers]
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
    steps = [
        s for job in workflow["jobs"].values() for s in job.get("steps", []) if "LSCB_REDACTION_KEY" in s.get("env", {})
    ]
    assert {s.get("id") for s in steps} >= {"checks"}


def test_the_daily_run_deploys_without_waiting_for_the_browser_tests_and_keeps_itself_alive():
    workflow = load(SITE)
    assert "test" not in needs_of(workflow["jobs"]["deploy-daily"])
    assert keep_alive_problems(SITE, workflow) == []


def image_problems(workflow: dict) -> list[str]:
    """The site that is deployed is built in the image the tests ran in."""
    jobs = workflow["jobs"]
    tested = jobs["test"].get("container")
    built = jobs["build"].get("container")
    if not tested:
        return ["the test job names no container image"]
    if built != tested:
        return [f"build runs in {built!r}, the tests in {tested!r}"]
    if any("setup-python" in str(step.get("uses", "")) for step in jobs["build"]["steps"]):
        return ["build sets up another Python"]
    return []


def test_the_deployed_site_is_built_in_the_image_the_tests_ran_in():
    assert image_problems(load(SITE)) == []


# The jobs that build the site: guidance pages list their earlier versions
# from the repository's history (docs/editing.md, Earlier versions of guidance).
BUILDING_JOBS = ("test", "build")


def history_problems(workflow: dict) -> list[str]:
    """Building jobs whose checkout does not fetch the whole history."""
    problems = []
    for name in BUILDING_JOBS:
        for step in workflow["jobs"][name].get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                if (step.get("with") or {}).get("fetch-depth") != 0:
                    problems.append(f"{name} checks out without the whole history (fetch-depth: 0)")
    return problems


def test_the_building_jobs_fetch_the_whole_history():
    assert history_problems(load(SITE)) == []


def test_runs_on_pull_requests_merges_and_every_day():
    workflow = load(SITE)
    assert trigger_problems(workflow) == []
    assert workflow["on"]["push"]["branches"] == ["main"]


def cache_problems(workflow: dict) -> list[str]:
    """A step that restores a cache (the Markdown cache, the final gate's
    digests of blocks read clean: docs/deploying.md) runs for pull requests
    only: the live site is built and checked from nothing."""
    return [
        f"{name}: {step.get('name', step['uses'])} restores a cache outside pull requests"
        for name, job in workflow["jobs"].items()
        for step in job.get("steps", [])
        if str(step.get("uses", "")).startswith("actions/cache")
        and step.get("if", "").strip() != "github.event_name == 'pull_request'"
    ]


def test_caches_are_restored_in_pull_requests_only():
    workflow = load(SITE)
    assert cache_problems(workflow) == []
    assert any(
        str(s.get("uses", "")).startswith("actions/cache") for j in workflow["jobs"].values() for s in j["steps"]
    )


# --- A broken copy: every assertion fires ---------------------------------------

BREAKAGES = [
    ("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@v4"),
    ("needs: [test, build]", "needs: [build]"),
    (
        "if: github.event_name != 'pull_request' && github.event_name != 'schedule' && github.ref == 'refs/heads/main'",
        "if: always()",
    ),
    ("name: deploy (daily)\n    needs: [build]\n", "name: deploy (daily)\n    needs: [test, build]\n"),
    ("actions/workflows/site.yml/enable", "actions/workflows/other.yml/enable"),
    ("persist-credentials: false", "persist-credentials: true"),
    ("fetch-depth: 0", "fetch-depth: 1"),
    ("        if: github.event_name == 'pull_request'\n        uses: actions/cache", "        uses: actions/cache"),
    ("permissions: {}", "permissions: write-all"),
    (
        "    permissions:\n      contents: read\n    timeout-minutes: 20",
        "    permissions:\n      contents: write\n    timeout-minutes: 20",
    ),
    (
        "        run: make check FORMAT=github\n",
        "        run: LSCB_REDACTION_KEY=${{ secrets.LSCB_REDACTION_KEY }} make check FORMAT=github\n",
    ),
    ("  schedule:\n", "  pull_request_target:\n  schedule:\n"),
    (
        "    # (requirements.lock), as the one that was tested.\n    container: python:3.12-bookworm\n",
        "    # (requirements.lock), as the one that was tested.\n    container: python:3.13-slim\n",
    ),
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
    assert deploy_problems(workflow) == [
        "deploy does not need test",
        "deploy runs when 'always()'",
        "deploy-daily needs ['test', 'build']",
    ]
    assert keep_alive_problems(broken, workflow) == ["no step calls PUT .../actions/workflows/site.yml/enable"]
    assert secret_problems(broken, workflow) == [
        "build: a secret in Publication checks",
        "build: the key named in a command",
    ]
    assert trigger_problems(workflow) == ["pull_request_target runs untrusted code with secrets"]
    assert image_problems(workflow) == ["build runs in 'python:3.13-slim', the tests in 'python:3.12-bookworm'"]
    assert history_problems(workflow) == ["test checks out without the whole history (fetch-depth: 0)"]
    assert cache_problems(workflow) == ["build: Restore the build caches restores a cache outside pull requests"]


def test_schema_check_fires_on_an_invalid_workflow(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: true\n", encoding="utf-8")
    assert "runs-on" in schema_problems(path)


# --- The 50-day activity check (scripts/schedule_check.py) ----------------------


def quiet_repository(tmp_path: Path, last_commit: date) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    stamp = f"{last_commit.isoformat()}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "Board",
        "GIT_AUTHOR_EMAIL": "board@example.invalid",
        "GIT_COMMITTER_NAME": "Board",
        "GIT_COMMITTER_EMAIL": "board@example.invalid",
    }
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "--allow-empty", "-m", "A change"], check=True, env=env)
    return repo


def schedule_check(repo: Path, today: date, github: bool = False) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if not name.startswith("GITHUB_")}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "schedule_check.py"),
            "--warn-after",
            "50",
            "--repo",
            str(repo),
            "--today",
            today.isoformat(),
        ],
        capture_output=True,
        text=True,
        env=env,
    )


def test_the_activity_check_warns_from_50_days_without_a_commit(tmp_path):
    last = date(2026, 3, 1)
    repo = quiet_repository(tmp_path, last)
    quiet = schedule_check(repo, last + timedelta(days=49), github=True)
    assert quiet.returncode == 0 and "::warning" not in quiet.stdout and "49 day(s) ago" in quiet.stdout
    warned = schedule_check(repo, last + timedelta(days=50), github=True)
    assert warned.returncode == 0
    assert warned.stdout.startswith("::warning title=The daily run may stop::No commit for 50 days")
    assert "in 10 day(s)" in warned.stdout
    local = schedule_check(repo, last + timedelta(days=61))
    assert "warning: No commit for 61 days" in local.stderr and "turn off the daily run now" in local.stderr


# --- docs/deploying.md follows the workflow ---------------------------------------


def test_the_set_up_steps_are_in_the_order_github_allows():
    """The github-pages environment and the test and build checks exist only
    after the first run: the steps that set them up come after it."""
    doc = (ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    section = doc.split("## Setting it up on GitHub, step by step", 1)[1].split("\n## ", 1)[0]
    steps = re.findall(r"^\d+\. \*\*(.+?)\*\*(.*?)(?=^\d+\. |\Z)", section, re.S | re.M)
    titles = [title for title, _ in steps]
    first_run = next(n for n, (title, _) in enumerate(steps) if "Run the workflow once" in title)
    for n, (title, text) in enumerate(steps):
        if "Environments" in text or "Require status checks" in text:
            assert n > first_run, (title, titles)
        if "Secrets" in text or "Variables tab" in text or "Source:" in text:
            assert n < first_run, (title, titles)  # the first run needs the key, the address and Pages


def test_the_deploying_guide_says_what_the_daily_run_needs():
    doc = (ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    assert "private** repository needs a paid plan" in doc
    assert "60 days" in doc and "actions/workflows/site.yml/enable" in doc and "schedule_check.py" in doc
    jobs = load(SITE)["jobs"]
    table = doc.split("## How publishing works on GitHub", 1)[1].split("\n## ", 1)[0]
    for name, job in jobs.items():
        assert f"| `{job.get('name', name)}` |" in table, name
