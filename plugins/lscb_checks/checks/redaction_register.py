"""Nothing in a review's redaction register is published, anywhere.

Each register (content/reviews/redaction/<review>.json, see
lscb_checks.text.register) holds keyed hashes of the real names, addresses,
schools and dates of birth behind one review. With the board's key in
LSCB_REDACTION_KEY, every run of 1 to `max_words` words of everything the
site publishes is hashed and compared: the Markdown source of every page
(metadata, body, alt text, links, comments), the names of the files pages
link to, the text and metadata of PDFs and the metadata of images. A term
from any register is caught on any page, not only in its own review.

Registers are found next to the reviews, so a register whose review was
removed still protects the site. The register itself must never be
published: a link to it or to a copy of it, a copy in a folder published
whole, or STATIC_PATHS covering it, stops the build (RED005: see
lscb_checks.checks.redaction_register_files).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from lscb_content import schema
from lscb_core.findings import Finding, Severity
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver
from lscb_core.text.normalise import legacy_tokens, legacy_words, normalise, tokens, words
from lscb_reviews.register_files import register_files

from ..text.register import Hasher, RegisterError, key_from_env, load
from ..text.register_matcher import Matcher
from ..text.review_text import review_spans, static_folder_spans

_DOCS = "see docs/publishing-reviews.md"


class RegisterTermPublished(Rule):
    """Flags a word or phrase from a review's redaction register (a real
    name, nickname, address, school or date of birth) anywhere the site
    publishes it: a page's metadata or text, alt text, a link, a file name,
    the text or properties of a PDF, or an image's metadata.

    The last look at the built site compares every file the site publishes
    with the registers too: each page as shown (markup inside a word does
    not hide a term), its attributes and addresses, the feeds, the search
    index, and every file and folder name.

    ## Why it matters
    The register lists exactly what would identify the child or family.
    One occurrence, even in a PDF's properties or under a black box, is
    enough for a reader to find them.

    ## Example
    The register of `child-x.md` holds the child's real first name, and the
    overview report PDF still has it in a heading on page 4.

    ## Use instead
    The pseudonym (`Child X`, `Mother`, `School A`). For a PDF, export a
    new PDF from a document where the text has been deleted, not covered.

    A register term can never be waived: the register is exact, so the
    register or the text is changed instead. For a term that is also an
    ordinary word ("we hope that" when the child is Hope), reword the
    sentence, or remove the one-word term (`scripts/redaction-register
    remove`) and add the full name and the nicknames instead (see
    docs/publishing-reviews.md).

    ## Known limitations
    Finds a term only as registered, in any case, spacing or punctuation,
    with or without accents, written with look-alike letters from other
    alphabets (a Cyrillic `а` for `a`), invisible characters inside words or
    full-width letters (see lscb_core.text.normalise): register nicknames, abbreviations (`Rd`,
    `Ave`) and misspellings as terms of their own. Text inside images, and
    words split by a line-end hyphen in a PDF, are not read. A word that is
    also an ordinary word (`Hope`) is flagged wherever it is used.
    """

    code = "RED001"
    name = "register-term-published"
    waiver = Waiver.NEVER


class RegisterKeyMissing(Rule):
    """Flags a review that has a redaction register when the build has no
    key (LSCB_REDACTION_KEY is not set), so the register cannot be checked.
    A warning in a preview; in a publish build an error.

    ## Why it matters
    Without the key nothing in the register can be compared: a real name
    would be published unnoticed. A publish build therefore refuses to
    publish while a review has a register it cannot check.

    ## Example
    `make publish` on a computer, or in a CI job, without the board's key.

    ## Use instead
    Set LSCB_REDACTION_KEY from the board's password manager, or the CI
    secret of the same name, before building.

    ## Known limitations
    The whole build stops, not only the review with the register.
    """

    code = "RED002"
    name = "register-key-missing"
    severity = Severity.WARNING
    publish_severity = Severity.ERROR
    waiver = Waiver.NEVER


class RegisterKeyMismatch(Rule):
    """Flags a redaction register made with a different key from the one in
    LSCB_REDACTION_KEY.

    ## Why it matters
    With the wrong key no term can match, so the check would pass whatever
    the review says.

    ## Example
    A key copied with a character missing, or an old key after the board
    made a new one.

    ## Use instead
    The board's key from its password manager (the same one the CI secret
    holds). If the key is lost, make the register again with the new key.

    ## Known limitations
    All registers share one key.
    """

    code = "RED003"
    name = "register-key-mismatch"
    waiver = Waiver.NEVER


class RegisterUnreadable(Rule):
    """Flags a redaction register that cannot be read: not JSON, not a
    register, an unknown format version, or damaged entries.

    ## Why it matters
    A register that cannot be read protects nothing.

    ## Example
    A register edited by hand, or with a merge conflict left in it.

    ## Use instead
    Restore the file from the repository's history, or make it again with
    `make register REVIEW=content/reviews/child-q.md`.

    ## Known limitations
    None.
    """

    code = "RED004"
    name = "register-unreadable"
    waiver = Waiver.NEVER


class CreditInRegister(Rule):
    """Flags a credit of a case review (its `Credits` field) that holds a
    term of a redaction register: the name of a person the register keeps
    out of the site, written as a credit.

    ## Why it matters
    The redaction checks accept a credit's name anywhere in the review. A
    credit must never become a way round the register: a family member's
    name written in `Credits` would otherwise be published on the review
    page and wherever the report names them.

    ## Example
    The register of `child-x.md` holds the child's father's name, and
    `Credits:` lists him as "(family friend who contributed)".

    ## Use instead
    Credit only the people who worked on the review (the author, the
    chairs, the business manager) and never a family member; a family's
    contribution is described with their pseudonyms in the text.

    ## Known limitations
    Compared as the register compares everything (see RED001): a term the
    register does not hold, or holds in another form, is not found. It
    cannot be waived.
    """

    code = "RED006"
    name = "credit-in-register"
    waiver = Waiver.NEVER


def check(site) -> Iterable[Finding]:
    findings: list[Finding] = []
    problems, matchers = _loaded(site)
    findings.extend(problems)
    if matchers is not None:
        findings.extend(_terms_published(site, matchers))
    return findings


def register_matchers(site) -> tuple[Matcher, Matcher | None] | None:
    """A Matcher over the terms of every register the build can read with
    its key, and one over the registers of format 1 (whose terms were
    normalised the old way; None when there are none), or None when no
    register is usable. The final gate over the output uses them too."""
    return _loaded(site)[1]


def share_registers(part, whole) -> None:
    """Let `part`, a site of some of `whole`'s items (the preview's fast
    path checks one page), read every register `whole` has: a register sits
    beside its review, which `part` may not hold."""
    part.cache[("redaction_registers",)] = _loaded(whole)


def _loaded(site) -> tuple[list[Finding], tuple[Matcher, Matcher | None] | None]:
    """(problems with the registers, (a Matcher of the usable ones, a Matcher
    of those of format 1 or None)), the second None without a usable
    register; cached."""
    key = ("redaction_registers",)
    if key in site.cache:
        return site.cache[key]
    findings: list[Finding] = []
    registers = _registers(site)
    key_bytes = key_from_env() if registers else None
    hasher = Hasher(key_bytes) if key_bytes else None
    usable = []
    for path, owner in registers:
        where = owner or path
        try:
            register = load(path)
        except RegisterError as error:
            findings.append(
                RegisterUnreadable.at(
                    where,
                    1,
                    say("redaction register {name} {why}", name=file(path, name_only=True), why=error.why),
                    "restore it from the repository's history or remake it with make register",
                )
            )
            continue
        if hasher is None:
            findings.append(
                RegisterKeyMissing.at(
                    where,
                    1,
                    "redaction register not checked: LSCB_REDACTION_KEY is not set",
                    say("set the board's key ({docs}); a publish build refuses this", docs=known(_DOCS)),
                )
            )
            continue
        if not register.key_matches(hasher):
            findings.append(
                RegisterKeyMismatch.at(
                    where,
                    1,
                    say(
                        "LSCB_REDACTION_KEY is not the key of redaction register {name}",
                        name=file(path, name_only=True),
                    ),
                    say("use the board's key from its password manager; {docs}", docs=known(_DOCS)),
                )
            )
            continue
        usable.append(register)
    matchers = None
    if usable:
        entries: set[bytes] = set().union(*(register.entries for register in usable))
        matcher = Matcher(hasher, entries, max(register.max_words for register in usable))
        old = [register for register in usable if register.version == 1]
        legacy = Matcher(hasher, set().union(*(r.entries for r in old)), max(r.max_words for r in old)) if old else None
        matchers = (matcher, legacy)
    site.cache[key] = (findings, matchers)
    return site.cache[key]


def _registers(site) -> list[tuple[str, str | None]]:
    """(register path, path of its review or None) for every register next
    to the site's reviews."""
    return register_files([item.path for item in site.of_type("reviews")], site.content_path)


