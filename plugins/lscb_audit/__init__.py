"""Browser audit of the built site: axe-core, the Nu HTML Checker and
linkchecker on every page, and measurements in Debian's Chromium (text size,
contrast, focus, reflow, keyboard, exit, requests, page weight).

Not a Pelican plugin: a library that the browser tests (tests/browser/) and
`scripts/audit.py` share, so the accessibility statement reports exactly what
the tests check. Every function returns a list of `Problem`s, each naming the
page and the element, and an empty list when everything passes.
"""
