"""Settings for the Northshire Safeguarding Children Board website.

This file is for previews (`make html`, `make devserver`). The live site is
built with publishconf.py, which starts from these settings. Everything a
board changes to make the site its own is in the first section.
"""

from pathlib import Path

# --- The board ---------------------------------------------------------------

SITENAME = "Northshire Safeguarding Children Board"
SITE_SHORT_NAME = "Northshire SCB"
SITE_DESCRIPTION = (
    "Northshire Safeguarding Children Board brings together the council, police, "
    "health services, schools and others to keep children in Northshire safe."
)
SITEURL = ""
DEFAULT_LANG = "en-GB"
TIMEZONE = "Europe/London"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
BOARD_EMAIL = "board@northshire-scb.example"
BOARD_ADDRESS = "Northshire Safeguarding Children Board, County Hall, Northshire NS1 0AA"

# "Worried about a child?" numbers, shown on every page and on the report a
# concern page. The local numbers here are fictional (Ofcom's drama range).
CONCERN_EMERGENCY = {"label": "If a child is in immediate danger", "number": "999"}
CONCERN_CONTACTS = [
    {
        "label": "Northshire Children's Services (children's social care)",
        "when": "Monday to Friday, 8:30am to 5pm",
        "number": "01632 960 123",
    },
    {
        "label": "Emergency Duty Team",
        "when": "Evenings, weekends and bank holidays",
        "number": "01632 960 456",
    },
    {
        "label": "Police (when it is not an emergency)",
        "when": "Any time",
        "number": "101",
    },
]
# National helplines, shown with the local numbers. An "email" is shown too,
# and, like the number, may appear in any review (PII005, PII006). Other
# organisations' public contacts that reviews print (another helpline, the
# safeguarding partnership's office) go in redaction-allowlist.toml.
NATIONAL_HELPLINES = [
    {
        "label": "NSPCC Helpline, for adults worried about a child",
        "number": "0808 800 5000",
        "email": "help@nspcc.org.uk",
    },
    {"label": "Childline, for children and young people", "number": "0800 1111"},
]

# The numbers for children and young people. On their pages (content/children/
# and content/young-people/, and the two index pages) these come first in the
# footer and in the "Who can help" box, and the first one is the strip under
# the header, which reads: "Need to talk to someone? Childline: 0800 1111,
# free, any time" (CHILDREN_BANNER_LEAD, then the first contact's label,
# number and "when"). A number also in NATIONAL_HELPLINES is listed once.
# Adults' pages keep "Worried about a child? Report a concern". The local
# number here is fictional (Ofcom's drama range).
CHILDREN_BANNER_LEAD = "Need to talk to someone?"
CHILDREN_CONTACTS = [
    {"label": "Childline", "when": "free, any time", "number": "0800 1111"},
    {
        "label": "Northshire Children's Rights Service",
        "when": "Monday to Friday, 9am to 5pm",
        "number": "01632 960 789",
    },
]

# Where "Exit this page" goes: a neutral site that gives nothing away.
EXIT_URL = "https://www.bbc.co.uk/weather"
# The page on leaving no trace (private browsing, history, what the site
# stores), linked from the Exit control's hint on every page; empty to leave
# the link out.
COVER_TRACKS_URL = "cover-your-tracks/"

# The board's mailing list: the https address of its provider's sign-up page,
# shown as a plain link on the "Get updates" page (get-updates/); nothing is
# loaded from the provider's site. Empty: no mailing list (CFG003 checks it).
MAILING_LIST_URL = "https://lists.northshire-scb.example/join"

# Case reviews: keep them out of search engines, and take them down (leaving
# an "available on request" notice) after this many months. Statutory guidance
# has expected at least 12 months on the website.
REVIEW_NOINDEX = True
REVIEW_RETENTION_MONTHS = 36

# --- Publication checks (docs/checks.md) --------------------------------------

# Reading age limits for the pages for children and young people. Previews
# warn and publishing stops when a page's reading age (US school grade + 5)
# is above the limit for its folder (READ001).
READING_AGE_MAX = {"children": 9, "young-people": 12}
# How the reading age is worked out: "automated_readability_index" (letters
# per word and words per sentence; reads about a year harder than
# Flesch-Kincaid), "coleman_liau_index", or a list of both for their average.
# Formulas that count syllables are not offered: textstat would download a
# pronouncing dictionary from the internet during the build.
READING_AGE_FORMULA = "automated_readability_index"

