"""The search index's own file names, which are not words.

Pagefind names the files of each language's index with the page's language
code and a hash of their content: `pagefind/fragment/hu_c3a9f01.pf_fragment`,
`pagefind/index/vi_fe12a9b.pf_index`, `pagefind/pagefind.pl_a271fbea94.pf_meta`,
`pagefind/wasm.pl.pagefind`. Read as words, a Hungarian or Vietnamese page's
index is "Hu C3a9f01", "Vi Fe12a9b": a full name by the look of it, refusing a
build on the luck of a hash. The gate reads such a path without its name when
the code is one the site knows (lscb_content.languages, English, or pagefind's
`unknown`): nothing an editor wrote is left unread.
"""

from __future__ import annotations

import re

from lscb_content.languages import language

_CODE = r"(?P<lang>[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,3})"
_SEARCH_FILE = re.compile(r"^(pagefind/(?:[a-z]+/)?)(?:pagefind\.)?" + _CODE + r"_[0-9a-f]{5,}\.pf_[a-z]+$")
_SEARCH_WASM = re.compile(r"^(pagefind/)wasm\." + _CODE + r"\.pagefind$")
_ENGLISH = re.compile(r"en(?:-[a-z]{2})?")


def without_search_names(rel: str) -> str:
    """`rel` (a path in the output), without the search index's own file
    name: `pagefind/fragment/pl_77df187.pf_fragment` -> `pagefind/fragment/`."""
    match = _SEARCH_FILE.match(rel) or _SEARCH_WASM.match(rel)
    if match is None or not _known_language(match.group("lang")):
        return rel
    return match.group(1)


def _known_language(code: str) -> bool:
    return code == "unknown" or _ENGLISH.fullmatch(code) is not None or language(code) is not None
