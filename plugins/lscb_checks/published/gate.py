"""The final gate's reading of each file's text (lscb_checks.checks.published_text):
the redaction registers compared with every text, and the detectors of
people's details run on every block not read clean before in the same
company (detect.block_keys) and scope (detect.scope_of). Where a finding is
reported: published.reporting."""

from __future__ import annotations

from lscb_core.build_state import build_state
from lscb_core.findings import Finding, display_path
from lscb_core.quote import known, say
from lscb_core.text.cleaned import clean
from lscb_core.text.normalise import fold_text, legacy_tokens, legacy_words, tokens, words

from ..checks.redaction_register import RegisterTermPublished, register_matchers
from ..redaction import redaction
from ..review_scan import Context
from ..text.forenames import forenames
from . import detect, early, read_before, shown_reviews
from .blocks import Blocks
from .files import Text
from .reporting import Reporting
from .untouched import Bare

_REGISTER_DOCS = "see docs/publishing-reviews.md"


def known_findings(settings) -> set[tuple]:
    """What the source checks already reported (and what was waived there):
    the same text on the same line of the same file is not reported a
    second time. The line is part of it: a waiver covers one line, and the
    same text on another line is another finding."""
    return {
        (display_path(f.path), f.line, f.code, " ".join(fold_text(f.term).split()))
        for f in build_state(settings).findings
        if f.term and not f.inside
    }


def item_of(output, rel: str):
    page = output.pages.get(rel)
    return page.item if page is not None else None