# The sections statutory guidance expects in an annual report (AR001). A
# section is there when a heading contains one of its words (capitals do not
# matter). Previews warn and publishing stops when one is missing. Add the
# words your board uses in its headings.
ANNUAL_REPORT_SECTIONS = [
    {"name": "How effective local safeguarding has been", "headings": ["effective"]},
    {"name": "Weaknesses and the actions taken", "headings": ["weakness"]},
    {"name": "Lessons from case reviews", "headings": ["lesson", "learning"]},
    {"name": "Training", "headings": ["training"]},
    # "chart": True: the section's tables are also drawn as bar charts
    # (docs/editing.md, "Charts of the money tables"; AR002 when one cannot be).
    {"name": "Partner contributions", "headings": ["contribution"], "chart": True},
    {"name": "What the board spent", "headings": ["spent", "spending", "expenditure"], "chart": True},
]

# Names that may appear as the author of a published PDF (besides SITENAME and
# SITE_SHORT_NAME), e.g. the council that produces the board's reports (PDF002).
LSCB_PDF_AUTHORS_ALLOWED = []

# The types of file the site publishes from content/ (ATT002): anything else
# in images/ or documents/, or linked from a page, stops the build with a hint
# ("save it as PDF"). Pictures are written again from their pixels before
# publishing; SVG drawings must be plain (IMG004). Only types the checks read
# whole can be listed: ".txt" and ".csv" may be added, a Word file cannot.
LSCB_PUBLISHED_FILE_TYPES = [".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"]

# The themes of the case reviews (META007). Each theme has a page listing its
# reviews; a review's Themes may only use these, written exactly so, so that
# a misspelling does not make a page of its own. Add a new theme here first.
LSCB_THEMES = [
    "Adolescent mental health",
    "Domestic abuse",
    "Early help",
    "Information sharing",
    "Neglect",
    "Transition to adult services",
]

# 7-minute briefings (content/briefings/, docs/editing.md): the seven
# section headings every briefing has, in this order (BRF001), and the most
# words one may have so that it prints on one side of A4 (BRF002).
BRIEFING_SECTIONS = [
    "Background",
    "Why it matters",
    "What we found",
    "What it means for practice",
    "What to do",
    "Questions for reflection",
    "Find out more",
]
BRIEFING_WORD_LIMIT = 550

# The board's own area: "in Northshire" does not single out a family, a
# named village or estate can (REV010, jigsaw identification).
LSCB_AREA_NAMES = ["Northshire"]

# Public names that may appear in reviews (national inquiries, authors of
# national reviews), each with a reason, are listed in redaction-allowlist.toml
# beside the content folder, and so are the board's public people (its
# independent chair or scrutineer, partners' leads), each with a `role`. The
# people who worked on one review are its `Credits`. Set REDACTION_ALLOWLIST
# to use another file; the build then stops if that file is missing (CFG001).

# The "Latest updates" page lists what was published (Date) or changed
# (Modified, with its Change_note) in this many months before the build.
UPDATES_MONTHS = 12

# Guidance pages list their earlier versions, read from the repository's
# history (docs/editing.md, Earlier versions of guidance). False: none.
GUIDANCE_EARLIER_VERSIONS = True

# Main navigation, by audience.
AUDIENCE_NAV = [
    ("Children", "children/"),
    ("Young people", "young-people/"),
    ("Parents and carers", "parents-and-carers/"),
    ("Professionals", "guidance/"),
]
FOOTER_LINKS = [
    ("About the board", "about/"),
    ("Case reviews", "reviews/"),
    ("Annual reports", "annual-reports/"),
    ("Training and events", "events/"),
    ("7-minute briefings", "briefings/"),
    ("Glossary", "glossary/"),
    ("Latest updates", "updates/"),
    ("Cover your tracks", "cover-your-tracks/"),
    ("Accessibility", "accessibility/"),
    ("Privacy", "privacy/"),
]

# --- Security headers (docs/deploying.md) -------------------------------------

# Sent by hosts that read a `_headers` file (Netlify, Cloudflare Pages), which
# the build writes; the Content-Security-Policy is also in every page as a
# <meta>, for hosts that cannot send headers (GitHub Pages). The policy lets
# the site load only its own scripts, styles, images and fonts: nothing from
# any other website, no inline script or style attribute. 'wasm-unsafe-eval'
# and connect-src 'self' are for the site search (WebAssembly, and its index
# fetched from the site).
SECURITY_HEADERS = {
    "Content-Security-Policy": {
        "default-src": "'none'",
        "script-src": "'self' 'wasm-unsafe-eval'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "manifest-src": "'self'",
        "form-action": "'self'",
        "base-uri": "'none'",
        "object-src": "'none'",
        "frame-ancestors": "'none'",
    },
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
    ),
}

