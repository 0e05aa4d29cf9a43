"""Mask a detected identifier before it is printed.

CI logs are read by more people than the content, so a finding never repeats
a name, address or number in full: `Jane Smith` becomes `J*** S****` and
`NS1 4AB` becomes `N** 4**`.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def star(text: str) -> str:
    """Keep the first character of each word and everything between words."""
    return _WORD.sub(lambda match: match.group(0)[0] + "*" * (len(match.group(0)) - 1), text)


def mask(text: str) -> str:
    """Keep the first character of each word and the separators; star the rest."""
    return star(" ".join(text.split()))