class Gate(Reporting):
    def __init__(self, output) -> None:
        self.output = output
        self.site = output.site
        self.redaction = redaction(self.site)
        self.matchers = register_matchers(self.site)
        self.forenames = forenames(self.site.settings)
        # key -> (0 when found on the page of the item that wrote it, else 1;
        # the output file; the finding): the best place is kept.
        self.findings: dict[tuple, tuple[int, str, Finding]] = {}
        # Blocks of text this gate read without a finding, by scope and by
        # detectors: the theme repeats its header, menus and footer on every page.
        self._clean = Blocks()
        self.inputs = read_before.inputs_key(self.site, self.redaction, self.forenames)
        # Blocks read clean before this gate, which it skips: those of items'
        # bodies read while Pelican read the Markdown (published.early), each
        # with the text beside it in the body (detect.block_keys), for the
        # pages of items of scope "item", if the early reader read the same
        # inputs of the detectors; and those an earlier build read clean (in
        # this process, or kept on disk), with every input of the detectors
        # the same (published.read_before, published.gate_cache). Neither is
        # changed or copied here.
        self._before = (
            Blocks.of(early.cleared(self.inputs), "item"),
            read_before.cleared(self.inputs, self.site.settings),
        )
        # Those of them this gate looked up: with what it read clean, what
        # the next build needs (published.gate_cache), not every block kept before.
        self._reused = Blocks()
        self._groups: dict[tuple, tuple] = {}  # (scope, as an address) -> its sets (_sets)
        # On a file of no item: the reviews it shows (shown_reviews), whose
        # pseudonyms and credits are accepted there, and no other review's.
        self._review_pages = shown_reviews.review_pages(self.redaction.reviews)
        self._narrowed: dict[tuple, tuple] = {}  # paths of the reviews shown -> (their Redaction, the scope)
        self._scopes: dict[str, str] = {}  # item path -> its scope
        self._compared: set[str] = set()  # texts already compared with the registers
        # Texts (as the file gives them) each block of which had been read
        # clean in that scope before the file that holds them: the theme's
        # pieces, repeated on every page, are then not cleaned and cut into
        # blocks again on each page.
        self._settled: dict[tuple[str, bool], set[str]] = {}
        self._public = [item for item in self.site.items if item.is_public]
        # What the source checks already reported: not reported again
        # (judged once more in check_output, with every finding by then).
        self._known = known_findings(self.site.settings)
        self._sources: dict[str, tuple] = {}  # item path -> its text prepared for _places
        self._bare = Bare(self.redaction)

    def read_clean_here(self) -> tuple[Blocks, Blocks]:
        """The blocks this gate looked up and knows clean, read clean now or
        before (in two parts, not joined: at 1,000 pages a copy of them
        took some 10 MB): what the next build needs."""
        return self._clean, self._reused

    def _read_bare(self, shared: list, bare: tuple, redaction_, detectors, addresses: bool) -> list:
        """Read the blocks of `shared` as the bare item; those with a finding
        are taken back and returned, (text, blocks, keys, indexes) each."""
        bare_item, bare_scope = bare
        runs = detect.Runs()
        for position, (_text, blocks, _keys, needed) in enumerate(shared):
            runs.add(blocks, needed, [(position, index) for index in needed])
        found: dict[int, set[int]] = {}
        for (position, index), *_hit in runs.hits(Context(bare_item, redaction_, self.forenames), detectors):
            found.setdefault(position, set()).add(index)
        again = []
        for position, indexes in found.items():
            text, blocks, keys, _needed = shared[position]
            for index in indexes:
                self._clean.discard(keys[index], bare_scope, addresses)
            again.append((text, blocks, keys, sorted(indexes)))
        return again

    def _sets(self, scope: str, addresses: bool) -> tuple:
        """One group's sets, looked up once per gate: (what this gate read
        clean, what was read clean before it, what of that it looked up)."""
        group = (scope, addresses)
        found = self._groups.get(group)
        if found is None:
            own = self._clean.groups.setdefault(group, set())
            before = tuple(keys for blocks in self._before if (keys := blocks.groups.get(group)))
            found = self._groups[group] = (own, before, self._reused.groups.setdefault(group, set()))
        return found

    @staticmethod
    def _known_clean(key: bytes, groups: list[tuple]) -> bool:
        """Whether a block was read clean in one of the groups (_sets), by
        this gate or before it."""
        for own, before, reused in groups:
            if key in own:
                return True
            for keys in before:
                if key in keys:
                    reused.add(key)
                    return True
        return False

    def _scope(self, item, rel: str, texts: list[Text]):
        """The scope of the file's blocks, and the Redaction its detectors
        read with: an item's own; on a file of no item, the reviews it shows."""
        if item is None:
            reviews = shown_reviews.shown(self.output, rel, texts, self._review_pages)
            paths = tuple(review.path for review in reviews)
            if paths not in self._narrowed:
                narrowed = shown_reviews.narrowed(self.redaction, reviews)
                self._narrowed[paths] = (
                    narrowed,
                    read_before.scope(None, None, read_before.reviews_digest(narrowed)),
                )
            return self._narrowed[paths]
        if item.path not in self._scopes:
            self._scopes[item.path] = read_before.scope(item, detect.scope_of(item), "")
        return self.redaction, self._scopes[item.path]

    def read(self, rel: str, texts: list[Text]) -> None:
        item = item_of(self.output, rel)
        where = self._scope(item, rel, texts)
        if self.matchers is not None:
            for text in texts:
                if text.text not in self._compared:
                    self._compared.add(text.text)
                    self._register(rel, item, text)
        self._detect(rel, item, where, [text for text in texts if text.detect])
        self._detect(
            rel,
            item,
            where,
            [text for text in texts if not text.detect and text.channel.endswith(" address")],
            addresses=True,
        )

    # -- the redaction registers
    def _register(self, rel: str, item, text: Text) -> None:
        matcher, legacy = self.matchers
        normal = words(text.text)
        hits = [(found, tokens)] if (found := matcher.find(normal)) else []
        if legacy is not None and not text.text.isascii():
            # Registers of format 1: also the words as they were normalised then.
            before = legacy_words(text.text)
            if before != normal and (found := legacy.find(before)):
                hits.append((found, legacy_tokens))
        for found, tokens_of in hits:
            spots = tokens_of(text.text)
            for index, length in found:
                term = text.text[spots[index].start : spots[index + length - 1].end]
                what = f"a {length}-word redaction register term"
                self._report(
                    RegisterTermPublished,
                    rel,
                    item,
                    text,
                    term,
                    what,
                    say("replace it with the pseudonym, or remove it ({docs})", docs=known(_REGISTER_DOCS)),
                    register=True,
                )

    # -- the detectors of people's details
    def _detect(self, rel: str, item, where: tuple, texts: list[Text], addresses: bool = False) -> None:
        """Every detector (with `addresses`, those of detect.ADDRESS_DETECTORS) over
        the file's blocks of text not read before in the same company (their
        key: detect.block_keys), each run of them read with what lies beside it on
        the page, the runs joined by detect.BARRIER (no detector reads across
        one), so that each detector runs once per file."""
        redaction_, scope = where
        detectors = detect.ADDRESS_DETECTORS if addresses else detect.DETECTORS
        # An item read in a scope of its own (a review): a text its declared
        # people cannot touch is read as for an item of its type that
        # declares nobody, once for all such items (published.untouched).
        bare = self._bare.of(item)
        own = [self._sets(scope, addresses)]
        both = own + [self._sets(bare[1], addresses)] if bare is not None else own
        runs = detect.Runs()  # read in the item's own scope
        shared = []  # (text, its blocks, their keys, the indexes) read as the bare item first
        added: set[bytes] = set()  # keys first read in this file
        settled = self._settled.setdefault((scope, addresses), set())
        for text in texts:
            if text.text in settled:
                continue
            # Blocks and what lies beside them are measured in the text the
            # detectors read (detect.hits): a paragraph of zero-width spaces
            # is nothing to them, and took up a key's whole reach.
            shown = clean(text.text).text
            free = bare is not None and self._bare.untouched(item, shown)
            groups = both if free else own
            alone = detect.key_digest("", shown, "")
            if self._known_clean(alone, groups):
                # One block, already read alone: the theme's pieces on every page.
                # Settled only if read before this file: a block this file
                # reads for the first time (the same link title twice) may
                # yet give a finding, waived on this page's line only.
                if alone not in added:
                    settled.add(text.text)
                continue
            blocks = detect.text_blocks(shown)
            keys = detect.block_keys(blocks)
            needed = []
            for index, key in enumerate(keys):
                if not self._known_clean(key, groups):
                    # Taken back below if it gives a finding.
                    groups[-1][0].add(key)
                    added.add(key)
                    needed.append(index)
            if not needed:
                # Settled only if no block of it is one this file reads for the
                # first time (its answer is not known yet: see below).
                if added.isdisjoint(keys):
                    settled.add(text.text)
                continue
            if free:
                shared.append((text, blocks, keys, needed))
            else:
                runs.add(blocks, needed, [(text, keys[index]) for index in needed])
        if shared:
            # What gives a finding as the bare item is read again as this
            # item, whose declarations may take the finding away.
            again = self._read_bare(shared, bare, redaction_, detectors, addresses)
            for text, blocks, keys, indexes in again:
                for index in indexes:
                    self._clean.add(keys[index], scope, addresses)
                runs.add(blocks, indexes, [(text, keys[index]) for index in indexes])
        context = Context(item, redaction_, self.forenames)
        for (text, key), hit, term, written in runs.hits(context, detectors):
            self._clean.discard(key, scope, addresses)
            self._report(hit.rule, rel, item, text, term, hit.what, hit.hint, written=written)
