"""Red team round 9: 7-minute briefings (content/briefings/) against the
publication gate. Each test builds a real site with the publishing settings
and looks for a planted phrase in every file of output/, the search index
included (leak_search.find). A briefing about a review that is not
published must appear nowhere; a board's ordinary briefings must still be
published."""

from __future__ import annotations

import pytest
from leak_search import find
from test_briefings import briefing_markdown
from test_new import header, run_new

from conftest import build_site, review_markdown

PLANTED = "quince parliament"
FOUND = "The quince parliament never met."


def build(scenario):
    return build_site(scenario.content, scenario.output, settings="publishconf.py")


def withheld(**fields):
    return review_markdown(**{"Publication_decision": "withhold", "Decision_date": "2025-01-01", **fields})


def published(**fields):
    return review_markdown(**{"Decision_date": "2025-01-01", **fields})


# --- A Review naming a withheld review by its path -----------------------------


@pytest.mark.parametrize("folders", [("2019", "2026"), ("b2026", "a2019")], ids=["published-first", "withheld-first"])
def test_review_named_by_its_folder_is_not_taken_for_a_published_review_of_the_same_file_name(scenario, folders):
    # Boards reuse pseudonyms over the years: reviews/<year>/child-q.md. The
    # withheld one has its own Slug, so the two pages do not collide; the
    # briefing names it by its path. The folder used to be dropped, and the
    # briefing went with whichever child-q.md was read first.
    old, new = folders
    scenario.write(f"reviews/{old}/child-q.md", published(Title="Child Q: serious case review", Date="2026-01-15"))
    scenario.write(f"reviews/{new}/child-q.md", withheld(Slug="child-q-2026", Date="2025-06-01"))
    scenario.write("briefings/child-q.md", briefing_markdown(Review=f"reviews/{new}/child-q.md", found=FOUND))
    site = build(scenario)
    assert site.ok, site.messages()
    assert find(site.output, PLANTED) == []


def test_review_named_by_a_file_name_two_reviews_share_is_refused(scenario):
    scenario.write("reviews/2019/child-q.md", published(Title="Child Q: serious case review", Date="2025-06-01"))
    scenario.write("reviews/2026/child-q.md", withheld(Slug="child-q-2026"))
    scenario.write("briefings/child-q.md", briefing_markdown(Review="child-q", found=FOUND))
    site = build(scenario)
    assert not site.ok
    assert "BRF003" in site.codes()
    assert "more than one case review" in site.messages()
    assert find(site.output, PLANTED) == []


def test_review_named_by_its_folder_of_a_published_review_is_published(scenario):
    scenario.write("reviews/2019/child-q.md", published(Title="Child Q: serious case review", Date="2025-06-01"))
    scenario.write("reviews/2026/child-q.md", withheld(Slug="child-q-2026"))
    scenario.write("briefings/child-q.md", briefing_markdown(Review="reviews/2019/child-q.md", found=FOUND))
    site = build(scenario)
    assert site.ok, site.messages()
    assert site.exists("briefings/child-q/index.html")


# --- A briefing about a withheld review that does not say so -------------------


@pytest.mark.parametrize(
    "fields",
    [{"Review": None}, {"Review": None, "Theme": "Neglect"}, {"Review": "child-p"}],
    ids=["no-review-no-theme", "theme-only", "another-review"],
)
def test_briefing_naming_the_child_of_a_withheld_review_is_not_published(scenario, fields):
    # "7-minute briefing: Child Q", about the withheld review of Child Q,
    # whose Review line was left out (make new leaves it empty when it finds
    # no review of that name), or names a theme or another review instead.
    scenario.write("reviews/child-q.md", withheld())
    scenario.write("reviews/child-p.md", published(Title="Child P: review", Child="Child P", Pseudonyms="Child P"))
    scenario.write("briefings/child-q.md", briefing_markdown(found=FOUND, **fields))
    site = build(scenario)
    assert site.ok, site.messages()
    assert find(site.output, PLANTED) == []
    assert find(site.output, "7-minute briefing: Child Q") == []
    assert "it names Child Q, the child of a review that is not published" in site.messages()


def test_briefing_naming_a_withheld_review_s_child_by_a_made_up_first_name_is_not_published(scenario):
    scenario.write("reviews/archie.md", withheld(Title="Archie: review", Child="Archie", Pseudonyms="Archie, Mother"))
    scenario.write(
        "briefings/archie.md",
        briefing_markdown("7-minute briefing: Archie", Review=None, Theme="Neglect", Pseudonyms="Archie", found=FOUND),
    )
    site = build(scenario)
    assert site.ok, site.messages()
    assert find(site.output, PLANTED) == []


