"""Settings for the live site (`make publish`): production URLs, drafts never
written. Starts from pelicanconf.py."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

# The address the site is served from, without a trailing slash.
# (An empty LSCB_SITEURL, e.g. an unset CI variable, counts as not set.)
SITEURL = os.environ.get("LSCB_SITEURL") or "https://www.northshire-scb.example"
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL

# Every check at full strength: see docs/checks.md for what differs.
LSCB_MODE = "publish"

# Drafts are previewed locally only: on the live site they are not written.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
