"""A last look at the finished output: nothing of a blocked review is there.

The gate removes blocked reviews before anything is written; this guard proves
it on the files themselves: the page, the files it linked to, any file with
the same bytes as one of its files (whatever its name, wherever it came from:
a static folder, the theme, another plugin), and any link to its address from
another page, feed or sitemap. Redaction registers get the same look: no file
with a register's bytes, and nothing under a reviews folder's redaction/. It
reads each text file of the output once, and only when some review was
blocked; other files are read only when their size is that of a file looked
for. A hit stops the build, so the staging output is thrown away and nothing
is published. Its findings are REV003 (declared in
lscb_checks.checks.blocked_reviews) and RED005, reported here by code.
"""

from __future__ import annotations

import os

from lscb_core.build_state import build_state
from lscb_core.quote import file, known, say
from lscb_core.rules import finding

from .withheld_files import under_redaction_folder

_TEXT_SUFFIXES = (".html", ".xml", ".txt", ".json", ".js")


def check_output(pelican) -> None:
    state = build_state(pelican.settings).blocked_reviews
    output = pelican.output_path
    problems = list(_same_contents(output, state))
    for relative in sorted(state.sources):
        if os.path.exists(os.path.join(output, relative)):
            problems.append(_leak(relative, "a file of a blocked review was published"))
    for url in sorted(state.urls):
        page = os.path.join(output, url, "index.html") if url.endswith("/") else os.path.join(output, url)
        if os.path.exists(page):
            problems.append(_leak(url, "the page of a blocked review was written"))

    if state.urls:
        pages = _pages_by_output_file(pelican.settings)
        for folder, _dirs, files in os.walk(output):
            for name in files:
                if not name.endswith(_TEXT_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
                relative = os.path.relpath(path, output).replace(os.sep, "/")
                for url in sorted(state.urls):
                    if url in text:
                        problems.append(_mention(relative, url, pages.get(relative)))
    build_state(pelican.settings).report(problems)


def _same_contents(output: str, state):
    """Files of the output that hold the bytes of a withheld review's file or
    of a redaction register, or sit where a register would. Every file is
    looked at; only those of a size looked for are read."""
    for folder, _dirs, files in os.walk(output):
        for name in sorted(files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, output).replace(os.sep, "/")
            if under_redaction_folder(relative):
                yield _register_leak(relative, "a file where a redaction register is kept")
            elif state.registers.match(path):
                yield _register_leak(relative, "a copy of a redaction register was published")
            else:
                match = state.withheld.match(path)
                if match is not None and match[0] not in state.kept_digests:
                    yield _leak(relative, "a copy of a file of a blocked review was published")


def _register_leak(where: str, message):
    return finding(
        "RED005",
        os.path.join("output", where),
        1,
        say("{what}", what=known(message)),
        "remove the copy: the register stays next to its review in the repository only",
    )


def _pages_by_output_file(settings) -> dict:
    """Output file -> the content item rendered into it (set by lscb_checks)."""
    site = build_state(settings).site
    if site is None:
        return {}
    return {getattr(item.obj, "save_as", "").replace("\\", "/"): item for item in site.items}


def _mention(relative: str, url: str, item) -> object:
    """A page naming a blocked review's address: reported at the Markdown line
    that names it when the page has one, otherwise on the output file."""
    if item is not None:
        for needle in (url, url.rstrip("/")):
            line, col = item.source.locate(needle)
            if (line, col) != (1, 1):
                return finding(
                    "REV003",
                    item.path,
                    line,
                    say("names blocked review {url}", url=file(url[:50])),
                    "remove the address until the review is published",
                    col=col,
                )
    return _leak(relative, say("names blocked review {url}", url=file(url[:50])))


def _leak(where: str, message):
    """`message`: a literal of this module or say(...)."""
    return finding(
        "REV003",
        os.path.join("output", where),
        1,
        message if not isinstance(message, str) else say("{what}", what=known(message)),
        "remove links to reviews that are withheld, embargoed or drafts",
    )
