"""One content object of the build as the checks see it: the Pelican
Article or Page, its type and its state, its source file (read once, cached
by lscb_core.sources) and its body parsed once (Item.parsed). The checks'
Site (lscb_checks.site) holds one for every content object; the withheld
review's files (lscb_reviews.withheld_files) make one for each review.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .documents import content_relative
from .findings import display_path
from .html_model import Parsed, parse_html
from .sources import SourceFile, source_file


def body(obj) -> str:
    """A Pelican Article's or Page's body as the reader made it (with the
    rewrites of replace_body), before Pelican resolves its {filename} links."""
    return obj._content or ""


def replace_body(obj, html: str) -> None:
    """Give a content object a new body after Pelican has read it: the only
    place a plugin writes Pelican's private `_content` (lscb_content's charts
    and glossary links, at `all_generators_finalized`).

    Why private: Pelican has no public setter. `content` is a property that
    resolves the {filename} links of `_content` (get_content), so the body
    the reader made lives in `_content` only.

    What depends on it:
    * the rewrite must come before anything reads `content` or `summary`:
      Pelican memoizes both (get_content, get_summary) and writes the page
      from them, so a body changed later would not be published. At
      `all_generators_finalized` nothing has read them yet.
    * it must add no {static} or {attach} link: Pelican listed the files a
      body links to when it read the file (get_static_links, for the files
      it copies and the checks' static_files); a link to a page is fine.
    * the checks read the rewritten body (Item.html, at
      `all_generators_finalized`, after lscb_content: lscb_core.plugin_order).
      The final gate's early reader (lscb_checks.published.early) reads
      bodies at `content_object_init`, before these rewrites; the gate reads
      again every block whose text changed, so nothing depends on the
      early reader having seen the final body.
    """
    obj._content = html


@dataclass
class Item:
    obj: object  # the Pelican Article or Page
    type_key: str  # guidance, young-people, children, annual-reports, reviews or pages
    state: str  # published, hidden, draft, blocked or retired

    @property
    def path(self) -> str:
        return self.obj.source_path

    @property
    def display_path(self) -> str:
        return display_path(self.obj.source_path)

    @property
    def relative_path(self) -> str:
        """Path under content/, with forward slashes."""
        return self.obj.relative_source_path.replace("\\", "/")

    @cached_property
    def source(self) -> SourceFile:
        return source_file(self.obj.source_path)

    @property
    def metadata(self) -> dict:
        return self.obj.metadata

    @property
    def html(self) -> str:
        """The rendered body, before Pelican resolves {filename} links."""
        return body(self.obj)

    @cached_property
    def parsed(self) -> Parsed:
        return parse_html(self.html)

    @property
    def is_public(self) -> bool:
        """Whether readers will see this item on the built site."""
        return self.state in ("published", "hidden", "retired")

    def static_links(self) -> set[str]:
        """Files under content/ this item links to (images, PDFs), as Pelican
        resolved them, plus its Document."""
        links = {link.replace("\\", "/") for link in self.obj.get_static_links()}
        document = getattr(self.obj, "document", None)
        if document:
            links.add(content_relative(document))
        return links
