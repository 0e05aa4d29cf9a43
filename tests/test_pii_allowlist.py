"""The redaction allowlist (redaction-allowlist.toml) and its own finding,
CFG001, on real builds."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, review_markdown  # noqa: E402
from lscb_checks.allowlist import allowlist_path, load_allowlist  # noqa: E402

BODY = (
    "## Findings\n\nThe lessons of the inquiry into the death of Victoria\nClimbie were not learned. "
    "Kyle Brennan moved in.\n\n## Recommendations\n\n1. Share information sooner.\n\n"
    "## The board's response\n\nThe board accepted the recommendation.\n"
)

ALLOWLIST = """\
# Public names
[[allow]]
text = "Victoria Climbié"
reason = "Named in the public inquiry into her death (2003)"
"""


def names(site) -> list[str]:
    return [f.term for f in site.result.findings if f.code == "PII001"]


def cfg(site) -> list[tuple[str, int, str]]:
    return [(Path(f.path).name, f.line, f.message) for f in site.result.findings if f.code == "CFG001"]


def test_an_allowlisted_name_is_allowed_across_lines_and_accents(scenario, tmp_path):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST, encoding="utf-8")
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist))
    assert names(site) == ["Kyle Brennan"]
    assert cfg(site) == []


def test_without_the_allowlist_the_name_is_reported(scenario):
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build()  # no redaction-allowlist.toml beside this content folder
    assert names(site) == ["Victoria Climbie", "Kyle Brennan"]
    assert cfg(site) == []


def test_a_relative_allowlist_is_read_beside_the_content_folder(scenario):
    (scenario.root / "public-names.toml").write_text(ALLOWLIST, encoding="utf-8")
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build(REDACTION_ALLOWLIST="public-names.toml")
    assert names(site) == ["Kyle Brennan"]


def test_an_entry_allows_only_its_own_text(scenario, tmp_path):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text('[[allow]]\ntext = "Brennan"\nreason = "a public figure of that name"\n', encoding="utf-8")
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist))
    assert "Kyle Brennan" in names(site)


def test_an_entry_without_a_reason_is_reported_and_allows_nothing(scenario, tmp_path):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(
        ALLOWLIST + '\n[[allow]]\ntext = "Kyle Brennan"\nreason = "  "\n\n[[allow]]\nreason = "no text"\n',
        encoding="utf-8",
    )
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist))
    assert cfg(site) == [
        ("allow.toml", 7, "allowlist entry gives no reason"),
        ("allow.toml", 10, "allowlist entry has no text"),
    ]
    assert names(site) == ["Kyle Brennan"]
    assert not site.ok


def test_an_unreadable_allowlist_is_reported_where_it_breaks(scenario, tmp_path):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST + '\n[[allow]]\ntext = "Kyle Brennan\nreason = "x"\n', encoding="utf-8")
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist))
    assert cfg(site) == [("allow.toml", 7, "redaction allowlist is not valid TOML")]
    assert not site.ok


def test_a_configured_allowlist_that_is_missing_is_reported(scenario, tmp_path):
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build(REDACTION_ALLOWLIST=str(tmp_path / "missing.toml"))
    assert cfg(site) == [("missing.toml", 1, "redaction allowlist file not found")]


def test_the_boards_allowlist_is_valid_and_every_entry_says_why():
    settings = {"PATH": str(ROOT / "content")}
    path = allowlist_path(settings)
    assert Path(path) == ROOT / "redaction-allowlist.toml"
    allowlist = load_allowlist(path, required=True)
    assert allowlist.problems == ()
    texts = {entry.text for entry in allowlist.entries}
    assert {"Victoria Climbié", "Peter Connelly"} <= texts
    assert all(len(entry.reason) > 20 for entry in allowlist.entries)


def test_the_default_allowlist_may_be_absent_even_when_named_in_the_settings(scenario):
    scenario.write("reviews/child-q.md", review_markdown(BODY))
    site = scenario.build(REDACTION_ALLOWLIST="redaction-allowlist.toml")
    assert cfg(site) == []


CONTACTS = """\
[[allow]]
text = "Business Unit, Floor 2, Civic Centre, 14 Market Street, Northbridge NS2 1QT"
reason = "The partnership's public office"

[[allow]]
text = "01632 960 780"
reason = "The partnership's switchboard"

[[allow]]
text = "NSCP@northshire-scp.example"
reason = "The partnership's shared mailbox"
"""


def test_allowlisted_contact_details_are_compared_as_contact_details(scenario, tmp_path):
    """An allowlisted office address allows its street and postcode written
    on other lines, a number however spaced, an email in any case; the
    family's own details beside them are still reported, and so is the
    helpline email nobody declared."""
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(CONTACTS, encoding="utf-8")
    body = (
        "## Findings\n\nEnquiries: Business Unit,\n14 Market Street,\nNorthbridge NS2 1QT.\n"
        "Telephone 01632 960780 or email nscp@Northshire-SCP.example.\n\n"
        "The NSPCC Helpline is on 0808 800 5000 or help@nspcc.org.uk; "
        "Samaritans are on jo@samaritans.org.\n\n"
        "The family lived at 27 Marlpit Lane, NS4 7QX, and Mother's number was 01632 960 999.\n\n"
        "## The board's response\n\nAccepted.\n"
    )
    scenario.write("reviews/child-q.md", review_markdown(body))
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist))
    found = sorted((f.code, f.term) for f in site.result.findings if f.code.startswith("PII"))
    assert found == [
        ("PII002", "NS4 7QX"),
        ("PII003", "27 Marlpit Lane"),
        ("PII005", "01632 960 999"),
        ("PII006", "jo@samaritans.org"),
    ]
