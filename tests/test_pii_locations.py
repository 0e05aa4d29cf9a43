"""Precise locations (PII013), emails spelled out (PII006) and postcodes split
over two lines (PII002), built for real.

Each form is written on a guidance page, which only the final gate reads
(the source checks read reviews): the built site must be refused, naming the
page, with the last good output untouched and the location masked in every
message. The same forms in a review are refused by the source checks at
their line. The quiet cases are realistic pages full of numbers that are not
places: a chronology with dates and times, a statistics table, a contents
list with page numbers, version numbers, an annual report's accounts with
three decimals, charity and Ofsted registration numbers shaped like grid
references, and the board's office address.

The good site is built once; the forms are planted in copies of it, several
to a build, each in a file of its own and judged on its own file
(tests/site_batches.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_batches import Batch, build_good, in_reviews, on_guidance_pages, plant_all  # noqa: E402
from test_published_gate import body  # noqa: E402

from conftest import guidance_markdown, review_markdown  # noqa: E402

GUIDANCE = "guidance/sharing-information.md"
REVIEW = "reviews/child-q.md"

LOCATIONS = {
    "decimal degrees": ("The caravan was parked at 53.4012, -2.2034 for the summer.", "53.4012"),
    "degrees and minutes": ("Police found it at 53°24'04\"N 2°12'12\"W in October.", "24'04"),
    "decimal degrees with hemispheres": ("The site is at 53.4012°N, 2.2034°W.", "53.4012"),
    "Google Maps q=": ("See the [map](https://www.google.com/maps?q=53.4012,-2.2034).", "53.4012"),
    "Google Maps @": ("See the [map](https://www.google.co.uk/maps/@53.4012,-2.2034,17z).", "53.4012"),
    "Google Maps ll=": ("See the [map](https://maps.google.com/maps?ll=53.4012,-2.2034&z=16).", "53.4012"),
    "OpenStreetMap #map=": ("See the [map](https://www.openstreetmap.org/#map=17/53.4012/-2.2034).", "53.4012"),
    "OpenStreetMap mlat": ("See the [map](https://www.openstreetmap.org/?mlat=53.4012&mlon=-2.2034).", "53.4012"),
    "Apple Maps ll=": ("See the [map](https://maps.apple.com/?ll=53.4012,-2.2034&q=Site).", "53.4012"),
    "Bing cp=": ("See the [map](https://www.bing.com/maps?cp=53.4012~-2.2034&lvl=17).", "53.4012"),
    "geo: address": ('See the <a href="geo:53.4012,-2.2034">site</a>.', "53.4012"),
    "what3words slashes": ("The caravan was parked at ///filled.count.soap by the canal.", "filled.count"),
    "what3words site": ("See [the spot](https://what3words.com/filled.count.soap).", "filled.count"),
    "what3words short link": ("It is w3w.co/filled.count.soap on the app.", "filled.count"),
    "what3words named": ("Its what3words address is filled.count.soap, by the canal.", "filled.count"),
    "grid reference": ("The farm track was at grid reference SJ 84712 91562.", "84712"),
    "hemisphere first, decimal minutes": ("The caravan was at N 53° 24.067' W 002° 12.203' all summer.", "24.067"),
    "hemisphere first, seconds": ("Police found it at N 53° 24' 04\" W 2° 12' 12\" in October.", "24' 04"),
    "degrees without signs, both letters": ("The unit read 53 24 04 N, 2 12 12 W at the site.", "24 04"),
    "plus code": ("The caravan was at 9C5VCQ2W+F9 for the summer.", "9C5VCQ2W"),
    "plus code, short, with its town": ("The caravan was at CQ2W+F9 Northbridge all year.", "CQ2W"),
    "plus code in a map link": (
        "See the [spot](https://www.google.com/maps/search/?api=1&query=9C5VCQ2W%2BF9).",
        "9C5VCQ2W",
    ),
    "what3words after w3w": ("The caravan was at w3w: filled.count.soap by the canal.", "filled.count"),
    "grid reference joined, labelled": ("The farm track is at OS grid ref SJ8471291562 on the map.", "84712"),
    "coordinates after a label, abroad": ("Her GPS position in Spain was 40.4168, -3.7038.", "40.4168"),
    "coordinates, three decimals, west": ("The caravan was at 53.401, -2.203 by the canal.", "53.401"),
}
# code, text, what no message may print, where the finding starts
OTHERS = {
    "email spelled out": ("PII006", "Mother wrote from zq2017 at example dot org.", "zq2017", "zq2017"),
    "email in brackets": ("PII006", "Mother wrote from zq2017[at]example[dot]org.", "zq2017", "zq2017"),
    "postcode split by <br>": ("PII002", "The family moved near NS4<br>7QX in the spring.", "7QX", "NS4"),
    "postcode split over two lines": ("PII002", "The family moved near NS4\n7QX in the spring.", "7QX", "NS4"),
    "postcode split in a table cell": (
        "PII002",
        "| Household | Area |\n| --- | --- |\n| Mother | NS4<br>7QX |",
        "7QX",
        "NS4",
    ),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    """The good site, built once for the module."""

    def write(site):
        site.write(REVIEW, review_markdown())
        site.write(GUIDANCE, guidance_markdown("Sharing information"))

    return build_good(tmp_path_factory.mktemp("good"), write)


def line_of(markdown: str, needle: str) -> int:
    return next(number for number, line in enumerate(markdown.split("\n"), 1) if needle in line)


# The guidance pages, each form on a page of its own (tests/site_batches.py).
# For a value it reads in the search index, or on a page whose source does
# not write it as it is read, the final gate names every page that writes
# the same words: forms of the same value (the caravan's coordinates written
# ten ways) would be refused for each other's, so a build holds at most one
# form of each value below, and each form is judged on its own page.
VALUES = {
    "the caravan's coordinates": [
        "decimal degrees",
        "degrees and minutes",
        "decimal degrees with hemispheres",
        "Google Maps q=",
        "Google Maps @",
        "Google Maps ll=",
        "OpenStreetMap #map=",
        "OpenStreetMap mlat",
        "Apple Maps ll=",
        "Bing cp=",
        "geo: address",
        "hemisphere first, decimal minutes",
        "hemisphere first, seconds",
        "degrees without signs, both letters",
        "coordinates, three decimals, west",
    ],
    "what3words address": [
        "what3words slashes",
        "what3words site",
        "what3words short link",
        "what3words named",
        "what3words after w3w",
    ],
    "grid reference": ["grid reference", "grid reference joined, labelled"],
    "plus code": ["plus code", "plus code, short, with its town", "plus code in a map link"],
    "coordinates in Spain": ["coordinates after a label, abroad"],
    "email address": ["email spelled out", "email in brackets"],
    "postcode": ["postcode split by <br>", "postcode split over two lines", "postcode split in a table cell"],
}
GUIDANCE_BATCHES = [
    [forms[index] for forms in VALUES.values() if index < len(forms)]
    for index in range(max(len(forms) for forms in VALUES.values()))
]


def _written(form: str) -> str:
    return LOCATIONS[form][0] if form in LOCATIONS else OTHERS[form][1]


class GuidanceBatches:
    """Each batch of GUIDANCE_BATCHES built (once) when a test first needs it."""

    def __init__(self, good: Path, tmp_path_factory) -> None:
        self.good = good
        self.tmp_path_factory = tmp_path_factory
        self.built: dict[int, Batch] = {}

    def of(self, form: str) -> Batch:
        return self.batch(next(index for index, forms in enumerate(GUIDANCE_BATCHES) if form in forms))

    def batch(self, index: int) -> Batch:
        if index not in self.built:
            folder = self.tmp_path_factory.mktemp(f"guidance-{index}") / "site"
            pages = on_guidance_pages({form: _written(form) for form in GUIDANCE_BATCHES[index]})
            self.built[index] = plant_all(self.good, folder, pages)
        return self.built[index]


@pytest.fixture(scope="module")
def on_guidance(good, tmp_path_factory) -> GuidanceBatches:
    return GuidanceBatches(good, tmp_path_factory)


def test_every_form_is_in_one_batch_with_no_other_form_of_its_value():
    assert sorted(form for forms in VALUES.values() for form in forms) == sorted([*LOCATIONS, *OTHERS])
    assert sorted(form for forms in GUIDANCE_BATCHES for form in forms) == sorted([*LOCATIONS, *OTHERS])


@pytest.mark.parametrize("index", range(len(GUIDANCE_BATCHES)))
def test_the_guidance_pages_around_the_forms_are_refused_for_nothing_else(on_guidance, index):
    assert on_guidance.batch(index).errors_outside() == []


@pytest.mark.parametrize("form", LOCATIONS)
def test_a_precise_location_on_a_guidance_page_is_refused_by_the_final_gate(on_guidance, form):
    written, shown = LOCATIONS[form]
    batch = on_guidance.of(form)
    path, text = batch.plants[form]
    hits = batch.refused(form, "PII013", path, shown)
    assert {f.line for f in hits} == {line_of(text, written)}, (form, [f.as_text() for f in hits])


@pytest.mark.parametrize("form", OTHERS)
def test_a_spelled_out_email_or_split_postcode_on_a_guidance_page_is_refused(on_guidance, form):
    code, written, shown, start = OTHERS[form]
    batch = on_guidance.of(form)
    path, text = batch.plants[form]
    hits = batch.refused(form, code, path, shown)
    assert line_of(text, start) in {f.line for f in hits}, (form, [f.as_text() for f in hits])


# The reviews are read by the source checks, one file at a time: every form
# is planted in a review of its own (Child A to Child Z), the locations in one
# build of a copy of the good site, the emails and postcodes in another
# (tests/site_batches.py). Each form is still its own test, judged on its
# own file and line.
def _in_reviews(good, folder: Path, forms: dict[str, str]) -> Batch:
    return plant_all(good, folder, in_reviews({form: body(written) for form, written in forms.items()}))


@pytest.fixture(scope="module")
def locations_in_reviews(good, tmp_path_factory) -> Batch:
    forms = {form: written for form, (written, _shown) in LOCATIONS.items()}
    return _in_reviews(good, tmp_path_factory.mktemp("locations") / "site", forms)


@pytest.fixture(scope="module")
def others_in_reviews(good, tmp_path_factory) -> Batch:
    forms = {form: written for form, (_code, written, _shown, _start) in OTHERS.items()}
    return _in_reviews(good, tmp_path_factory.mktemp("others") / "site", forms)


@pytest.mark.parametrize("batch", ["locations_in_reviews", "others_in_reviews"])
def test_the_reviews_around_the_forms_are_refused_for_nothing_else(request, batch):
    assert request.getfixturevalue(batch).errors_outside() == []


@pytest.mark.parametrize("form", LOCATIONS)
def test_a_precise_location_in_a_review_is_refused_at_its_line(locations_in_reviews, form):
    written, shown = LOCATIONS[form]
    path, text = locations_in_reviews.plants[form]
    hits = locations_in_reviews.refused(form, "PII013", path, shown)
    assert [f.line for f in hits] == [line_of(text, written)], (form, [f.as_text() for f in hits])


@pytest.mark.parametrize("form", OTHERS)
def test_a_spelled_out_email_or_split_postcode_in_a_review_is_refused(others_in_reviews, form):
    code, written, shown, start = OTHERS[form]
    path, text = others_in_reviews.plants[form]
    hits = others_in_reviews.refused(form, code, path, shown)
    assert [f.line for f in hits] == [line_of(text, start)], (form, [f.as_text() for f in hits])


CHRONOLOGY = """| Date and time | Event |
| --- | --- |
| 12.03.2024, 10.30 | Strategy meeting held; minutes at 4.12 of the bundle. |
| 14/03/2024 at 14:45 | Health visitor saw Child Q at 09.15 and again at 16.20. |
| 2.4.2024 | Review of the plan; 3.5 hours of contact recorded. |"""

STATISTICS = """| Measure | 2022/23 | 2023/24 | Change |
| --- | ---: | ---: | ---: |
| Referrals per 10,000 children | 512.125 | 498.750 | -13.375 |
| Re-referrals within 12 months | 21.4% | 19.9% | -1.5% |
| Rate of child protection plans | 43.125 | 41.500 | -1.625 |
| Mean days to conference | 14.250 | 12.875 | -1.375 |