@pytest.mark.parametrize("title", ["Child \u200bQ", "Chi\u00adld Q", "Child&nbsp;Q", "Child *Q*"])
def test_briefing_naming_a_withheld_review_s_child_in_disguise_is_not_published(scenario, title):
    scenario.write("reviews/child-q.md", withheld())
    scenario.write(
        "briefings/x.md",
        briefing_markdown(f"7-minute briefing: {title}", Review=None, Theme="Neglect", Pseudonyms=None, found=FOUND),
    )
    site = build(scenario)
    # Written as a reader sees it; the build may stop on the pseudonym too (REV007).
    assert "it names Child Q, the child of a review that is not published" in site.messages()
    assert find(site.output, PLANTED) == []


def test_briefing_of_a_published_review_whose_child_shares_a_withheld_review_s_pseudonym_is_published(scenario):
    # A false alarm to avoid: an older published review of "Child Q" and a
    # new withheld one (child-q-2026.md, REV011's naming). The briefing of
    # the published one is published.
    scenario.write("reviews/child-q.md", published(Date="2025-06-01"))
    scenario.write("reviews/child-q-2026.md", withheld())
    scenario.write("briefings/child-q.md", briefing_markdown(Review="child-q", found=FOUND))
    scenario.write("briefings/audit.md", briefing_markdown("7-minute briefing: an audit", Review=None, Theme="Neglect"))
    site = build(scenario)
    assert site.ok, site.messages()
    assert site.exists("briefings/child-q/index.html")
    assert site.exists("briefings/audit/index.html")


def test_theme_briefing_that_names_no_withheld_child_is_published(scenario):
    scenario.write("reviews/child-q.md", withheld(Themes="Adolescent mental health"))
    scenario.write(
        "briefings/teenagers.md",
        briefing_markdown(
            "7-minute briefing: teenagers who withdraw",
            Review=None,
            Theme="Adolescent mental health",
            Pseudonyms=None,
            found="Children and young people withdraw from services.",
        ),
    )
    site = build(scenario)
    assert site.ok, site.messages()
    assert site.exists("briefings/teenagers/index.html")
    # The theme page made for the briefing does not name the withheld review.
    assert find(site.output, "Child Q") == []


# --- Attacks that were already held -------------------------------------------


def test_briefing_that_is_a_symbolic_link_to_a_withheld_review_is_refused(scenario):
    scenario.write("reviews/child-q.md", withheld(body=f"## Findings\n\n{FOUND}\n"))
    (scenario.content / "briefings").mkdir(parents=True)
    (scenario.content / "briefings" / "child-q.md").symlink_to("../reviews/child-q.md")
    site = build(scenario)
    assert not site.ok
    assert "BLD002" in site.codes()
    assert find(site.output, PLANTED) == []


@pytest.mark.parametrize("slug", ["child-q", None], ids=["same-slug", "same-file-name-other-folder"])
def test_published_review_at_the_address_of_a_withheld_one_stops_the_build(scenario, slug):
    scenario.write("reviews/aaa/x.md" if slug else "reviews/old/child-q.md", published(Slug=slug, Date="2025-06-01"))
    scenario.write("reviews/child-q.md", withheld())
    scenario.write("briefings/child-q.md", briefing_markdown(Review="child-q-x", found=FOUND))
    site = build(scenario)
    assert not site.ok
    assert find(site.output, PLANTED) == []


def test_files_only_a_withheld_review_s_briefing_links_to_are_not_copied(scenario):
    scenario.write("reviews/child-q.md", withheld())
    scenario.write(
        "briefings/child-q.md",
        briefing_markdown(
            found="See [the plan (PDF, 26 bytes)]({static}quince-parliament-plan.pdf) "
            "and ![The plan]({static}images/quince-parliament.png)"
        ),
    )
    scenario.write("briefings/quince-parliament-plan.pdf", "%PDF-1.4 quince parliament")
    scenario.write("briefings/images/quince-parliament.png", "quince parliament")
    site = build(scenario)
    assert site.ok, site.messages()
    assert find(site.output, PLANTED) == []
    assert not [p for p in site.all_files() if "quince" in p.name]


def test_make_new_does_not_guess_between_two_reviews_of_one_pseudonym(scenario):
    # child-q.md (published) and child-q-2026.md (withheld), named as REV011
    # asks. make new used to fill in Review: child-q, the published one, for
    # "7-minute briefing: Child Q"; the editor writing about the new review
    # then published its briefing by removing Status: draft.
    scenario.write("reviews/child-q.md", published(Date="2025-06-01"))
    scenario.write("reviews/child-q-2026.md", withheld())
    result = run_new(scenario.content, "--type", "briefing", "--title", "7-minute briefing: Child Q")
    assert result.returncode == 0, result.stderr
    path = scenario.content / "briefings" / "7-minute-briefing-child-q.md"
    review = header(path)["Review"]
    # The editor writes the briefing, keeps the Review make new gave, and
    # removes Status: draft.
    path.write_text(briefing_markdown(Review=review or None, found=FOUND), encoding="utf-8")
    site = build(scenario)
    assert find(site.output, PLANTED) == []
    assert review == ""
