"""SECURITY_HEADERS (pelicanconf.py), defined once: written into _headers for
hosts that read it, and the Content-Security-Policy in a <meta> on every
page, without the directives a <meta> cannot carry. Markdown's table
alignment becomes a class, since the policy allows no style attributes."""

from __future__ import annotations

import importlib.util

from conftest import ROOT, guidance_markdown


def settings():
    spec = importlib.util.spec_from_file_location("pelicanconf_for_test", ROOT / "pelicanconf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {"SECURITY_HEADERS": module.SECURITY_HEADERS}


def expected_headers() -> dict[str, str]:
    """The headers pelicanconf.py asks for, each written out here by hand (not
    by the code that writes `_headers`): a directive is its name and its
    sources, directives are joined with "; "."""
    configured = settings()["SECURITY_HEADERS"]
    policy = configured["Content-Security-Policy"]
    assert all(isinstance(sources, str) for sources in policy.values())
    return {
        "Content-Security-Policy": "; ".join(f"{name} {sources}" for name, sources in policy.items()),
        **{name: value for name, value in configured.items() if name != "Content-Security-Policy"},
    }


# A policy of the test's own, with a directive given as a list and the three
# a <meta> cannot carry; what must come out is written out in full.
OWN_POLICY = {
    "Content-Security-Policy": {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "img-src": "'self' data:",
        "report-uri": "/csp-reports",
        "sandbox": "allow-scripts",
        "frame-ancestors": "'none'",
    },
    "X-Frame-Options": "DENY",
}
OWN_HEADERS_FILE = (
    "/*\n"
    "  Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:;"
    " report-uri /csp-reports; sandbox allow-scripts; frame-ancestors 'none'\n"
    "  X-Frame-Options: DENY\n"
)
OWN_META = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:"


TABLE = "| Service | Referrals |\n| --- | ---: |\n| Police | 120 |\n| Health | 85 |\n"


def test_headers_file_and_meta_carry_the_one_policy(scenario):
    scenario.write("guidance/a.md", guidance_markdown("A procedure", TABLE))
    site = scenario.build()
    assert site.ok, site.messages()
    lines = (site.output / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    written = dict(line.strip().split(": ", 1) for line in lines[1:])
    assert written == expected_headers()
    policy = written["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    meta = "; ".join(d for d in policy.split("; ") if not d.startswith("frame-ancestors"))
    for path in site.html_files():
        tags = site.soup(str(path.relative_to(site.output))).find_all(
            "meta", attrs={"http-equiv": "Content-Security-Policy"}
        )
        assert [t["content"] for t in tags] == [meta], path
        # Before any script or style sheet, or it would not apply to them.
        head = path.read_text(encoding="utf-8")
        assert head.index("Content-Security-Policy") < min(head.index("<script"), head.index("<link"))


def test_a_policy_is_written_out_in_full_and_the_meta_leaves_out_what_it_cannot_carry(scenario):
    scenario.write("guidance/a.md", guidance_markdown("A procedure"))
    site = scenario.build(SECURITY_HEADERS=OWN_POLICY)
    assert site.ok, site.messages()
    assert (site.output / "_headers").read_text(encoding="utf-8") == OWN_HEADERS_FILE
    tags = site.soup("guidance/a/").find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert [t["content"] for t in tags] == [OWN_META]


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
    for name, value in expected_headers().items():
        nginx = re.findall(rf'^add_header {re.escape(name)} "([^"]*)" always;$', guide, re.MULTILINE)
        apache = re.findall(rf'^Header always set {re.escape(name)} "([^"]*)"$', guide, re.MULTILINE)
        assert nginx == [value] and apache == [value], name
