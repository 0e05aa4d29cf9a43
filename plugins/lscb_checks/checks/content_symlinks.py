"""No symbolic link anywhere in the content folder, nor as the folder itself.

Pelican follows links when it reads and when it copies the shared folders
(STATIC_PATHS), so `content/images/zz-archive -> ../reviews` would publish
every review's Markdown source, its PDF and its redaction register under
images/zz-archive/, past the publication gate, which knows files by their
path under content/. This check walks the folder without following any link
and runs when Pelican starts, before it reads, copies or writes any file
(a link to nothing would otherwise stop Pelican with a bare FileNotFoundError).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.rules import Rule, Waiver


class ContentSymlink(Rule):
    """Flags a symbolic link in the content folder (to a file or a folder,
    anywhere below content/), and a content folder that is itself a link.

    ## Why it matters
    The build copies what a link points to, not the link, under the link's
    name: a link in content/images/ to ../reviews would publish the source of
    every review, including withheld and embargoed ones, their PDFs and
    their redaction registers, where the publication gate does not look.

    ## Example
        content/images/zz-archive -> ../reviews

    ## Use instead
    A copy of the file in the folder where it is published, or no link.
    Set PATH (or `scripts/build.py --content`) to the real content folder.

    ## Known limitations
    A link in a folder above content/ (such as /tmp on macOS) is not
    refused: everything below content/ is then still checked by its path.
    Hard links are files, not links: a hard link to a withheld review's file
    is kept out because it has the same bytes.
    """

    code = "BLD002"
    name = "content-symlink"
    waiver = Waiver.NEVER
    stage = "start"


HINT = "replace the link with a copy of the file, or remove it"


def check_start(settings) -> Iterable[Finding]:
    content = os.path.abspath(settings["PATH"])
    if os.path.islink(content):
        yield ContentSymlink.at(
            content,
            1,
            "the content folder is a symbolic link",
            "set PATH (or --content) to the real folder, not a link to it",
        )
        return
    for parent, dirs, names in os.walk(content):  # never follows a link
        for name in sorted(dirs + names):
            path = os.path.join(parent, name)
            if os.path.islink(path):
                yield ContentSymlink.at(path, 1, "a symbolic link: the build would publish what it points to", HINT)