def _terms_published(site, matchers: tuple[Matcher, Matcher | None]) -> list[Finding]:
    matcher, legacy = matchers
    spans = [span for item in site.items for span in review_spans(item, site)]
    spans += static_folder_spans(site)  # files in shared folders, linked or not
    hits = []
    for span in spans:
        normal = words(span.text)
        if found := matcher.find(normal):
            hits.append((span, found, tokens))
        if legacy is not None and not span.text.isascii():
            # A version 1 register: also the words as they were normalised then.
            before = legacy_words(span.text)
            if before != normal and (found := legacy.find(before)):
                hits.append((span, found, legacy_tokens))
    # Attachments whose own file name holds a term: their name is never printed.
    named = {
        span.attachment for span, _found, _tokens in hits if span.source is None and span.where.endswith(" file name")
    }
    findings: dict[tuple, Finding] = {}
    for span, found, tokens_of in hits:
        spots = tokens_of(span.text)  # the same words, with their offsets
        for index, length in found:
            start, end = spots[index].start, spots[index + length - 1].end
            line, col = span.position(start)
            message, hint = _describe(span, line, length, span.attachment in named)
            term = span.text[start:end]
            rule = RegisterTermPublished
            if _field_at(span, line) == "Credits":
                rule = CreditInRegister
                message = say("a credit in Credits holds a {length}-word register term", length=length)
                hint = say("credit only the people who worked on the review ({docs})", docs=known(_DOCS))
            finding = rule.at(span.path, line, message, hint, col=col, term=term)
            findings.setdefault((finding.path, line, col, finding.message, normalise(term)), finding)
    return list(findings.values())