# --- How the site is built (a board rarely needs to change these) ------------

PATH = "content"
THEME = "theme"
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = ["plugins"]
# Order is run order. lscb_search comes before lscb_checks, so the checks'
# last look at the finished site reads the search index too.
PLUGINS = ["lscb_content", "lscb_reviews", "lscb_search", "lscb_checks"]


# Pelican reads the content files in no fixed order (a set), so items of the
# same date, and pages of the same file name (a page and its translation),
# came out in a different order from one build to the next: in listings,
# feeds and the sitemap. Ties are broken by the file's path, so the same
# content always builds the same bytes.
def _newest_first(item):
    return (-item.date.timestamp(), item.source_path)


def _by_file_name(item):
    return (Path(item.source_path).name, item.source_path)


ARTICLE_ORDER_BY = _newest_first
PAGE_ORDER_BY = _by_file_name

# Draft mode for previews: some findings (a guidance page past its review
# date) only warn. publishconf.py sets "publish", where they stop the build.
LSCB_MODE = "draft"

# Only Markdown files ending in .md are pages. Pelican would also read these
# formats as pages, past the checks (a children's page saved as .mkd past the
# reading age); the lscb_content plugin reads only .md whatever this says, and
# BLD003 names any such file so that it is renamed or rewritten.
READERS = {"markdown": None, "mkd": None, "mdown": None, "rst": None, "html": None, "htm": None}
ARTICLE_PATHS = ["guidance", "young-people", "children", "annual-reports", "reviews", "events", "briefings"]
PAGE_PATHS = ["pages", "translations"]
# Only these shared folders are copied whole; any other file is published
# only when a published page links to it.
# Never add "reviews": it would publish the redaction registers (RED005).
STATIC_PATHS = ["images", "documents"]
# Results of the last browser audit (make audit), shown on the accessibility
# statement; relative to the content folder.
ACCESSIBILITY_AUDIT = "accessibility-audit.json"
STATIC_EXCLUDE_SOURCES = True

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Listing pages (guidance/, reviews/, ...) are written by the lscb_content plugin.
CATEGORY_SAVE_AS = ""
DRAFT_URL = "drafts/{category}/{slug}/"
DRAFT_SAVE_AS = "drafts/{category}/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/{slug}/index.html"
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "sitemap", "robots"]
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"
DEFAULT_PAGINATION = False
DEFAULT_CATEGORY = "pages"
USE_FOLDER_AS_CATEGORY = False
SUMMARY_MAX_LENGTH = 60
RELATIVE_URLS = True
SLUGIFY_SOURCE = "basename"
# Guidance and its versions share a file name; they are not translations.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# Feeds of new publications (guidance, reports, reviews) as Atom. The preview
# feeds point at the local preview server; publishconf.py sets the real domain.
FEED_DOMAIN = "http://127.0.0.1:8000"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_ALL_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TAG_FEED_ATOM = None

MARKDOWN = {
    "extensions": [
        "markdown.extensions.tables",
        "markdown.extensions.def_list",
        "markdown.extensions.abbr",
        "markdown.extensions.attr_list",
        "markdown.extensions.md_in_html",
        "markdown.extensions.sane_lists",
    ],
    "extension_configs": {
        "markdown.extensions.toc": {"toc_depth": "2-3"},
        "markdown.extensions.footnotes": {
            "SEPARATOR": "-",
            "BACKLINK_TEXT": '&#8617;<span class="visually-hidden" data-pagefind-ignore> back to the text</span>',
            "BACKLINK_TITLE": "Back to where footnote {} is referred to",
        },
    },
    "output_format": "html5",
}

# Pelican's own content cache stays off: it keeps content objects and header
# values that hold the settings. What Markdown made of each file is kept
# instead (by the SHA-256 of its bytes, in .cache/markdown/ beside the output
# folder: lscb_content.markdown_cache); False converts every file every time.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
MARKDOWN_CACHE = True
# The final gate's blocks read clean, as digests, in .cache/gate/ beside the
# output folder (lscb_checks.published.gate_cache): the next build skips
# them if every input of the detectors is the same. The live site is built
# without a cache restored (docs/deploying.md); False reads every block.
GATE_CACHE = True
