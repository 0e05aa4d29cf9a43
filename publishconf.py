"""Settings for the live site (`make publish`): production URLs, drafts never
written. Starts from pelicanconf.py."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

# The address the site is served from, without a trailing slash, from the
# LSCB_SITEURL environment variable (docs/deploying.md). It may have a path:
# https://northshire-scb.github.io/website. When the variable is not set (an
# empty one, e.g. an unset CI variable, counts as not set):
# - on a CI server (CI=true) the build stops with CFG002: set the variable;
# - on a board's own computer the site is built for this address. Write the
#   board's address here in place of the example one.
SITEURL_WHEN_UNSET = "https://www.northshire-scb.example"
SITEURL = (os.environ.get("LSCB_SITEURL") or SITEURL_WHEN_UNSET).rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL

# Every check at full strength: see docs/checks.md for what differs.
LSCB_MODE = "publish"

# Drafts are previewed locally only: on the live site they are not written.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
