"""An address's host is left out of its words (it names a website:
published.address_words), but only a host a website can have. Written
between < and > in Markdown, a link's address may hold spaces, and
`https://Zebedee Quinlan` was published as a host left unread."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leak_search import find  # noqa: E402
from test_gate_cache_attacks import NAME, _build, _refused_at  # noqa: E402

from conftest import ScenarioSite, guidance_markdown  # noqa: E402


@pytest.mark.parametrize("host", [f"https://{NAME}", "https://Zebedee%20Quinlan/", f"//{NAME}/contact"])
def test_a_name_where_a_host_would_be_is_read(tmp_path, host):
    site = ScenarioSite(tmp_path / "site")
    site.write("guidance/a-map.md", guidance_markdown("Map", f"Visit [the site](<{host}>)."))
    built = _build(site)
    assert _refused_at(built, "PII001", "a-map.md"), built.messages()
    assert not built.ok
    assert not find(site.output, NAME)


def test_a_website_s_host_is_still_left_out(tmp_path):
    site = ScenarioSite(tmp_path / "site")
    site.write(
        "guidance/a-map.md",
        guidance_markdown("Map", "Visit [the site](https://www.Northshire-Carers.example:8443/contact)."),
    )
    built = _build(site)
    assert built.ok, built.messages()
