"""Where a tag starts and ends, as a browser's HTML tokenizer reads it: the
one definition every reader of HTML in the project builds its patterns from
(the final gate's reader, the HTML model, the structure check, the quick
look, the reading-age text, the glossary's markup, a page's regions).

Each reader used to spell these its own way, and where one spelling
differed from a browser's, text a reader sees was hidden from the checks:
`<script-x>Zebedee Quinlan</script-x>` (a custom element a browser shows)
was read as a script, since `\\b` ends a name at a hyphen; a no-break space
or `ſ` (which Python's case-blind matching takes for "s") ended or spelled
a name no browser would. The rules here are the tokenizer's:

* a tag's name runs to ASCII white space, `/` or `>` (NAME_END), and is
  compared in ASCII case only (FLAGS: `re.ASCII | re.IGNORECASE`);
* a tag runs to the first `>` outside a quoted attribute value, a quote
  opening a value only after "=" (ATTRS);
* a raw-text element (a script, a style) runs to the first end tag of its
  name, whatever that end tag holds (`</script foo>` ends a script), or to
  the end of the document (raw_text_element).
"""

from __future__ import annotations

import re

# HTML's white space: tab, line feed, form feed, carriage return, space (not
# a no-break space, nor any other character Python's \s takes for one).
SPACE = r"[\t\n\f\r ]"
# The end of a tag's name.
NAME_END = r"(?=[\t\n\f\r />])"
# A tag's attributes up to its closing `>` (which may be inside quotes). A
# quote opens a value only after "=" (`<span x'>` is a span with an
# attribute named x'; its ">" ends it). Possessive: the engine takes runs of
# characters at once and never backtracks into them, which could only end
# where a `>` cannot be.
ATTRS = r"""(?:[^>"'=]++|=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+')?|["'])*+"""
# How tag names are matched: in ASCII case only, as a browser lowers them.
FLAGS = re.ASCII | re.IGNORECASE


def start_tag(names: str) -> str:
    """A start tag of any of `names` (an alternation), its attributes in group 2."""
    return rf"<({names}){NAME_END}({ATTRS})>"


def end_tag(names: str) -> str:
    """An end tag of any of `names`, with whatever it holds after its name."""
    return rf"</(?:{names}){NAME_END}{ATTRS}>"


def raw_text_element(names: str) -> str:
    """A raw-text element of any of `names`: its name in group 1, its
    attributes in group 2, its content in group 3; it ends at its first end
    tag, or runs to the end of the document."""
    return rf"<({names}){NAME_END}({ATTRS})>(.*?)(?:</\1{NAME_END}{ATTRS}>|\Z)"
