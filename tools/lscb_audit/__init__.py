"""Browser audit of the built site: axe-core, the Nu HTML Checker and
linkchecker on every page, and measurements in Debian's Chromium (text size,
contrast, focus, reflow, keyboard, exit, requests, page weight).

Not a Pelican plugin, and not installed with the project (it needs the test
extra's Playwright and linkchecker): a library that the browser tests
(tests/browser/, through pytest's `pythonpath`) and `lscb audit`, `lscb
screenshots` and `lscb check-links` (lscb_cli.project.use_tools) share, so
the accessibility statement reports exactly what the tests check. Every function returns a list of `Problem`s, each naming the
page and the element, and an empty list when everything passes.
"""
