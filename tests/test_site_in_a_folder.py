"""The site works served from a folder of its host (a GitHub project site,
SITEURL https://org.github.io/board-site), including links editors write
from the root (`/guidance/x/`, `![..](/images/x.png)`).

Every internal address of every built page is resolved the way a browser
would, from the page's own address under the folder, and must name a file of
the output folder."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, guidance_markdown
from lscb_audit.tools import linkchecker

HOST = "http://localhost:8123"
FOLDER = "/board-site"

ROOT_LINKS = """

## Links from the root

See [who does what](/guidance/roles-of-agencies/#para-2), the [case reviews](/reviews/)
and the [home page](/).

![Family network diagram, drawn for the test suite](/reviews/images/child-l-family-network.png)

<p><a href="/glossary/">The glossary</a>, <img src="/reviews/images/child-l-family-network.png"
alt="The diagram again" srcset="/reviews/images/child-l-family-network.png 2x"></p>
"""

_URL_ATTRIBUTES = ("href", "src", "action", "data", "poster")


def _addresses(soup: BeautifulSoup) -> list[str]:
    found = []
    for element in soup.find_all(True):
        for name in _URL_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str):
                found.append(value)
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                found.append(candidate.split()[0])
    return found


def broken_links(output: Path, site_address: str) -> list[str]:
    """Every internal address of the built pages that does not reach a file
    of `output` when the site is served at `site_address` (with a folder)."""
    folder = urlsplit(site_address).path.rstrip("/") + "/"
    problems = []
    for page in sorted(output.rglob("*.html")):
        rel = page.relative_to(output).as_posix()
        page_url = site_address.rstrip("/") + "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for address in _addresses(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")):
            absolute = urljoin(page_url, address)
            parts = urlsplit(absolute)
            if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(site_address).netloc:
                continue  # another site, mailto:, tel:, data:
            path = unquote(parts.path)
            if not path.startswith(folder):
                problems.append(f"{rel}: {address} leaves {folder}")
                continue
            inside = path[len(folder) :]
            target = output / inside
            if inside == "" or inside.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{rel}: {address} finds no file ({posixpath.normpath(inside)})")
    return problems


def _demo_with_root_links(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    referral = content / "guidance" / "making-a-referral.md"
    referral.write_text(referral.read_text(encoding="utf-8") + ROOT_LINKS, encoding="utf-8")
    return content


@pytest.mark.parametrize("settings", ["publishconf.py", "pelicanconf.py"], ids=["live", "preview"])
def test_the_demo_served_from_a_folder_has_no_broken_link(tmp_path, settings):
    content = _demo_with_root_links(tmp_path)
    overrides = {"SITEURL": HOST + FOLDER, "FEED_DOMAIN": HOST + FOLDER} if settings == "publishconf.py" else {}
    site = build_site(content, tmp_path / "output", settings=settings, **overrides)
    assert site.ok, site.messages()

    # The root links really were written, from the folder.
    referral = site.soup("guidance/making-a-referral/index.html")
    expected = HOST + FOLDER + "/glossary/" if settings == "publishconf.py" else "../../glossary/"
    assert referral.find("a", href=expected), [a["href"] for a in referral.find_all("a", href=True)][:40]
    problems = broken_links(site.output, HOST + FOLDER)
    assert problems == []
    assert len(site.html_files()) > 20


def test_the_same_site_at_the_root_of_its_host_is_unchanged(tmp_path):
    content = _demo_with_root_links(tmp_path)
    site = build_site(content, tmp_path / "output", settings="publishconf.py", SITEURL=HOST)
    assert site.ok, site.messages()
    assert site.soup("guidance/making-a-referral/index.html").find("a", href=HOST + "/glossary/")
    assert broken_links(site.output, HOST) == []


def test_a_template_link_from_the_hosts_root_is_refused_when_the_site_is_in_a_folder(scenario, tmp_path):
    """The build cannot rewrite the theme: a root link in a template names
    the folder in its finding. Quiet at the root of the host."""
    templates = tmp_path / "overrides" / "partials"
    templates.mkdir(parents=True)
    (templates / "back_to_top.html").write_text(
        '<p class="back-to-top"><a href="#main-content">Back to top</a> <a href="/privacy/">Privacy</a></p>\n'
    )
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Refer at once."))
    overrides = {"THEME_TEMPLATES_OVERRIDES": [str(tmp_path / "overrides")]}

    in_folder = scenario.build(settings="publishconf.py", SITEURL=HOST + FOLDER, **overrides)
    assert not in_folder.ok
    [finding] = [f for f in in_folder.result.findings if f.code == "LINK001"]
    assert "outside the site's folder" in finding.message and "SITEURL" in finding.hint
    assert finding.path.startswith("output/") and len(finding.hint) < 80

    at_root = scenario.build(settings="publishconf.py", SITEURL=HOST, **overrides)
    assert at_root.ok, at_root.messages()


@pytest.mark.skipif(linkchecker() is None, reason="linkchecker is not installed")
def test_ci_link_check_serves_the_site_from_a_folder(tmp_path):
    """lscb check-links --folder, as CI runs it: linkchecker over the
    site served from a folder of the server, every address of the server
    checked (a link missing the folder is a 404, not another site's)."""
    content = _demo_with_root_links(tmp_path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "lscb_cli",
            "check-links",
            "--output",
            str(tmp_path / "preview"),
            "--port",
            "0",
            "--folder",
            "board-site",
            "--content",
            str(content),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={
            "PATH": "/usr/bin:/bin:" + str(Path(sys.executable).parent),
            "LSCB_TODAY": "2026-11-23",
            # The project's packages as this test sees them (PYTHONPATH=plugins in a worktree).
            **{name: os.environ[name] for name in ("PYTHONPATH",) if name in os.environ},
        },
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "0 broken links" in run.stderr
