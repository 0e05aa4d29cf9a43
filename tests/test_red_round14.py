"""Red team round 14: words a reader is not shown, standing between a label
and its value, put the value out of the detectors' reach while a reader sees
the two together. Each test first builds the value right after its label,
which is refused, then with the unshown words between.

- An element a reader is not shown (hidden, template, dialog, noscript,
  select, video...): refused as words not shown (HTML005,
  lscb_checks.checks.html_hidden).
- A closed details, whose words show only when opened: the page is read
  again with each closed details cut to its summary
  (lscb_checks.published.closed_details).
- A style that hides words (HTML004) is in test_red_round13.py.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from test_identifiers_put_apart import _refused, _written  # noqa: E402

_FILLER = " ".join(["the record was reviewed"] * 12)
_LABEL = "Child Q's date of birth:"
_PUSHERS = [
    ("hidden-block", f"\n\n<div hidden>{_FILLER}</div>\n\n"),
    ("template", f" <template>{_FILLER}</template> "),
    ("video", f" <video>{_FILLER}</video> "),
    ("noscript", f" <noscript>{_FILLER}</noscript> "),
    ("select", f" <select><option></option><option>{_FILLER}</option></select> "),
    ("details", f"\n\n<details><summary>More</summary>{_FILLER}</details>\n\n"),
    (
        "nested-details",
        f"\n\n<details open><summary>More</summary><details><summary>x</summary>{_FILLER}</details></details>\n\n",
    ),
]


@pytest.mark.parametrize("kind", ["page", "guidance"])
@pytest.mark.parametrize(("name", "between"), _PUSHERS, ids=[p[0] for p in _PUSHERS])
def test_words_not_shown_between_a_label_and_its_value_do_not_hide_it(tmp_path, kind, name, between):
    _refused(tmp_path, "together", _written(kind, f"{_LABEL}\n\n14 March 2017."), "14 March 2017")
    _refused(tmp_path, name, _written(kind, f"{_LABEL}{between}14 March 2017."), "14 March 2017")
