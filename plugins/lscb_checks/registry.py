"""Every check, in run order, with its stage. Read this file to know what the
build checks: every rule (code, name, documentation) is declared in a module
of checks/, next to its check, and each module is listed here once.

Stage "start": `initialized`, before Pelican reads, copies or writes any file.
A module's `check_start(settings)` yields findings; an error stops the build
at once.

Stage "source": `all_generators_finalized`, after every file is read and before
anything is written, so unsafe content never reaches disk. A module's
`check(site)` yields findings for the whole site.

Stage "output": `finalized`, over the built staging folder, before it replaces
output/, after the search index is written (lscb_search is listed before
lscb_checks in PLUGINS, and lscb_core.plugin_order refuses the other order). A
module's `check_output(output)` yields findings.

Reported elsewhere: a few findings can only be made where the work is done
(what Pelican could not read, a review's date as the publication gate reads
it, a waiver as it is applied). Their rules are declared in checks/ like the
others and reported by code (lscb_core.rules.finding) from the module that
finds them, which names the code; lscb_core imports no plugin. These modules
are imported with this one, so their codes are known before anything reports.
"""

from __future__ import annotations

import importlib

# Module of checks/ -> the modules that find some of its rules and report
# them by code (each names the codes it reports); metadata_values' rules are
# found by the check of metadata_schema, which reads the header and gives it
# each field's value.
REPORTED_ELSEWHERE = {
    "build_errors": ("lscb_core.pelican_log",),  # BLD001, BLD005: what Pelican could not do
    "documents": ("lscb_core.documents",),  # DOC001: a page's Document
    "waivers": ("lscb_core.waivers",),  # WAIV001-WAIV006: waivers themselves
    "review_gate_dates": ("lscb_reviews.gate",),  # REV002: dates the publication gate reads
    "briefing_review": ("lscb_reviews.briefings",),  # BRF003: a briefing's Review naming no review
    # REV012: a withheld review's file linked (and on the preview's one page)
    "withheld_review_files": ("lscb_reviews.withheld_files", "lscb_cli.devserver.fast"),
    # REV003: a blocked review found in the output, or named by an earlier
    # version of guidance, or by the one page the preview checks on a save
    "blocked_reviews": ("lscb_reviews.leak_guard", "lscb_checks.earlier_versions", "lscb_cli.devserver.fast"),
    "allowlist_entries": ("lscb_checks.allowlist",),  # CFG001: found as the allowlist is read
    "redaction_register_files": ("lscb_reviews.leak_guard",),  # RED005 too: a register's copy in the output
    "metadata_values": ("lscb_checks.checks.metadata_schema",),  # META003, META004, META006: field values
    # LINK001 too: an earlier version of guidance linking to an address the site does not have today
    "links_output": ("lscb_checks.earlier_version_links",),
}

START_CHECKS = (
    "content_symlinks",
    "site_address",
    "mailing_list_address",
)

SOURCE_CHECKS = (
    "content_files",
    "output_paths",
    "metadata_schema",
    "event_dates",
    "briefing_sections",
    "briefing_length",
    "versions",
    "translations",
    "translation_catalogue",
    "annual_report_charts",
    "accessibility_audit",
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
    "a11y_link_text_reused",
    "a11y_tables",
    "a11y_document_links",
    "links_source",
    "redaction_register_files",
    "redaction_register",
    "allowlist_entries",
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
    "html_style",
    "html_hidden",
    # Last: every file and path of the finished site, search index included.
    "published_text",
)


def reported_elsewhere():
    return [importlib.import_module(f"lscb_checks.checks.{name}") for name in REPORTED_ELSEWHERE]


def start_checks():
    return [importlib.import_module(f"lscb_checks.checks.{name}") for name in START_CHECKS]


def source_checks():
    return [importlib.import_module(f"lscb_checks.checks.{name}") for name in SOURCE_CHECKS]


def output_checks():
    return [importlib.import_module(f"lscb_checks.checks.{name}") for name in OUTPUT_CHECKS]


def load_all_rules():
    """Import every module that declares rules, so RULES is complete."""
    reported_elsewhere()
    start_checks()
    source_checks()
    output_checks()
    from lscb_core.rules import RULES

    return RULES


def rule_modules() -> list[str]:
    """Every module of checks/ this file lists, once each."""
    listed = [*REPORTED_ELSEWHERE, *START_CHECKS, *SOURCE_CHECKS, *OUTPUT_CHECKS]
    return list(dict.fromkeys(listed))


# Their codes are reported by code from elsewhere, as soon as a build starts.
reported_elsewhere()
