"""One rule for an https address an editor or a board gives the site to link
(an event's Booking, MAILING_LIST_URL): absolute, https, a host with a dot,
and nothing that could end the link's `href` or write markup (quotes, angle
brackets, a backslash, a backtick, white space, control characters)."""

from __future__ import annotations

import re

_HTTPS = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
_NOT_IN_ADDRESS = re.compile(r'[\s"<>`\\\x00-\x1f\x7f]')


def is_https_address(value: str) -> bool:
    return bool(_HTTPS.match(value)) and not _NOT_IN_ADDRESS.search(value)
