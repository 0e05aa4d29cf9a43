"""The mailing list's address is an https page of the provider.

MAILING_LIST_URL (pelicanconf.py) becomes a link on the "Get updates" page.
A reader follows it to sign up with their email address, so it must be an
absolute https address: a plain http page sends the address unencrypted, and
anything else (a `javascript:` address, a relative path, a typing mistake)
is not a sign-up page at all. Checked when the build starts.
"""

from __future__ import annotations

from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver

from ..settings_lines import assignment_line, settings_file
from ..web_address import is_https_address

# Characters an address never holds as written (a browser percent-encodes
# them): in the page's href they would end the attribute and start markup.


class MailingListAddress(Rule):
    """Flags a MAILING_LIST_URL setting that is not an absolute `https://`
    address of a web page (an `http://` address, a relative path, an email
    address, a `javascript:` address).

    ## Why it matters
    The "Get updates" page links it as the place to sign up for email
    updates. Over `http://` the reader's email address travels unencrypted
    and can be read or changed on the way; any other kind of address does
    not lead to a sign-up page.

    ## Example

        MAILING_LIST_URL = "http://lists.example.org/northshire-scb"

    ## Use instead
    The https address the provider gives for the list's sign-up page:

        MAILING_LIST_URL = "https://lists.example.org/northshire-scb"

    Or `""` for no mailing list.

    ## Known limitations
    The address is not visited: a page that does not exist, or a provider
    that loads trackers on its own page, is not detected (docs/editing.md
    says what to ask a provider).
    """

    code = "CFG003"
    name = "mailing-list-address"
    waiver = Waiver.NEVER
    stage = "start"


def check_start(settings) -> Iterable[Finding]:
    address = str(settings.get("MAILING_LIST_URL") or "").strip()
    if not address:
        return
    if is_https_address(address):
        return
    path = settings_file(settings, "pelicanconf.py")
    yield MailingListAddress.at(
        path,
        assignment_line(path, "MAILING_LIST_URL"),
        say("MAILING_LIST_URL is not an https address: {start}", start=address[:12]),
        'use the https address of the provider\'s sign-up page, or ""',
    )
