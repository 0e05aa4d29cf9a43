"""The fast path: one saved Markdown file re-read, checked and rendered alone.

Against the site kept in memory (lscb_cli.devserver.kept), a saved file of an
existing article or page is read again with its generator's readers (so
every reader and content_object_init receiver of the plugins runs on it),
given what the plugins linked to it once every file was read (its versions,
translations, earlier versions...), marked up from the glossary, checked,
and rendered with its generator's context and template.

Only edits that cannot change another page's address or the publication
gate's decision take this path; `refuse` says why any other edit goes to the
full build. The checks run on it are every source check, on a site of this
one item (what a check finds in another file is left to the full build,
which follows), then the output checks that read one page alone, with the
final gate's detectors of people's details over the rendered page: a page
with an error is never served. Once it is shown, the links between the page
and the other pages (a link to a heading it no longer has) are checked
against the last full build's pages (`site_links`, links_into) and shown
beside it. The other checks that span the site (names reused across pages,
the gate over listings and feeds, the search index) follow in the full
build.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from lscb_checks import registry
from lscb_checks.checks.redaction_register import share_registers
from lscb_checks.output import collect_output
from lscb_checks.runner import _in_mode
from lscb_checks.site import item_of
from lscb_content.glossary_markup import glossary_page, mark_up_one
from lscb_content.glossary_terms import GLOSSARY_SLUG, compile_glossary
from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.build import _Collector
from lscb_core.build_state import state_if_begun, with_fresh_state
from lscb_core.content_item import body
from lscb_core.findings import Finding
from lscb_core.linked_files import attachment_paths
from lscb_core.pelican_log import error_finding, masked_text, to_finding
from lscb_core.quote import file, say
from lscb_core.rules import finding
from lscb_core.site import Site
from lscb_core.waivers import apply_waivers, waivers_in

from .kept import Kept
from .links_into import links_checked

# Content types whose page is drawn from more than its own file as the
# plugins finish (an annual report's charts and Document), or whose
# address follows another page's (a translation): always the full build.
FULL_BUILD_TYPES = ("annual-reports", "translations")
# Header fields an edit may change and still take the fast path: what
# shows on the page itself. Any other field (status, a review's dates,
# Version-of, Lang...) may move the page or change what the gate decides.
FAST_FIELDS = ("title", "summary")
# Attributes of a content object that come from its own text: taken from the
# new reading; every other attribute is the kept object's (set by the
# plugins once every file was read).
OWN_ATTRIBUTES = ("_content", "_summary", "_update_content", "metadata", "_context")
# Source checks that look up other items: run over the whole kept site
# (on this item alone they would find its links to other pages missing).
SITE_CHECKS = ("links_source", "versions", "translations", "output_paths")
# Output checks that read one page alone (links_output reads every page).
PAGE_OUTPUT_CHECKS = ("a11y_duplicate_ids", "well_formed", "html_style", "html_hidden", "published_text")


@dataclass
class Outcome:
    ok: bool
    save_as: str = ""  # path under the output folder
    body: bytes = b""  # the rendered page
    findings: list[Finding] = field(default_factory=list)
    item: object = None  # the new reading as the checks saw it


def _read(kept: Kept, relative: str, generator):
    is_article = isinstance(generator, ArticlesGenerator)
    return generator.readers.read_file(
        base_path=generator.path,
        path=relative,
        content_class=Article if is_article else Page,
        context=generator.context,
        preread_signal=signals.article_generator_preread if is_article else signals.page_generator_preread,
        preread_sender=generator,
        context_signal=signals.article_generator_context if is_article else signals.page_generator_context,
        context_sender=generator,
    )


def _type(obj) -> str:
    content_type = getattr(obj, "content_type", None)
    return content_type.key if content_type is not None else "pages"


def refuse(kept: Kept | None, relative: str) -> str:
    """Why a save of `relative` (under content/) cannot take the fast path
    before it is read again, or "" when it may."""
    if kept is None:
        return "the site is not read yet"
    if not relative.endswith(".md"):
        return "not a Markdown file"
    found = kept.find(relative)
    if found is None:
        return "a new file, or one the build did not read"
    if not (Path(kept.settings["PATH"]) / relative).is_file():
        return "the file was deleted"
    old, list_name, _generator = found
    if _type(old) in FULL_BUILD_TYPES:
        return f"{_type(old)} take the full build"
    if not getattr(old, "save_as", ""):
        return "a file with no page of its own"
    if getattr(old, "slug", "") == GLOSSARY_SLUG:
        return "the glossary changes other pages"
    if _type(old) in REVIEW_TEXT_TYPES and list_name != "articles":
        return "a review the publication gate kept off the listings"
    return ""


def _changed_fields(old, new) -> set[str]:
    keys = set(old.metadata) | set(new.metadata)
    return {key for key in keys if old.metadata.get(key) != new.metadata.get(key)}


def _moved(old, new, changed: set[str]) -> str:
    """Why the new reading cannot simply replace the old, or ""."""
    if _type(old) in REVIEW_TEXT_TYPES and changed:
        return "a review's header changed (the publication gate decides again)"
    if changed - set(FAST_FIELDS):
        return "header fields changed: " + ", ".join(sorted(changed - set(FAST_FIELDS)))
    for name in ("save_as", "url", "template", "status", "lang", "slug"):
        if getattr(old, name, None) != getattr(new, name, None):
            return f"its {name} changed"
    if _type(old) != _type(new):
        return "its type changed"
    return ""


def reread(kept: Kept, relative: str) -> tuple[object | None, str]:
    """The saved file read again and given what the plugins gave the old
    object; (None, why) when only the full build can place it."""
    old, _list_name, generator = kept.find(relative)
    new = _read(kept, relative, generator)
    if new is None or not new.is_valid():
        return None, "Pelican could not read it"
    why = _moved(old, new, _changed_fields(old, new))
    if why:
        return None, why
    for name, value in vars(old).items():
        if name not in OWN_ATTRIBUTES and not (name in FAST_FIELDS and name in vars(new)):
            if not callable(value) or name not in vars(new):
                setattr(new, name, value)
    glossary = _glossary(kept)
    if glossary is not None:
        mark_up_one(new, *glossary)
    return new, ""


def _glossary(kept: Kept):
    """(the glossary page, its terms) as the full build compiled them: from
    the page as read, before its own anchors were added."""
    if "glossary" not in kept.cache:
        page = glossary_page(kept.generators)
        found = None
        if page is not None:
            _old, _list_name, generator = kept.find(page.relative_source_path.replace("\\", "/"))
            fresh = _read(kept, page.relative_source_path, generator)
            terms = compile_glossary(body(fresh)) if fresh is not None else None
            if terms is not None and terms.terms:
                found = (page, terms)
        kept.cache["glossary"] = found
    return kept.cache["glossary"]


def _render(kept: Kept, obj, list_name: str, generator, folder: Path) -> Path:
    writers = [w for _, w in signals.get_writer.send(kept.pelican) if isinstance(w, type)]
    writer = (writers[0] if writers else Writer)(str(folder), settings=kept.settings)
    template = generator.get_template(obj.template)
    relative_urls = kept.settings["RELATIVE_URLS"]
    override = hasattr(obj, "override_save_as")
    if isinstance(generator, ArticlesGenerator):
        extra = {"all_articles": generator.articles} if list_name == "drafts" else {}
        writer.write_file(
            obj.save_as,
            template,
            generator.context,
            article=obj,
            category=getattr(obj, "category", None),
            override_output=override,
            url=obj.url,
            blog=True,
            relative_urls=relative_urls,
            **extra,
        )
    else:
        writer.write_file(
            obj.save_as,
            template,
            generator.context,
            page=obj,
            relative_urls=relative_urls,
            override_output=override,
            url=obj.url,
        )
    return folder / obj.save_as


def check_and_render(kept: Kept, relative: str, new) -> Outcome:
    """Every check that concerns the file on its new reading, then (when
    none finds an error) its page, rendered."""
    old, list_name, generator = kept.find(relative)
    kept_state = state_if_begun(kept.settings)
    item = item_of(new, list_name)
    settings, state = _fresh_state(kept)
    static = kept_state.site.static_files if kept_state is not None and kept_state.site is not None else []
    site = Site(settings=settings, items=[item], mode=kept.site_mode, static_files=static)
    state.site = site
    rules = registry.load_all_rules()

    # Checks that look up other pages (where a link leads, which page a
    # version belongs to) run over every item, the new one in place of the
    # old; the others over this item alone.
    everything = Site(settings=settings, items=kept.items_with(old, item), mode=site.mode, static_files=static)
    # A register sits beside its review (content/reviews/child-q/redaction/):
    # this page's checks read every register the site has.
    share_registers(site, everything)
    found = _withheld_links(item, site, kept_state) + [
        f
        for module in registry.source_checks()
        for f in module.check(everything if module.__name__.rsplit(".", 1)[-1] in SITE_CHECKS else site)
        if f.path == item.path
    ]
    state.waivers = waivers_in(item.source, site.mode)
    source_codes = {code for code, rule in rules.items() if rule.stage in ("start", "source")}
    found = apply_waivers(_in_mode(found, site.mode), state.waivers, codes_judged=source_codes, mode=site.mode)
    state.findings = list(found)
    if any(f.is_error for f in found):
        return Outcome(False, findings=found)

    folder = _stage(kept)
    page = _render(kept, new, list_name, generator, folder)
    try:
        output = collect_output(str(folder), site, settings)
        rel = new.save_as.replace("\\", "/")
        output.files = {rel}
        output.pages = {rel: output.pages[rel]}
        later = []
        for module in registry.output_checks():
            if module.__name__.rsplit(".", 1)[-1] in PAGE_OUTPUT_CHECKS:
                later.extend(module.check_output(output))
        later.extend(_blocked_mentions(page.read_text(encoding="utf-8", errors="replace"), rel, item, kept_state))
        later = apply_waivers(_in_mode(later, site.mode), state.waivers, codes_judged=None, mode=site.mode)
        found = found + later
        ok = not any(f.is_error for f in found)
        return Outcome(ok, rel, page.read_bytes() if ok else b"", found, item)
    finally:
        page.unlink(missing_ok=True)


def _withheld_links(item, site, kept_state) -> list[Finding]:
    """REV012 for a file of a review the gate kept out (or a copy of one)
    that the page links, as lscb_reviews.withheld_files reports it in the
    full build; a retired review's files stay for the pages that link them."""
    if kept_state is None:
        return []
    blocked = kept_state.blocked_reviews
    retired = {os.path.abspath(review.source_path) for review in blocked.retired}
    content = site.settings["PATH"]
    found = []
    for path in sorted({os.path.abspath(p) for p in attachment_paths(item, site)}):
        relative = os.path.relpath(path, content).replace(os.sep, "/")
        match = blocked.withheld.match(path)
        owner = match[1] if match is not None else None
        if relative in blocked.sources or (owner is not None and os.path.abspath(owner) not in retired):
            line, col = item.source.locate(os.path.basename(path), body_only=False)
            message = say("links a file of a review which is not published: {name}", name=file(relative))
            found.append(finding("REV012", item.path, line, message, _WITHHELD_HINT, col=col))
    return found


