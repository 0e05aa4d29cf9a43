"""publishconf.py and the live site's address (LSCB_SITEURL, CFG002)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, guidance_markdown


def _publish(scenario, monkeypatch, ci: str | None, siteurl: str | None):
    for name, value in (("CI", ci), ("LSCB_SITEURL", siteurl)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral"))
    return scenario.build(settings="publishconf.py")


@pytest.mark.parametrize("siteurl", [None, ""], ids=["unset", "empty"])
def test_a_ci_server_without_the_address_stops_the_build(scenario, monkeypatch, siteurl):
    site = _publish(scenario, monkeypatch, "true", siteurl)
    assert "CFG002" in site.codes(), site.messages()
    finding = next(f for f in site.result.findings if f.code == "CFG002")
    assert finding.path.endswith("publishconf.py") and "docs/deploying.md" in finding.hint
    assert not site.output.exists()  # nothing was built for the example address


def test_a_ci_server_with_the_address_builds_for_it(scenario, monkeypatch):
    site = _publish(scenario, monkeypatch, "true", "https://northshire-scb.github.io/website/")
    assert site.ok, site.messages()
    assert "https://northshire-scb.github.io/website/guidance/" in (site.output / "sitemap.xml").read_text()


def test_a_boards_own_computer_builds_for_the_address_in_publishconf(scenario, monkeypatch):
    site = _publish(scenario, monkeypatch, None, None)
    assert site.ok, site.messages()
    assert "https://www.northshire-scb.example/guidance/" in (site.output / "sitemap.xml").read_text()


def test_make_check_style_builds_on_ci_are_refused_too(tmp_path):
    """The command line, as CI runs it: exit status 1 and the code printed."""
    env = {"PATH": "/usr/bin:/bin", "CI": "true", "PYTHONPATH": str(ROOT / "plugins"), "LSCB_TODAY": "2026-11-23"}
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--settings",
            str(ROOT / "publishconf.py"),
            "--output",
            str(tmp_path / "out"),
            "--check",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1
    assert "CFG002" in run.stderr and "publishconf.py" in run.stderr
