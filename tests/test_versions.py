"""Guidance pages and their versions for young people and children link both ways."""

from __future__ import annotations

GUIDANCE = """\
    Title: Early help
    Date: 2026-01-01
    Owner: Policy Subgroup
    Review_date: 2027-01-01
    Summary: Early help for families.

    ## Early help

    Help early.
    """


def _version(version_of: str, title: str = "Getting help early") -> str:
    return f"""\
    Title: {title}
    Date: 2026-02-01
    Version_of: {version_of}
    Summary: For you.

    Help is there.
    """


def test_guidance_links_to_its_versions_and_they_link_back(scenario):
    scenario.write("guidance/early-help.md", GUIDANCE)
    scenario.write("young-people/early-help.md", _version("guidance/early-help.md"))
    scenario.write("children/early-help.md", _version("early-help", "Help for you"))
    site = scenario.build()
    assert site.ok, site.messages()

    guidance = site.soup("guidance/early-help/index.html")
    links = {a["href"] for a in guidance.select(".versions a")}
    assert links == {"../../young-people/early-help/", "../../children/early-help/"}
    for folder in ("young-people", "children"):
        back = site.soup(f"{folder}/early-help/index.html").select_one(".version-of a")
        assert back["href"] == "../../guidance/early-help/"
        assert back.get_text() == "Early help"


def test_guidance_without_versions_shows_no_versions_box(scenario):
    scenario.write("guidance/early-help.md", GUIDANCE)
    site = scenario.build()
    assert site.soup("guidance/early-help/index.html").select(".versions") == []


def test_a_dangling_version_of_fails_the_build_with_file_and_line(scenario):
    scenario.write("guidance/early-help.md", GUIDANCE)
    scenario.write("young-people/early-help.md", _version("guidance/no-such-page.md"))
    scenario.write("guidance/kept.md", GUIDANCE.replace("Early help", "Kept"))
    scenario.output.mkdir(parents=True)
    (scenario.output / "marker.txt").write_text("last good site")

    site = scenario.build()

    assert not site.ok
    message = site.messages()
    assert "young-people/early-help.md:3:13: VER002 Version_of 'guidance/no-such-page.md'" in message
    assert "hint: use the path of a file in content/guidance/" in message
    # Nothing was published: the last good output is untouched.
    assert sorted(p.name for p in scenario.output.iterdir()) == ["marker.txt"]


def test_a_missing_version_of_fails_the_build(scenario):
    scenario.write(
        "children/orphan.md",
        """\
        Title: Orphan
        Date: 2026-02-01
        Summary: No parent.

        Text.
        """,
    )
    site = scenario.build()
    assert not site.ok
    assert "children/orphan.md:1:1: VER001 Version_of is missing" in site.messages()


def test_a_published_version_of_a_draft_guidance_page_fails(scenario):
    scenario.write("guidance/early-help.md", GUIDANCE.replace("Summary:", "Status: draft\n    Summary:"))
    scenario.write("young-people/early-help.md", _version("guidance/early-help.md"))
    site = scenario.build()
    assert not site.ok
    assert "VER003" in site.messages()


def test_two_versions_for_the_same_readers_fail(scenario):
    scenario.write("guidance/early-help.md", GUIDANCE)
    scenario.write("young-people/early-help.md", _version("guidance/early-help.md"))
    scenario.write("young-people/early-help-2.md", _version("guidance/early-help.md", "Another"))
    site = scenario.build()
    assert not site.ok
    assert "VER004" in site.messages()


def test_a_near_miss_version_of_suggests_the_closest_guidance_page(scenario):
    scenario.write("guidance/early-help.md", GUIDANCE)
    scenario.write("children/early-help.md", _version("guidance/early-halp.md"))
    site = scenario.build()
    assert not site.ok
    assert "hint: did you mean guidance/early-help.md?" in site.messages()
