"""A review's Themes must be the board's declared themes (LSCB_THEMES,
META007): a misspelt theme is refused with the theme meant, instead of
silently making a theme page of its own; a new theme is declared first."""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT, review_markdown


def _declared_in_pelicanconf() -> list[str]:
    tree = ast.parse((ROOT / "pelicanconf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "LSCB_THEMES" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("pelicanconf.py declares no LSCB_THEMES")


def _meta007(site) -> list:
    return [f for f in site.result.findings if f.code == "META007"]


@pytest.mark.parametrize(
    "themes,col,hint",
    [
        ("Neglcet, Information sharing", 9, "did you mean Neglect?"),
        ("Neglect, Infromation sharing", 18, "did you mean Information sharing?"),
        ("Neglect, information-sharing", 18, "write it Information sharing, exactly as LSCB_THEMES lists it"),
        ("Neglect, Fire safety", 18, "if it is a new theme, add it to LSCB_THEMES in pelicanconf.py"),
    ],
)
def test_a_theme_that_is_not_declared_stops_the_build_with_the_theme_meant(scenario, themes, col, hint):
    scenario.write("reviews/child-q.md", review_markdown(Themes=themes))
    site = scenario.build()
    [finding] = _meta007(site)
    assert (finding.line, finding.col) == (11, col)
    assert hint in finding.hint and len(finding.message) < 80
    assert not site.ok  # nothing published: no page for the misspelt theme


def test_declared_themes_are_quiet_and_each_has_its_page(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Themes="Neglect, Information sharing"))
    site = scenario.build()
    assert _meta007(site) == [] and site.ok, site.messages()
    assert site.exists("reviews/themes/neglect/index.html")
    assert site.exists("reviews/themes/information-sharing/index.html")


def test_a_new_theme_is_accepted_once_declared(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Themes="Neglect, Fire safety"))
    site = scenario.build(LSCB_THEMES=[*_declared_in_pelicanconf(), "Fire safety"])
    assert _meta007(site) == [] and site.ok, site.messages()
    assert site.exists("reviews/themes/fire-safety/index.html")


def test_a_draft_or_withheld_review_is_checked_too(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Themes="Neglcet", Status="draft"))
    scenario.write(
        "reviews/child-r.md",
        review_markdown(
            Title="Child R: review",
            Child="Child R",
            Pseudonyms="Child R",
            Themes="Domestik abuse",
            Publication_decision="withhold",
        ),
    )
    site = scenario.build()
    assert sorted(f.path.rsplit("/", 1)[-1] for f in _meta007(site)) == ["child-q.md", "child-r.md"]


def test_pelicanconf_declares_every_theme_the_demo_uses():
    used = set()
    for path in (ROOT / "content" / "reviews").glob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("Themes:"):
                used |= {t.strip() for t in line.split(":", 1)[1].split(",")}
    assert used and used <= set(_declared_in_pelicanconf())