Spending rose to £1,234.56 per child, then £2,345.67; the index moved from 0.412, 0.387 to 0.405."""

CONTENTS = """## Contents

1. Introduction .......... 3
2. The family .......... 4
3. Findings .......... 12
   3.1 Information sharing .......... 12
   3.12 Supervision .......... 17
4. Recommendations .......... 21"""

# Statistics and an annual report's accounts: pairs of numbers with three
# decimals, some inside the box around the British Isles.
ANNUAL_FIGURES = """The mean scores were 45.125, 41.500 for the two cohorts. Attendance was 52.125, 1.500
points above the national figure, and the rate of plans changed by 51.250, -0.750 on the year.

| Partner | 2022/23 £000 | 2023/24 £000 |
| --- | ---: | ---: |
| Northshire County Council | 145.125 | 151.500 |
| Integrated Care Board | 53.375, 2.125 | 1.250 |

Contributions were £53.125, £2.250 and £0.875 thousand from three schools."""

# Registration numbers shaped like grid references in square SC or SO.
REGISTRATIONS = """The Northshire Children's Trust is a registered charity in England and Wales (1098765)
and in Scotland (SC037717). The trust's children's home was inspected (SC037605), as were
SC041234 and SC484221. Its trading company, registered in Scotland, is company no. SO301234."""

SOFTWARE = (
    "The records were held in CaseSystem 3.12.1 (build 10.0.19045), exported as version 2.4.1 "
    "and read with Reader 24.001.20604; see paragraphs 4.12 and 5.123."
)

OFFICE = (
    "Write to the board at County Hall, Northshire NS1 0AA, or\n"
    "County Hall<br>Northshire<br>NS1<br>0AA, or email board at northshire-scb dot example. "
    "Adults can call the NSPCC Helpline on 0808 800 5000 or email help[at]nspcc[dot]org[dot]uk. "
    "Find the [office on the map](https://www.openstreetmap.org/?mlat=53.4801&mlon=-2.2421). "
    "The what3words app is on the board's devices. Details are at gov.uk."
)

ALLOWLIST = """[[allow]]
text = "https://www.openstreetmap.org/?mlat=53.4801&mlon=-2.2421"
reason = "The board's public office, on its contact page"
"""


def test_numbers_that_are_not_places_stay_quiet(scenario):
    scenario.write(
        REVIEW, review_markdown(body("\n\n".join([CHRONOLOGY, STATISTICS, ANNUAL_FIGURES, REGISTRATIONS, SOFTWARE])))
    )
    scenario.write(
        GUIDANCE,
        guidance_markdown(
            "Sharing information",
            body="\n\n".join([CONTENTS, CHRONOLOGY, STATISTICS, ANNUAL_FIGURES, REGISTRATIONS, SOFTWARE, OFFICE]),
        ),
    )
    (scenario.root / "redaction-allowlist.toml").write_text(ALLOWLIST, encoding="utf-8")
    site = scenario.build()
    assert site.ok, site.messages()
    assert not [f for f in site.result.findings if f.code.startswith("PII")]


def test_the_office_map_link_is_refused_without_its_allowlist_entry(scenario):
    """The quiet case above is quiet because of the allowlist entry."""
    scenario.write(GUIDANCE, guidance_markdown("Sharing information", body=OFFICE))
    site = scenario.build()
    assert not site.ok
    assert [f.code for f in site.result.findings if f.code.startswith("PII")] == ["PII013"], site.messages()
