"""Link guidance pages and their versions for young people and children.

A page in content/young-people/ or content/children/ names the guidance page
it is a version of in `Version_of` (the guidance file's path under content/,
e.g. `guidance/roles-of-agencies.md`). The guidance page then links to each
version ("Also available for young people") and each version links back.
"""

from __future__ import annotations

import posixpath

from pelican.generators import ArticlesGenerator

from lscb_core.articles import all_articles, is_of_type
from lscb_core import collect
from lscb_core.findings import shorten
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver, finding
from lscb_core.sources import field_line
from lscb_core.suggest import closest_path

from .types import VERSION_AUDIENCES


class VersionOfMissing(Rule):
    """Flags a page for children or young people that does not say which
    guidance page it is a version of.

    ## Why it matters
    Each version links to the full guidance and back. Without `Version_of` a
    child's page stands alone and professionals cannot find the version to
    share with a child.

    ## Example
    A file in content/children/ with no `Version_of` field.

    ## Use instead
        Version_of: guidance/roles-of-agencies.md

    ## Known limitations
    None.
    """

    code = "VER001"
    name = "version-of-missing"
    waiver = Waiver.NEVER


class VersionOfDangling(Rule):
    """Flags a `Version_of` that names a guidance page that does not exist.

    ## Why it matters
    The version would link to nothing, and the guidance would not link to it.

    ## Example
        Version_of: guidance/roles-of-agency.md

    ## Use instead
    The path of a file in content/guidance/; the hint suggests the closest.

    ## Known limitations
    None.
    """

    code = "VER002"
    name = "version-of-dangling"
    waiver = Waiver.NEVER


class VersionOfUnpublished(Rule):
    """Flags a published version of guidance that is a draft or hidden.

    ## Why it matters
    A child's version would point readers to a page that does not exist yet.

    ## Example
    A published children's page whose guidance has `Status: draft`.

    ## Use instead
    Publish the guidance first, or make the version a draft too.

    ## Known limitations
    None.
    """

    code = "VER003"
    name = "version-of-unpublished"
    waiver = Waiver.NEVER


class VersionDuplicate(Rule):
    """Flags two published pages that are versions of the same guidance for
    the same readers.

    ## Why it matters
    The guidance page can link to one version per audience; the other would
    be an orphan that drifts out of date.

    ## Example
    Two files in content/children/ with the same `Version_of`.

    ## Use instead
    Merge them into one page, or point one at other guidance.

    ## Known limitations
    None.
    """

    code = "VER004"
    name = "version-duplicate"
    waiver = Waiver.NEVER


def normalise_reference(reference: str) -> str:
    """Accept what editors write: `roles-of-agencies`, `guidance/roles-of-agencies.md`,
    `/content/guidance/roles-of-agencies.md`."""
    ref = reference.strip().replace("\\", "/").lstrip("/")
    if ref.startswith("content/"):
        ref = ref[len("content/"):]
    if "/" not in ref:
        ref = "guidance/" + ref
    if not posixpath.splitext(ref)[1]:
        ref += ".md"
    return posixpath.normpath(ref)


def link_versions(generators) -> None:
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    everything = all_articles(articles_generator)
    guidance = {
        a.relative_source_path.replace("\\", "/"): a
        for a in everything
        if is_of_type(a, "guidance")
    }

    findings = []
    for version in everything:
        content_type = getattr(version, "content_type", None)
        if content_type is None or content_type.key not in VERSION_AUDIENCES:
            continue
        path = version.source_path
        reference = getattr(version, "version_of", None)
        if not reference:
            findings.append(finding(
                "VER001", path, 1,
                "Version_of is missing",
                "add 'Version_of: guidance/<file>.md' naming the guidance page this adapts",
            ))
            continue
        target = guidance.get(normalise_reference(str(reference)))
        line = field_line(path, "version_of")
        if target is None:
            close = closest_path(normalise_reference(str(reference)), guidance)
            findings.append(finding(
                "VER002", path, line,
                say("Version_of '{reference}' is not a guidance page", reference=shorten(reference, 44)),
                say("did you mean {close}?", close=file(close)) if close
                else "use the path of a file in content/guidance/, e.g. guidance/roles-of-agencies.md",
                col=len("Version_of: ") + 1,
            ))
            continue
        if version.status != "published":
            continue
        if target.status != "published":
            findings.append(finding(
                "VER003", path, line,
                # It names a guidance page that exists: a file name, not a value.
                say("Version_of '{reference}' is {status}, not published", reference=file(shorten(reference, 44)),
                    status=known(target.status)),
                "publish the guidance page first, or make this page a draft too",
            ))
            continue
        if content_type.key in target.versions:
            other = target.versions[content_type.key]
            findings.append(finding(
                "VER004", path, line,
                say("a second {kind} for '{reference}'", kind=known(content_type.singular),
                    reference=file(shorten(reference, 40))),
                say("one version per audience: merge with {other} or change Version_of",
                    other=file(other.relative_source_path)),
            ))
            continue
        target.versions[content_type.key] = version
        version.version_parent = target

    collect.report(articles_generator.settings, findings)
