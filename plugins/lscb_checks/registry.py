"""Every check, in run order, with its stage. Read this file to know what the
build checks; each module's rules (codes, names, documentation) are declared
next to its check.

Stage "start": `initialized`, before Pelican reads, copies or writes any file.
A module's `check_start(settings)` yields findings; an error stops the build
at once.

Stage "source": `all_generators_finalized`, after every file is read and before
anything is written, so unsafe content never reaches disk. A module's
`check(site)` yields findings for the whole site.

Stage "output": `finalized`, over the built staging folder, before it replaces
output/, after the search index is written (lscb_search is listed before
lscb_checks in PLUGINS, and plugin_order.py refuses the other order). A
module's `check_output(output)` yields findings.
"""

from __future__ import annotations

import importlib

# Rules reported by the other plugins as they work (listed for the docs).
PLUGIN_RULE_MODULES = (
    "lscb_core.waivers",            # WAIV: waivers themselves
    "lscb_core.pelican_log",        # BLD001, BLD005: what Pelican itself could not do
    "lscb_content.versions",        # VER: versions for young people and children
    "lscb_content.audit_results",   # A11Y011: the accessibility audit file
    "lscb_content.charts",          # AR002: a money table that cannot be charted
    "lscb_core.documents",          # DOC001: a page's Document
    "lscb_reviews.gate",            # REV002: dates the publication gate reads
    "lscb_reviews.leak_guard",      # REV003: blocked review found in the output
    "lscb_reviews.withheld_files",  # REV012: a published page links a withheld review's file
)

START_CHECKS = (
    "content_symlinks",
    "site_address",
)

SOURCE_CHECKS = (
    "content_files",
    "output_paths",
    "metadata_schema",
    "starter_text",
    "review_themes",
    "review_decision",
    "review_address",
    "review_response",
    "review_pseudonyms",
    "review_pseudonym_names",
    "review_jigsaw",
    "a11y_images",
    "a11y_headings",
    "a11y_link_text",
    "a11y_tables",
    "a11y_document_links",
    "links_source",
    "redaction_register",
    "pii_names",
    "pii_name_parts",
    "pii_addresses",
    "pii_dob",
    "pii_contact",
    "pii_locations",
    "pii_numbers",
    "pii_institutions",
    "pdf_attachments",
    "image_metadata",
    "attachment_types",
    "reading_age",
    "jargon",
    "review_date",
    "annual_report_sections",
)

OUTPUT_CHECKS = (
    "links_output",
    "a11y_duplicate_ids",
    "well_formed",
    # Last: every file and path of the finished site, search index included.
    "published_text",
)


def start_checks():
    return [importlib.import_module(f"lscb_checks.checks.{name}") for name in START_CHECKS]


def source_checks():
    return [importlib.import_module(f"lscb_checks.checks.{name}") for name in SOURCE_CHECKS]


def output_checks():
    return [importlib.import_module(f"lscb_checks.checks.{name}") for name in OUTPUT_CHECKS]


def load_all_rules():
    """Import every module that declares rules, so RULES is complete."""
    for name in PLUGIN_RULE_MODULES:
        importlib.import_module(name)
    start_checks()
    source_checks()
    output_checks()
    from lscb_core.rules import RULES
    return RULES
