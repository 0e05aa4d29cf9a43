"""Content types: folders decide type, template and URL; Markdown extras;
links between guidance and its versions for young people and children."""

from pelican import signals

from .assign import assign_type
from .audit_results import add_audit_results
from .documents import attach_report_documents
from .filters import add_filters
from .glossary_markup import add_glossary_links
from .listings import get_generators
from .reader import install
from .versions import link_versions


def register():
    # Our Markdown reader knows the content type while it converts the text.
    signals.readers_init.connect(install)
    # Every content object gets its type as soon as it exists.
    signals.content_object_init.connect(assign_type)
    # Published annual reports take their Document with them.
    signals.article_generator_pretaxonomy.connect(attach_report_documents)
    # Versions can only be linked once every file has been read, and must be
    # checked before anything is written.
    signals.all_generators_finalized.connect(link_versions)
    # The last browser audit, for the accessibility statement.
    signals.all_generators_finalized.connect(add_audit_results)
    # Glossary links need every page read, and go before the checks read the HTML.
    signals.all_generators_finalized.connect(add_glossary_links)
    # A listing page per content type, and the template filters.
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
