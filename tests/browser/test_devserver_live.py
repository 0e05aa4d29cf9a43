"""The live preview in a real browser: an open page shows the problems of a
save that failed its checks, and reloads by itself after a good save; a page
shown at once names the other pages its change breaks."""

from __future__ import annotations

from devserver_helpers import LEAK, Preview, preview  # noqa: F401 (a fixture)

from conftest import add_standard_pages, guidance_markdown, review_markdown
from lscb_audit.browser import new_context


def test_open_page_shows_the_problems_then_reloads_when_fixed(browser, preview):
    preview.wait_for_build(1)
    context = new_context(browser)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{preview.port}/reviews/child-q/")
    page.wait_for_function("() => document.querySelectorAll('script[src*=\"__devserver\"]').length === 1")
    assert page.locator(".lscb-devserver").count() == 0

    review = preview.content / "reviews" / "child-q.md"
    review.write_text(review.read_text(encoding="utf-8") + f"\n{LEAK}\n", encoding="utf-8")
    banner = page.locator(".lscb-devserver[role=alert]")
    banner.wait_for(timeout=30_000)
    text = banner.inner_text()
    assert "Preview not updated" in text and "child-q.md" in text and "PII001" in text
    assert "Quennell" not in text

    review.write_text(review_markdown(Title="Child Q: title changed while previewing"), encoding="utf-8")
    page.wait_for_function("() => document.title.includes('title changed while previewing')", timeout=30_000)
    assert page.locator(".lscb-devserver").count() == 0
    context.close()


def test_a_page_shown_at_once_names_the_other_pages_its_change_breaks(browser, tmp_path):
    """A heading renamed on a page breaks another page's link to it: the open
    page reloads with the change, and a banner names the other page's line
    (LINK002) while the full build that then refuses it still runs."""
    running = Preview(tmp_path)
    guidance = running.content / "guidance"
    guidance.mkdir(parents=True)
    page_file, other = guidance / "referrals.md", guidance / "escalation.md"
    page_file.write_text(
        guidance_markdown("Referrals", "How to refer.\n\n## Steps\n\n### Making a referral\n\nCall the front door."),
        encoding="utf-8",
    )
    other.write_text(
        guidance_markdown(
            "Escalation", "Escalate a concern.\n\nFirst read [the steps](referrals.md#making-a-referral)."
        ),
        encoding="utf-8",
    )
    # Pages enough that the full build after the save takes a few seconds:
    # the banner of the page shown at once is on screen until it ends.
    for number in range(300):
        (guidance / f"procedure-{number}.md").write_text(
            guidance_markdown(f"Procedure {number}", "What to do, step by step.\n\n" * 20), encoding="utf-8"
        )
    add_standard_pages(running.content)
    running.start()
    try:
        running.wait_until_ready()
        context = new_context(browser)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{running.port}/guidance/referrals/")
        page.wait_for_function("() => document.querySelectorAll('script[src*=\"__devserver\"]').length === 1")
        assert page.locator(".lscb-devserver").count() == 0

        text = page_file.read_text(encoding="utf-8")
        page_file.write_text(text.replace("### Making a referral", "### How to refer"), encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('How to refer')", timeout=30_000)
        banner = page.locator(".lscb-devserver[role=alert]")
        banner.wait_for(timeout=30_000)
        shown = banner.inner_text()
        assert "links to or from it are broken" in shown and "escalation.md" in shown and "LINK002" in shown, shown
        assert "Checked the page in" in running.log.read_text()
        context.close()
    finally:
        running.stop()
