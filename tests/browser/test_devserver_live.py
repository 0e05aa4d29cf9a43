"""The live preview in a real browser: an open page shows the problems of a
save that failed its checks, and reloads by itself after a good save."""

from __future__ import annotations

from devserver_helpers import LEAK, preview  # noqa: F401 (a fixture)

from conftest import review_markdown
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
