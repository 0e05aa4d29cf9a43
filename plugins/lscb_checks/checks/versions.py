"""Versions of guidance for young people and children (VER001-VER004): a
version that names no guidance page, names one that does not exist, points
from a published page to guidance that is not published, or is a second
version for the same readers.

lscb_content.versions links each guidance page and its versions (before the
checks run); this check reports every version it could not link, and why.
"""

from __future__ import annotations

from lscb_content.types import VERSION_AUDIENCES
from lscb_content.versions import guidance_by_path, normalise_reference
from lscb_core.findings import shorten
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver
from lscb_core.sources import field_line
from lscb_core.suggest import closest_path


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


def check(site):
    guidance = guidance_by_path(item.obj for item in site.of_type("guidance"))
    for item in site.of_type(*VERSION_AUDIENCES):
        version = item.obj
        if getattr(version, "section_intro", False):
            continue  # a section's index page (children/index.md) adapts no guidance
        content_type = version.content_type
        path = item.path
        reference = getattr(version, "version_of", None)
        if not reference:
            yield VersionOfMissing.at(
                path,
                1,
                "Version_of is missing",
                "add 'Version_of: guidance/<file>.md' naming the guidance page this adapts",
            )
            continue
        target = guidance.get(normalise_reference(str(reference)))
        line = field_line(path, "version_of")
        if target is None:
            close = closest_path(normalise_reference(str(reference)), guidance)
            yield VersionOfDangling.at(
                path,
                line,
                say("Version_of '{reference}' is not a guidance page", reference=shorten(reference, 44)),
                say("did you mean {close}?", close=file(close))
                if close
                else "use the path of a file in content/guidance/, e.g. guidance/roles-of-agencies.md",
                col=len("Version_of: ") + 1,
            )
            continue
        if version.status != "published":
            continue
        if target.status != "published":
            yield VersionOfUnpublished.at(
                path,
                line,
                # It names a guidance page that exists: a file name, not a value.
                say(
                    "Version_of '{reference}' is {status}, not published",
                    reference=file(shorten(reference, 44)),
                    status=known(target.status),
                ),
                "publish the guidance page first, or make this page a draft too",
            )
            continue
        other = target.versions.get(content_type.key)
        if other is not version:
            # lscb_content.versions linked the first one it read.
            yield VersionDuplicate.at(
                path,
                line,
                say(
                    "a second {kind} for '{reference}'",
                    kind=known(content_type.singular),
                    reference=file(shorten(reference, 40)),
                ),
                say(
                    "one version per audience: merge with {other} or change Version_of",
                    other=file(other.relative_source_path),
                ),
            )
