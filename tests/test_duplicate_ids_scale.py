"""A11Y duplicate ids on a very long page: the check finds every repeated id
at its line, and its work grows in line with the page, not with its square
(a 160,000-word page once took 8 s). The work is counted, not timed: the
calls made into lscb_checks.locate and lscb_checks.page_body while the
page is checked, for a page with n repeated ids and one with 2n."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lscb_checks.locate as locate  # noqa: E402
import lscb_checks.page_body as page_body  # noqa: E402
from conftest import guidance_markdown  # noqa: E402


def page_with_repeated_ids(count: int) -> str:
    blocks = []
    for number in range(count):
        blocks.append(f"## Note {number} {{: #note }}\n")
        blocks.append(f"A paragraph that says what note {number} is about.\n{{: #point }}\n")
    return "\n".join(blocks)


def build_counting(scenario, count: int):
    scenario.write("guidance/long.md", guidance_markdown("A long page", body=page_with_repeated_ids(count)))
    calls = 0
    sources = {locate.__file__, page_body.__file__}

    def profile(frame, event, _arg):
        nonlocal calls
        if event == "call" and frame.f_code.co_filename in sources:
            calls += 1

    sys.setprofile(profile)
    try:
        site = scenario.build()
    finally:
        sys.setprofile(None)
    return site, calls


def test_every_repeated_id_is_found_at_its_line(scenario):
    site, _calls = build_counting(scenario, 30)
    found = [f for f in site.result.findings if f.code == "A11Y009"]
    text = (scenario.content / "guidance" / "long.md").read_text(encoding="utf-8").splitlines()
    # Every repeat but the first of each id, at the line that writes it.
    assert len(found) == 58, site.messages()
    for finding in found:
        assert finding.path.endswith("guidance/long.md")
        written = text[finding.line - 1]
        assert ("#note" in written) if '"note"' in finding.message else (written == "{: #point }"), (
            finding.line,
            written,
            finding.message,
        )


def test_the_work_grows_in_line_with_the_page(scenario, tmp_path):
    _site, small = build_counting(scenario, 200)
    _site, large = build_counting(scenario, 400)
    # Twice the ids: about twice the calls (a check that grows with the
    # square of the page makes four times as many).
    assert large < 2.6 * small, (small, large)