def _field_at(span, line: int) -> str | None:
    """The header field of a Markdown source at `line`, or None."""
    if span.source is None or line >= span.source.body_start:
        return None
    return next((f.name for f in reversed(span.source.fields) if f.line <= line), None)


def _describe(span, line: int, length: int, hide_name: bool):
    what = known(f"a {length}-word redaction register term")
    hint = say("replace it with the pseudonym, or remove it ({docs})", docs=known(_DOCS))
    if span.source is not None:
        field = next((f.name for f in reversed(span.source.fields) if f.line <= line), None)
        if field and line < span.source.body_start:
            # A field of the schema is named; any other name is the editor's, masked.
            named = known(field) if field in schema.fields_of("reviews") else field[:24]
            return say("{what} is in {field}", what=what, field=named), hint
        return say("{what} is in the text", what=what), hint
    where = span.quoted_where
    if hide_name:
        place = span.where[len(posixpath.basename(span.attachment)) + 1 :]
        where = say("the file linked here {place}", place=known(place) if "metadata" not in place else place)
    if span.where.endswith(" file name"):
        hint = "rename the file and change the link to it"
    elif " metadata " in span.where:
        hint = "remove the file's properties/metadata and export it again"
    else:
        hint = "export the PDF again with the text deleted, not just covered"
    return say("{what} is in {where}", what=what, where=where), hint
