"""After the fast path: the links between the saved page and the rest of
the site's pages, checked within a second rather than by the full build.

Renaming a heading changes its anchor (`#making-a-referral`), and another
page's link to the old anchor breaks; a link from the saved page to a
heading of another page can be wrong too. The full build finds both
(links_output, LINK002) and stops. Once the fast path has shown the page,
links_output is run over the pages of the last full build in the output
folder, with the saved page as it was just rendered in place of its old
copy; what it finds, on this page or another, is shown in the terminal and
on the open page's banner, each at its file and line and after that file's
waivers, while the full build runs.

Read from the output folder as the last full build wrote it: a page saved
since, and not built yet, is read as it was built.
"""

from __future__ import annotations

from pathlib import Path

from lscb_checks.checks import links_output
from lscb_checks.output import Page, collect_output
from lscb_core.findings import Finding
from lscb_core.waivers import apply_waivers, waivers_in


def links_checked(output_folder: Path | None, rel: str, rendered: Path, site, settings) -> list[Finding]:
    """links_output's findings with the page at `rel` (under the output
    folder) as `rendered`, after each file's waivers; [] when the last full
    build wrote no such page (nothing to compare with: the full build
    follows)."""
    if output_folder is None or not (output_folder / rel).is_file():
        return []
    output = collect_output(str(output_folder), site, settings)
    old = output.pages[rel]
    output.pages[rel] = Page(rel, str(rendered), old.item)
    found = list(links_output.check_output(output))
    by_path = {item.path: item for item in site.items}
    kept = []
    for finding in found:
        item = by_path.get(finding.path)
        if item is None:
            continue  # the theme's, or a file of no item: the full build reports it
        kept.extend(apply_waivers([finding], waivers_in(item.source, site.mode), codes_judged=None, mode=site.mode))
    return kept
