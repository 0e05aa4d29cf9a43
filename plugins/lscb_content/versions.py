"""Link guidance pages and their versions for young people and children.

A page in content/young-people/ or content/children/ names the guidance page
it is a version of in `Version_of` (the guidance file's path under content/,
e.g. `guidance/roles-of-agencies.md`). The guidance page then links to each
version ("Also available for young people") and each version links back.
What cannot be linked is reported by lscb_checks.checks.versions.
"""

from __future__ import annotations

import posixpath

from pelican.generators import ArticlesGenerator

from lscb_core.articles import all_articles, is_of_type

from .types import VERSION_AUDIENCES


def normalise_reference(reference: str) -> str:
    """Accept what editors write: `roles-of-agencies`, `guidance/roles-of-agencies.md`,
    `/content/guidance/roles-of-agencies.md`."""
    ref = reference.strip().replace("\\", "/").lstrip("/")
    if ref.startswith("content/"):
        ref = ref[len("content/") :]
    if "/" not in ref:
        ref = "guidance/" + ref
    if not posixpath.splitext(ref)[1]:
        ref += ".md"
    return posixpath.normpath(ref)


def link_versions(generators) -> None:
    """Each guidance page's `versions` (audience -> page) and each version's
    `version_parent`. Only a published version of published guidance is
    linked, the first one read per audience; lscb_checks.checks.versions
    reports every version left unlinked (VER001-VER004)."""
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    everything = all_articles(articles_generator)
    guidance = guidance_by_path(everything)
    for version in everything:
        content_type = getattr(version, "content_type", None)
        if content_type is None or content_type.key not in VERSION_AUDIENCES:
            continue
        if getattr(version, "section_intro", False):
            continue  # a section's index page (children/index.md)
        reference = getattr(version, "version_of", None)
        target = guidance.get(normalise_reference(str(reference))) if reference else None
        if target is None or version.status != "published" or target.status != "published":
            continue
        if content_type.key not in target.versions:
            target.versions[content_type.key] = version
            version.version_parent = target


def guidance_by_path(articles) -> dict:
    """Path under content/ (forward slashes) -> guidance article."""
    return {a.relative_source_path.replace("\\", "/"): a for a in articles if is_of_type(a, "guidance")}