_WITHHELD_HINT = "remove the link; if the file is not the review's own, waive on this line"


def _blocked_mentions(text: str, rel: str, item, kept_state) -> list[Finding]:
    """REV003 for the address of a review the gate kept out, written on the
    page (lscb_reviews.leak_guard looks for it in every file of the full
    build; LINK003 for a link to it). Without its last slash too: a link
    to `/reviews/child-q` is refused by the full build's link check."""
    urls = kept_state.blocked_reviews.urls if kept_state is not None else ()
    found = []
    for url in sorted(urls):
        needle = url.rstrip("/")
        if needle and re.search(re.escape(needle) + r"(?![\w-])", text):
            line, col = item.source.locate(needle)
            found.append(
                finding(
                    "REV003",
                    item.path if (line, col) != (1, 1) else f"output/{rel}",
                    line,
                    say("names blocked review {url}", url=file(url[:50])),
                    "remove the address until the review is published",
                    col=col,
                )
            )
    return found


def _stage(kept: Kept) -> Path:
    """A folder to render pages into, holding the theme's style sheets as
    the build copies them: the final gate does not read the class names
    they define as an editor's words (published.theme_classes)."""
    folder = kept.cache.get("stage")
    if folder is None:
        folder = kept.cache["stage"] = Path(tempfile.mkdtemp(prefix="lscb-preview-page-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        static = Path(kept.settings["THEME"]) / "static"
        for sheet in static.rglob("*.css"):
            target = folder / kept.settings["THEME_STATIC_DIR"] / sheet.relative_to(static)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(sheet, target)
    return folder


def fast_path(kept: Kept, relative: str) -> tuple[Outcome | None, str]:
    """(what the fast path made of the saved file, "") or (None, why the
    full build must place it). The kept site takes the new reading only
    when it passed every check."""
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        new, why = reread(kept, relative)
        outcome = check_and_render(kept, relative, new) if new is not None else None
    finally:
        root.removeHandler(collector)
    errors = [r for r in collector.records if r.levelno >= logging.ERROR]
    if errors:
        settings_path = kept.settings.get("LSCB_SETTINGS_FILE", "pelicanconf.py")
        found = [to_finding(r, kept.settings) or error_finding(masked_text(r), settings_path, r) for r in errors]
        return Outcome(False, findings=found + (outcome.findings if outcome else [])), ""
    if outcome is None:
        return None, why
    if outcome.ok:
        kept.replace(relative, new, outcome.item)
    return outcome, ""


def _fresh_state(kept: Kept):
    """Settings with a build state of their own for checks run outside a
    build, knowing which reviews the kept reading's gate withheld."""
    settings, state = with_fresh_state(kept.settings)
    kept_state = state_if_begun(kept.settings)
    if kept_state is not None:
        state.blocked_reviews = kept_state.blocked_reviews
    return settings, state


def site_links(kept: Kept, outcome: Outcome) -> list[Finding]:
    """The links between a page the fast path showed and the other pages,
    once it is shown (lscb_cli.devserver.links_into): what the full build's
    links_output finds about them, in this process, within a second."""
    settings, _state = _fresh_state(kept)
    site = Site(settings=settings, items=list(kept.items), mode=kept.site_mode)
    page = _stage(kept) / "links" / outcome.save_as
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes(outcome.body)
    try:
        return _in_mode(links_checked(kept.output, outcome.save_as, page, site, settings), site.mode)
    finally:
        page.unlink(missing_ok=True)


def warm(kept: Kept) -> None:
    """The fast path once on a page as it is, changing nothing: the checks'
    word lists and the templates are loaded before the first save."""
    for relative in kept.objects:
        if not refuse(kept, relative):
            new, _why = reread(kept, relative)
            if new is not None:
                check_and_render(kept, relative, new)
            return
