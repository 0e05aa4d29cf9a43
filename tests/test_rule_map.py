"""plugins/lscb_checks/checks/ is the map of every finding code: every rule is
declared there, registry.py lists each of its modules, and docs/checks.md
and `make explain` name, for each code, the module that declares and reports
it (and the module that finds it, when another package does)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lscb_checks import registry
from lscb_checks.docs import render, reported_by
from lscb_checks.registry import load_all_rules

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
CHECKS = PLUGINS / "lscb_checks" / "checks"
RULES = load_all_rules()


def rule_classes(plugins: Path = PLUGINS) -> dict[Path, dict[str, str]]:
    """File -> {class name: its code} of every class declared with Rule
    as a base, in any package under `plugins`."""
    found: dict[Path, dict[str, str]] = {}
    for path in sorted(plugins.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                (isinstance(base, ast.Name) and base.id == "Rule")
                or (isinstance(base, ast.Attribute) and base.attr == "Rule")
                for base in node.bases
            ):
                code = next(
                    (
                        stmt.value.value
                        for stmt in node.body
                        if isinstance(stmt, ast.Assign)
                        and [getattr(t, "id", "") for t in stmt.targets] == ["code"]
                        and isinstance(stmt.value, ast.Constant)
                    ),
                    "",
                )
                found.setdefault(path, {})[node.name] = code
    return found


def outside_checks(plugins: Path = PLUGINS) -> list[str]:
    checks = plugins / "lscb_checks" / "checks"
    return [
        f"{path.relative_to(plugins)}: {name}"
        for path, classes in rule_classes(plugins).items()
        for name in classes
        if checks not in path.parents
    ]


def test_every_rule_is_declared_in_checks():
    assert outside_checks() == [], "declare each Rule in a module of plugins/lscb_checks/checks/"


def test_a_rule_declared_outside_checks_is_found(tmp_path):
    (tmp_path / "lscb_checks" / "checks").mkdir(parents=True)
    (tmp_path / "lscb_checks" / "checks" / "fine.py").write_text(
        "class Fine(Rule):\n    code = 'ZZZ001'\n", encoding="utf-8"
    )
    (tmp_path / "lscb_content").mkdir()
    (tmp_path / "lscb_content" / "stray.py").write_text(
        "from lscb_core import rules\n\nclass Stray(rules.Rule):\n    code = 'ZZZ002'\n", encoding="utf-8"
    )
    assert outside_checks(tmp_path) == ["lscb_content/stray.py: Stray"]


def test_every_declared_code_is_a_known_rule_and_the_reverse():
    declared = {code for classes in rule_classes().values() for code in classes.values() if code}
    assert declared == set(RULES)


def test_registry_lists_every_module_of_checks():
    modules = {path.stem for path in CHECKS.glob("*.py") if path.stem != "__init__"}
    run = [*registry.START_CHECKS, *registry.SOURCE_CHECKS, *registry.OUTPUT_CHECKS]
    assert len(run) == len(set(run)), "a check runs once"
    assert set(registry.rule_modules()) == modules


_SECTION = re.compile(r"^### ([A-Z][A-Z0-9]{1,4}\d{3}) [a-z0-9-]+\n", re.MULTILINE)
_REPORTED = re.compile(r"^\*Reported by:\* `([^`]+)`(?: \(found in ([^)]*)\))?\.$", re.MULTILINE)


def _documented_modules(text: str) -> dict[str, tuple[str, list[str]]]:
    """Code -> (the file its section says reports it, the files it says find it)."""
    found = {}
    starts = list(_SECTION.finditer(text))
    for match, after in zip(starts, [*starts[1:], None]):
        section = text[match.end() : after.start() if after else len(text)]
        reported = _REPORTED.search(section)
        assert reported, f"{match.group(1)}: no 'Reported by' line"
        found[match.group(1)] = (reported.group(1), re.findall(r"`([^`]+)`", reported.group(2) or ""))
    return found


def test_docs_name_for_each_code_the_module_of_checks_that_declares_it():
    documented = _documented_modules(render())
    assert set(documented) == set(RULES)
    classes = rule_classes()
    for code, (declared, _found_in) in documented.items():
        assert declared.startswith("plugins/lscb_checks/checks/"), (code, declared)
        assert code in classes.get(ROOT / declared, {}).values(), f"{declared} does not declare {code}"


_BY_CODE = re.compile(r'finding\(\s*"([A-Z][A-Z0-9]{1,4}\d{3})"')


def reported_by_code(plugins: Path = PLUGINS) -> set[tuple[str, str]]:
    """(file, code) of every finding a module makes by its code string."""
    return {
        (str(path.relative_to(plugins.parent)), code)
        for path in plugins.rglob("*.py")
        for code in _BY_CODE.findall(path.read_text(encoding="utf-8"))
    }


def test_every_module_that_reports_a_code_it_does_not_declare_is_documented():
    documented = _documented_modules(render())
    reported = reported_by_code()
    assert ("plugins/lscb_core/pelican_log.py", "BLD005") in reported
    for path, code in reported:
        declared, found_in = documented[code]
        assert path == declared or path in found_in, (
            f"{path} reports {code}: add it to REPORTED_ELSEWHERE in plugins/lscb_checks/registry.py"
        )
    for code, (_declared, found_in) in documented.items():
        assert all((path, code) in reported for path in found_in), code


def test_a_wrong_documented_module_is_found():
    text = render().replace(
        "*Reported by:* `plugins/lscb_checks/checks/versions.py`.",
        "*Reported by:* `plugins/lscb_checks/checks/jargon.py`.",
        1,
    )
    declared, _ = _documented_modules(text)["VER001"]
    assert "VER001" not in rule_classes()[ROOT / declared].values()


@pytest.mark.parametrize("code", ["BLD005", "VER002", "CFG001"])
def test_make_explain_names_the_module(code):
    explained = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "explain.py"), code], capture_output=True, text=True, check=True
    ).stdout
    declared, found_in = reported_by(RULES[code])
    assert f"*Reported by:* `{declared}`" in explained
    assert all(path in explained for path in found_in)


def test_a_settings_file_that_cannot_be_read_is_still_reported_as_bld005(tmp_path):
    """BLD005 is declared in lscb_checks and reported by code from
    lscb_core.build: the command declares every rule before Pelican loads
    any plugin."""
    settings = tmp_path / "broken.py"
    settings.write_text("PLUGINS = [\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--settings",
            str(settings),
            "--output",
            str(tmp_path / "output"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert '"code": "BLD005"' in result.stdout and '"name": "build-error"' in result.stdout, result.stderr
    assert "Traceback" not in result.stderr


# Where the tests of each check moved into checks/ by this map are: every code
# also has its fixture (tests/fixtures/rules/CODE.md, run by test_rule_fixtures.py).
TESTS_OF = {
    "build_errors": "test_build_messages.py",
    "documents": "test_review_gate.py",
    "waivers": "test_waivers.py",
    "review_gate_dates": "test_review_gate.py",
    "blocked_reviews": "test_withheld_containment.py",
    "withheld_review_files": "test_withheld_containment.py",
    "allowlist_entries": "test_pii_allowlist.py",
    "versions": "test_versions.py",
    "accessibility_audit": "test_accessibility_statement.py",
    "annual_report_charts": "test_annual_report_charts.py",
}


@pytest.mark.parametrize("module", sorted(TESTS_OF))
def test_each_check_has_its_fixtures_and_its_tests(module):
    codes = rule_classes()[CHECKS / f"{module}.py"].values()
    assert all((ROOT / "tests" / "fixtures" / "rules" / f"{code}.md").is_file() for code in codes)
    tests = (ROOT / "tests" / TESTS_OF[module]).read_text(encoding="utf-8")
    assert any(code in tests for code in codes), f"{TESTS_OF[module]} tests none of {sorted(codes)}"
