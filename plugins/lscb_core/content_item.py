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
        return self.obj._content or ""

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
