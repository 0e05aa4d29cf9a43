"""Earlier versions of guidance go through today's checks before they are
written, and one that fails is left out, never failing the build.

lscb_content.earlier_versions makes each earlier version of a guidance page
an item of the build (a hidden article at guidance/<slug>/versions/<date>/).
Here, at `all_generators_finalized`, before the source stage and before
anything is written, the earlier versions alone are read as a site of
their own by every source check, with today's settings, registers and
allowlist, and by the final gate's detectors of people's details (which read
a guidance page only in the built output: lscb_checks.checks.published_text),
with the version's own waivers, and with the pages the versions link to
beside them (a link is judged as the source stage judges it). A version
with an error finding is taken out of the build: it is not written, not
listed on its page and not in the amendments; the build's output says so,
in a warning naming the page, the date and the finding's code. The versions that pass are then read again with
the rest of the site by the source stage and the final gate.
"""

from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import replace

from pelican.generators import ArticlesGenerator

from lscb_core.articles import content_objects
from lscb_core.build_state import build_state
from lscb_core.content_item import Item
from lscb_core.findings import Finding, display_path
from lscb_core.mode import mode as mode_of
from lscb_core.quote import file, known, say
from lscb_core.rules import RULES, finding
from lscb_core.site import Site
from lscb_core.waivers import apply_waivers, waivers_in

from . import registry
from .earlier_version_links import addresses, dead_links
from .published.detect import block_hits, text_blocks
from .published.markup import read_markup
from .redaction import redaction
from .review_scan import Context
from .site import item_of
from .text.forenames import forenames

log = logging.getLogger("lscb.checks")

# Source checks about the site as a whole, not about an item: what they find
# is found in the source stage anyway, and never about an earlier version.
_SITE_WIDE = {"content_files", "accessibility_audit", "allowlist_entries", "redaction_register_files"}


def vet_earlier_versions(generators) -> None:
    generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if generator is None:
        return
    versions = [a for a in generator.hidden_articles if getattr(a, "is_earlier_version", False)]
    if not versions:
        return
    started = time.perf_counter()
    settings = generator.settings
    registry.load_all_rules()
    items = [Item(v, "guidance", "published") for v in versions]
    site = Site(settings=settings, items=items + _linked(generators, versions), mode=mode_of(settings))
    failed = {}
    for found in _errors(site, addresses(generators)):
        failed.setdefault(found.path, found)
    for version in versions:
        problem = failed.get(version.source_path)
        if problem is None:
            continue
        log.warning(
            "Earlier version not published: %s as of %s (%s, line %s of that version; the page itself is published)",
            file(display_path(version.current_version.source_path)),
            known(version.took_effect.isoformat()),
            known(problem.code),
            known(problem.line),
        )
        generator.hidden_articles.remove(version)
        page = version.current_version
        page.earlier_versions = [v for v in page.earlier_versions if v is not version]
    build_state(settings).add_time("(earlier versions)", time.perf_counter() - started)


def _linked(generators, versions) -> list[Item]:
    """The other items the versions may link to, as the source stage sees
    them (a link to a page that is a draft today is refused): each item
    whose file name is in a version's text. Their own findings are not
    the versions' and are left to the source stage."""
    texts = "\n".join(v._content or "" for v in versions)
    found = []
    for obj, list_name in content_objects(generators):
        if getattr(obj, "is_earlier_version", False):
            continue
        if os.path.basename(obj.source_path) in texts:
            found.append(item_of(obj, list_name))
    return found


def _errors(site: Site, known: set[str]) -> list[Finding]:
    """The findings on the versions that are errors in the build's mode
    and that none of the version's own waivers covers."""
    paths = {item.path for item in site.items if getattr(item.obj, "is_earlier_version", False)}
    found: list[Finding] = []
    for module in registry.source_checks():
        if module.__name__.rsplit(".", 1)[-1] in _SITE_WIDE:
            continue
        found.extend(f for f in module.check(site) if f.path in paths)
    found.extend(_gate_findings(site))
    # A link to a file of a review that is not published (REV012, found by
    # lscb_reviews.withheld_files, which keeps the file for no version).
    found.extend(f for item in site.items for f in getattr(item.obj, "withheld_links", []))
    found.extend(_blocked_addresses(site))
    found.extend(dead_links(site, known))
    found = [replace(f, severity=RULES[f.code].severity_in(site.mode)) if f.code in RULES else f for f in found]
    waivers = [w for item in site.items for w in waivers_in(item.source, site.mode)]
    # Every check has read the versions: a waiver that waives nothing is
    # judged here too, as the source stage and the gate would.
    judged = apply_waivers(found, waivers, codes_judged=None, mode=site.mode)
    return [f for f in judged if f.is_error and f.path in paths]


def _gate_findings(site: Site) -> list[Finding]:
    """What the final gate's detectors find in each version's title,
    summary, change note and body, as the gate reads them on the page."""
    allowed = redaction(site)
    names = forenames(site.settings)
    found = []
    for item in site.items:
        obj = item.obj
        if not getattr(obj, "is_earlier_version", False):
            continue
        # In the order the version's page shows them: heading, summary, facts, text.
        fields = ("title", "summary", "owner", "change_note")
        parts = [*(str(getattr(obj, name, "") or "") for name in fields), obj.content]
        blocks = [b for part in parts for b in text_blocks(read_markup(part).text)]
        if not blocks:
            continue
        context = Context(item, allowed, names)
        for _index, hit, term, text in block_hits(blocks, context):
            line, col = item.source.locate(text)
            found.append(
                finding(
                    hit.rule.code,
                    item.path,
                    line,
                    say("{what} in an earlier version", what=known(hit.what)),
                    say("{hint}", hint=known(hit.hint)),
                    col=col,
                    term=term,
                )
            )
    return found


def _blocked_addresses(site: Site) -> list[Finding]:
    """The address of a review that is not published, in a version (REV003,
    which the leak guard finds in the built site, stopping the build): a
    review published when the version was current may be withheld today."""
    urls = build_state(site.settings).blocked_reviews.urls
    found = []
    for item in site.items:
        obj = item.obj
        if not urls or not getattr(obj, "is_earlier_version", False):
            continue
        text = " ".join(str(getattr(obj, name, "") or "") for name in ("title", "summary", "owner", "change_note"))
        text += " " + (obj._content or "")
        for url in sorted(u for u in urls if re.search(re.escape(u.rstrip("/")) + r"(?![\w-])", text)):
            line, col = item.source.locate(url.rstrip("/"))
            message = say("names blocked review {url}", url=file(url[:50]))
            found.append(finding("REV003", item.path, line, message, "the review is not published today", col=col))
    return found
