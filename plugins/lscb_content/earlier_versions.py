"""Earlier versions of guidance, from the repository's history.

Each published guidance page lists the versions it replaced, and each is a
page of its own at guidance/<slug>/versions/<date>/ ("This version was
replaced on ..."), not listed, not in feeds, the sitemap or site search, and
marked noindex.

What counts as a version: a version is what the page said from the day in
its `Modified` field (or `Date`, for the first) until the next one. A commit
that changes the text but not that date (a typo put right) changes the
version it belongs to, whose last text is the one shown; a commit that
changes the date starts a new version. The day a version took effect is that
field's value at the commit, never the commit's date, which is used only
when the field cannot be read, or when it goes back to a day before the
last version's (a change reverted). Drafts in the history were never published
and are skipped. Only guidance has earlier versions: a review never does.

Each earlier version is read from its Markdown, as the page's file is read,
into an item of the build (source: guidance/<file>@<date>.md beside the
page's file, which is not on disk: lscb_core.sources.remember), so that
lscb_checks can read it with every check that applies today before anything
is written, and leave out a version that fails (lscb_checks.earlier_versions).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from pelican.contents import Article
from pelican.generators import ArticlesGenerator

from lscb_core.articles import is_of_type
from lscb_core.build_state import build_state
from lscb_core.quote import known
from lscb_core.sources import forget, parse, remember

from .git_history import History, Revision, read_history

log = logging.getLogger("lscb.content")

GUIDANCE = "guidance"
TEMPLATE = "guidance_version"


@dataclass(frozen=True)
class Version:
    took_effect: dt.date
    text: str


def versions_of(revisions: list[Revision]) -> list[Version]:
    """The versions in a file's revisions (oldest first), oldest first:
    one per date it took effect, with the last text of that date."""
    versions: list[Version] = []
    for revision in revisions:
        source = parse("", revision.text)
        if _is_draft(revision.text):
            continue
        day = _effective(source) or revision.day
        if versions and day < versions[-1].took_effect:
            # A date earlier than the last version's (a change reverted,
            # `git revert`): this text took effect when it was committed,
            # or belongs to the last version. Days only go forward, so no
            # two versions share a day, an address or a source.
            day = max(revision.day, versions[-1].took_effect)
        if versions and versions[-1].took_effect == day:
            versions[-1] = Version(day, revision.text)
        else:
            versions.append(Version(day, revision.text))
    return versions


# A field of the header as Markdown reads it (up to three spaces before it),
# which Pelican's reader uses: `   Status: draft` is a field there, where
# lscb_core.sources reads it as the line above continued.
_META = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")


def _is_draft(text: str) -> bool:
    """Whether the header's first `Status` says draft, as Pelican reads it."""
    for line in text.splitlines():
        if not line.strip():
            break
        match = _META.match(line)
        if match and match.group(1).lower() == "status":
            return match.group(2).strip().casefold() == "draft"
    return False


def _effective(source) -> dt.date | None:
    for name in ("Modified", "Date"):
        entry = source.field(name)
        if entry is not None and entry.value.strip():
            try:
                return dt.date.fromisoformat(entry.value.strip()[:10])
            except ValueError:
                return None
    return None


def add_earlier_versions(generators) -> None:
    """Each published guidance page's `earlier_versions` (newest first),
    made items of the build as hidden articles (written at their own URL,
    in no listing)."""
    generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if generator is None:
        return
    forget()  # the earlier versions of the last build run in this process
    pages = [a for a in generator.articles if is_of_type(a, GUIDANCE)]
    for page in pages:
        page.earlier_versions = []
    settings = generator.settings
    if not pages or not settings.get("GUIDANCE_EARLIER_VERSIONS", True):
        return
    started = time.perf_counter()
    history = read_history(os.path.join(settings["PATH"], GUIDANCE))
    build_state(settings).add_time("(history of guidance)", time.perf_counter() - started)
    if history.note:
        log.warning("No earlier versions of guidance: %s", known(history.note))
        return
    started = time.perf_counter()
    reader = generator.readers.readers.get("md")
    for page in pages:
        made = _versions_of_page(page, history, reader, generator)
        page.earlier_versions = made
        generator.hidden_articles.extend(made)
    build_state(settings).add_time("(read earlier versions)", time.perf_counter() - started)


def _versions_of_page(page, history: History, reader, generator) -> list:
    relative = page.relative_source_path.replace("\\", "/")
    name = relative.split("/", 1)[1]
    current = _effective(parse("", _read(page.source_path)))
    if current is None:
        return []
    earlier = [v for v in versions_of(history.files.get(name, [])) if v.took_effect < current]
    made = []
    for index, version in enumerate(earlier):
        replaced_on = earlier[index + 1].took_effect if index + 1 < len(earlier) else current
        article = _article(page, version, replaced_on, reader, generator)
        if article is not None:
            made.append(article)
    made.reverse()  # newest first
    return made


# A link or a picture's address in a tag, relative to the page that showed it.
_RELATIVE = re.compile(
    r"""(?P<name>\s(?:href|src)\s*=\s*)(?P<quote>["'])(?!/|#|\{|[A-Za-z][A-Za-z0-9+.-]*:)(?P<rel>[^"']+)(?P=quote)""",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[A-Za-z][^>]*>")
# The mark that puts a page in the site search: never on an earlier version.
_SEARCH_MARK = re.compile(r"""\sdata-pagefind-[\w-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""", re.IGNORECASE)


def as_on_its_page(html: str, page_url: str) -> str:
    """An earlier version's body as it worked on its page: a relative
    address (`../escalation/`) is taken from the page's address, not from
    the version's two folders deeper, and written from the site's root (the
    site's own step makes it work under any SITEURL); and no mark of the
    site search, which an editor's raw HTML may have held (an earlier
    version is never searched)."""
    base = "/" + page_url.lstrip("/")

    def tag(match: re.Match) -> str:
        text = _SEARCH_MARK.sub("", match.group(0))
        return _RELATIVE.sub(
            lambda m: m.group("name") + m.group("quote") + urljoin(base, m.group("rel")) + m.group("quote"), text
        )

    return _TAG.sub(tag, html)


def _read(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def _article(page, version: Version, replaced_on: dt.date, reader, generator):
    day = version.took_effect.isoformat()
    stem, _suffix = os.path.splitext(page.source_path)
    source_path = f"{stem}@{day}.md"
    remember(source_path, version.text)
    try:
        content, metadata = reader.read_text(source_path, version.text)
        if str(metadata.get("status", "")).strip().casefold() == "draft":
            return None  # a draft as Pelican read it: never published
        slug = page.slug
        metadata.update(
            slug=slug,
            status="hidden",
            template=TEMPLATE,
            url=f"{GUIDANCE}/{slug}/versions/{day}/",
            save_as=f"{GUIDANCE}/{slug}/versions/{day}/index.html",
        )
        article = Article(
            content, metadata, settings=generator.settings, source_path=source_path, context=generator.context
        )
    except Exception as error:  # an old text Pelican cannot read is not published
        log.warning(
            "Earlier version not published: %s as of %s (%s)",
            known(page.relative_source_path),
            known(day),
            known(type(error).__name__),
        )
        return None
    if not getattr(article, "title", None):
        return None
    article._content = as_on_its_page(article._content or "", page.url)
    article.template = TEMPLATE
    article.current_version = page
    article.took_effect = version.took_effect
    article.replaced_on = replaced_on
    article.is_earlier_version = True
    return article
