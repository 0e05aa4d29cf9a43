"""A link's or a file's address read as words, capitalised as a name would
be, so the final gate finds a name written in an address
(`zebedee-quinlan.pdf` is `Zebedee Quinlan`).
"""

from __future__ import annotations

import functools
import re
from urllib.parse import unquote, urlsplit

from ..text.everyday import easy_words

_ADDRESS_GAPS = re.compile(r"[-_.+~/=&?#:;,@]+|%20")
# Words run together with capitals: ZebedeeQuinlan.png (not McDonald).
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,5}$")
# A host a website can have: labels of letters, digits, - and _ (in any
# script) between dots, or an IP address in brackets, and a port.
_HOST = re.compile(r"(?:\[[0-9A-Fa-f:.]*\]|[\w-]+(?:\.[\w-]+)*\.?)(?::\d*)?")


@functools.lru_cache(maxsize=16384)
def address_words(address: str) -> str:
    """The words of a link or file address, capitalised as a name would be
    (everyday words stay in lower case): `/documents/zebedee-quinlan.pdf`
    reads `documents Zebedee Quinlan`, `ZebedeeQuinlan.png` `Zebedee Quinlan`.
    The host of an absolute address is left out (it names a website); a
    user name and password before it (`https://zebedee.quinlan@host/`) are
    not a website's name, and are read, as is a host no website can have
    (`https://Zebedee Quinlan`, `https://Zebedee%20Quinlan/`)."""
    parts = urlsplit(address.strip())
    path = unquote(parts.path)
    user, _at, host = parts.netloc.rpartition("@")
    if host and not _HOST.fullmatch(host):
        user = f"{user} {host}"
    segments = [_SUFFIX.sub("", segment) for segment in path.split("/")]
    # A query's values are read together, in order (`?first=Zebedee&last=
    # Quinlan` is "Zebedee Quinlan"); its keys are a program's words, each
    # read as a sentence of its own, so that neither the key nor the page's
    # name runs into a value as a name would (`ResponsePage.aspx?id=...`
    # is not "Page Id", `?lang=en-GB` not "Lang En").
    pairs = [pair.partition("=") for pair in re.split(r"[&;]", parts.query) if pair]
    values = [value if sep else key for key, sep, value in pairs]
    keys = [key for key, sep, _ in pairs if sep]
    sentences = [" ".join(segments), user, " ".join(values), parts.fragment, *keys]
    # A name split where the path ends (`/families/zebedee?surname=quinlan`,
    # `/zebedee#quinlan`): the last folder or file of the path when it is
    # one word, and the first word after it when it has three letters or
    # more (not a code: `/Dawson?lang=en-GB` is not "Dawson En").
    last = _words(next((segment for segment in reversed(segments) if segment), ""))
    after = next((words for words in map(_words, (*values, parts.fragment)) if words), [])
    if len(last) == 1 and after and len(after[0]) >= 3:
        sentences.append(f"{last[0]} {after[0]}")
    # A key that is not a program's word, read with its value: a name
    # written as `?zebedee=quinlan`.
    sentences += [f"{key} {value}" for key, sep, value in pairs if sep and value and _is_word_key(key)]
    common = _common_words()
    read = []
    for sentence in sentences:
        words = _words(sentence)
        if words:
            read.append(" ".join(word if word.lower() in common else word[:1].upper() + word[1:] for word in words))
    return ". ".join(read)


# Keys that programs give their values: read apart from them.
_PROGRAM_KEYS = frozenset(
    "id lang language locale page p q s query search ref source utm type view sort order format mode tab "
    "section category cat tag date year month day from to start end size width height v version".split()
)


def _is_word_key(key: str) -> bool:
    key = unquote(key).lower()
    return len(key) >= 3 and key.isalpha() and key not in _PROGRAM_KEYS and not key.startswith("utm")


def _words(text: str) -> list[str]:
    return _ADDRESS_GAPS.sub(" ", _CAMEL.sub(" ", unquote(text))).split()


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Everyday English words (the Dale-Chall list of about 3,000 that
    textstat ships): in an address they stay in lower case, so a heading's
    anchor (`leaving-this-page-quickly`) is not read as a name ("Page
    Quickly"), while `zebedee-quinlan` is. Without the list every word is
    capitalised: more is read as a name, nothing less."""
    return easy_words() | _SITE_WORDS


# Words of the site's own addresses: `reviews/ellie/index.html` is not the
# name "Ellie Index" (Ellie being the review's declared pseudonym).
_SITE_WORDS = frozenset("index html htm feed feeds atom rss xml json sitemap pagefind".split())
