"""A review's redaction register is never published: not linked from a
page in any form, not copied under another name into a page's links or a
folder published whole, and not covered by STATIC_PATHS (RED005).

The registers (lscb_checks.checks.redaction_register) are found next to the
reviews, so a register whose review was removed is still looked for.
lscb_reviews also leaves every such file out of the site, and looks for
them in the output (lscb_reviews.leak_guard reports RED005 there).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable

from lscb_core.contents import KnownContents
from lscb_core.findings import Finding
from lscb_core.linked_files import attachment_paths
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver

from ..text.review_text import static_folder_files
from .redaction_register import _registers


class RegisterFilePublished(Rule):
    """Flags a link to a redaction register from a page, in any form
    (relative, `{static}`, `/reviews/redaction/x.json`, the live address,
    HTML), a link to a copy of a register under another name, a copy in a
    folder published whole (`content/documents/`), and a STATIC_PATHS
    setting that would copy the register folder into the site. The built
    site is searched again: a file with a register's bytes, or under a
    reviews folder's `redaction/`, wherever it came from (the theme, a
    plugin), stops the build too.

    ## Why it matters
    A published register gives anyone with time and a list of local names a
    way to test guesses against it. It belongs in the repository only.

    ## Example
        [register](redaction/child-x.json)

    ## Use instead
    No link and no copy. Keep `reviews` out of STATIC_PATHS in pelicanconf.py.

    ## Known limitations
    Copies are recognised by their exact bytes: a register edited by hand
    and saved elsewhere is not, unless it sits under a reviews folder's
    `redaction/`. Registers and their copies are never copied into the site
    in any case; the finding is there so that the copy is removed.
    """

    code = "RED005"
    name = "register-file-published"
    waiver = Waiver.NEVER


def check(site) -> Iterable[Finding]:
    registers = _registers(site)
    if not registers:
        return []
    return _published(site, registers)


def _published(site, registers) -> list[Finding]:
    found = []
    folders = {os.path.dirname(path) for path, _owner in registers}
    for item in site.items:
        for link in item.static_links():
            target = os.path.abspath(site.content_file(link))
            if os.path.dirname(target) in folders:
                line, col = item.source.locate(posixpath.basename(link), body_only=False)
                found.append(
                    RegisterFilePublished.at(
                        item.path,
                        line,
                        "links to a redaction register, which must never be published",
                        "remove the link: the register stays in the repository only",
                        col=col,
                    )
                )
    found.extend(_copies(site, registers, folders, {(f.path, f.line, f.col) for f in found}))
    content = os.path.abspath(site.content_path)
    for folder in sorted(folders):
        relative = os.path.relpath(folder, content).replace(os.sep, "/")
        for static in site.settings.get("STATIC_PATHS", []):
            static = posixpath.normpath(str(static).replace("\\", "/")).strip("/")
            if static in ("", ".") or relative == static or relative.startswith(static + "/"):
                owner = next((o for p, o in registers if os.path.dirname(p) == folder and o), None)
                found.append(
                    RegisterFilePublished.at(
                        owner or folder,
                        1,
                        say(
                            "STATIC_PATHS entry '{static}' would publish {folder}/",
                            static=known(static[:20]),
                            folder=file(relative),
                        ),
                        say("remove '{static}' from STATIC_PATHS in pelicanconf.py", static=known(static[:20])),
                    )
                )
    return found


def _copies(site, registers, folders, reported) -> list[Finding]:
    """Links to a register in any form (/reviews/redaction/x.json, the live
    address), and copies of a register under another name: linked from a
    page, or in a folder published whole."""
    known = KnownContents()
    for path, _owner in registers:
        known.add(path, path)
    found = []
    for item in site.items:
        for absolute in attachment_paths(item, site):
            in_folder = os.path.dirname(os.path.abspath(absolute)) in folders
            if not in_folder and not known.match(absolute):
                continue
            line, col = item.source.locate(posixpath.basename(absolute), body_only=False)
            finding = RegisterFilePublished.at(
                item.path,
                line,
                "links to a redaction register: never publish it"
                if in_folder
                else "links to a copy of a redaction register: never publish it",
                "remove the link: the register stays in the repository only",
                col=col,
            )
            if (finding.path, finding.line, finding.col) not in reported:
                reported.add((finding.path, finding.line, finding.col))
                found.append(finding)
    if known:
        for absolute in static_folder_files(site):
            # A register folder published whole is reported for STATIC_PATHS.
            if os.path.dirname(os.path.abspath(absolute)) not in folders and known.match(absolute):
                found.append(
                    RegisterFilePublished.at(
                        absolute,
                        1,
                        "a copy of a redaction register, in a folder published whole",
                        "delete this copy: the register stays next to its review only",
                    )
                )
    return found
