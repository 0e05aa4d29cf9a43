"""Content types: folders decide type, template and URL; Markdown extras;
links between guidance and its versions for young people and children."""

from pelican import signals

from lscb_core.build_state import begin
from lscb_core.plugin_order import check_order

from .amendments import get_generators as get_amendments_generator
from .assign import assign_type
from .audit_results import add_audit_results
from .catalogue import add_catalogue
from .charts import add_charts
from .compiled_templates import share_compiled_templates
from .documents import attach_report_documents
from .earlier_versions import add_earlier_versions
from .event_pages import get_generators as get_event_pages_generator
from .feeds import summary_feed_writer
from .filters import add_filters
from .follow import get_generators as get_follow_generator
from .glossary_markup import add_glossary_links
from .listings import get_generators
from .markdown_cache import save as save_markdown_cache
from .reader import install
from .security_headers import add_csp_filter, write_headers_file
from .site_links import make_root_links_portable
from .translations import link_translations
from .updates import get_generators as get_updates_generator
from .versions import link_versions


def register():
    # When Pelican starts, before any other receiver: a fresh build state,
    # and PLUGINS checked (every lscb plugin connects both; each runs once).
    signals.initialized.connect(begin)
    signals.initialized.connect(check_order)
    # Our Markdown reader knows the content type while it converts the text.
    signals.readers_init.connect(install)
    # Every content object gets its type as soon as it exists.
    signals.content_object_init.connect(assign_type)
    # Links written from the root (/guidance/x/) follow the site's address,
    # so the site works served from a folder (a GitHub project site).
    signals.content_object_init.connect(make_root_links_portable)
    # Published annual reports take their Document with them.
    signals.article_generator_pretaxonomy.connect(attach_report_documents)
    # Versions can only be linked once every file has been read, and must be
    # checked before anything is written.
    signals.all_generators_finalized.connect(link_versions)
    # Once every file is read: the conversions of this build kept for the next.
    signals.all_generators_finalized.connect(save_markdown_cache)
    # Earlier versions of guidance, from the repository's history: items of
    # the build once every page is read, before glossary links and the checks.
    signals.all_generators_finalized.connect(add_earlier_versions)
    # Translations too (content/translations/): their addresses follow their page's.
    signals.all_generators_finalized.connect(link_translations)
    # Annual reports' money tables get their charts once read, before the
    # checks (this plugin runs first) see the HTML and before it is written.
    signals.all_generators_finalized.connect(add_charts)
    # The last browser audit, for the accessibility statement.
    signals.all_generators_finalized.connect(add_audit_results)
    # Glossary links need every page read, and go before the checks read the HTML.
    signals.all_generators_finalized.connect(add_glossary_links)
    # A listing page per content type, and the template filters.
    signals.get_generators.connect(get_generators)
    # The "Latest updates" page, from the Date and Modified of what is published.
    signals.get_generators.connect(get_updates_generator)
    # The "Get updates" page: the feeds, the events calendar, the mailing list.
    signals.get_generators.connect(get_follow_generator)
    # The past events, and the iCalendar files of the events.
    signals.get_generators.connect(get_event_pages_generator)
    # The amendments to the guidance, per quarter (earlier versions included).
    signals.get_generators.connect(get_amendments_generator)
    signals.generator_init.connect(add_filters)
    # _() and the language list: the theme's message catalogue (theme/translations/).
    signals.generator_init.connect(add_catalogue)
    # Every generator's Jinja environment reuses templates already compiled.
    signals.generator_init.connect(share_compiled_templates)
    # The templates put the policy in a <meta>; once every page is written,
    # the same headers go into _headers for hosts that read it.
    signals.generator_init.connect(add_csp_filter)
    signals.finalized.connect(write_headers_file)
    # Feeds give each item's summary and address, not its whole text.
    signals.get_writer.connect(summary_feed_writer)
