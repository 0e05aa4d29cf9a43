"""SECURITY_HEADERS (pelicanconf.py), defined once: written into _headers for
hosts that read it, and the Content-Security-Policy in a <meta> on every
page, without the directives a <meta> cannot carry. Markdown's table
alignment becomes a class, since the policy allows no style attributes."""

from __future__ import annotations

import importlib.util

from conftest import ROOT, guidance_markdown

from lscb_content.security_headers import csp_meta, header_values


def settings():
    spec = importlib.util.spec_from_file_location("pelicanconf_for_test", ROOT / "pelicanconf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {"SECURITY_HEADERS": module.SECURITY_HEADERS}


TABLE = "| Service | Referrals |\n| --- | ---: |\n| Police | 120 |\n| Health | 85 |\n"


def test_headers_file_and_meta_carry_the_one_policy(scenario):
    scenario.write("guidance/a.md", guidance_markdown("A procedure", TABLE))
    site = scenario.build()
    assert site.ok, site.messages()
    lines = (site.output / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    written = dict(line.strip().split(": ", 1) for line in lines[1:])
    assert written == header_values(settings())
    policy = written["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    meta = csp_meta(settings()["SECURITY_HEADERS"])
    assert meta == "; ".join(d for d in policy.split("; ") if not d.startswith("frame-ancestors"))
    for path in site.html_files():
        tags = site.soup(str(path.relative_to(site.output))).find_all(
            "meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert [t["content"] for t in tags] == [meta], path
        # Before any script or style sheet, or it would not apply to them.
        head = path.read_text(encoding="utf-8")
        assert head.index("Content-Security-Policy") < min(head.index("<script"), head.index("<link"))


def test_table_alignment_is_a_class_not_a_style_attribute(scenario):
    scenario.write("guidance/a.md", guidance_markdown("A procedure", TABLE))
    site = scenario.build()
    cells = site.soup("guidance/a/").find_all("td")
    assert [c.get("class") for c in cells] == [None, ["align-right"]] * 2
    assert not site.soup("guidance/a/").select("[style]")
    assert ".align-right" in (ROOT / "theme" / "static" / "css" / "main.css").read_text(encoding="utf-8")


def test_without_security_headers_no_file_and_no_meta(scenario):
    scenario.write("guidance/a.md", guidance_markdown())
    site = scenario.build(SECURITY_HEADERS={})
    assert site.ok, site.messages()
    assert not site.exists("_headers")
    assert not site.soup("guidance/a/").find("meta", attrs={"http-equiv": "Content-Security-Policy"})


def test_server_snippets_in_the_deploying_guide_match_the_policy():
    import re

    guide = (ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    for name, value in header_values(settings()).items():
        nginx = re.findall(rf'^add_header {re.escape(name)} "([^"]*)" always;$', guide, re.MULTILINE)
        apache = re.findall(rf'^Header always set {re.escape(name)} "([^"]*)"$', guide, re.MULTILINE)
        assert nginx == [value] and apache == [value], name
