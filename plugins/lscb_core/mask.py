"""Mask a detected identifier before it is printed.

CI logs are read by more people than the content, so a finding never repeats
a name, address or number in full: `Jane Smith` becomes `J*** S****` and
`NS1 4AB` becomes `N** 4**`.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def mask(text: str) -> str:
    """Keep the first character of each word and the separators; star the rest."""
    def star(match: re.Match) -> str:
        word = match.group(0)
        return word[0] + "*" * (len(word) - 1)

    return _WORD.sub(star, " ".join(text.split()))
