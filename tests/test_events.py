"""Training and events (content/events/): the listings of upcoming and past
events, the move to the archive the day after an event ends, the event
pages, the iCalendar files, the checks of the fields, and the final gate
over the .ics files. Real Pelican builds of the demo and of small sites."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from conftest import ROOT, build_site, markdown_file
from lscb_checks.published.files import read_file

LONDON = ZoneInfo("Europe/London")
DEMO_UPCOMING = ["safer-sleep-workshop", "neglect-multi-agency-training"]
DEMO_PAST = ["early-help-assessment-briefing", "safeguarding-conference-2026"]


def event_markdown(title="Working together: multi-agency training", body="What the training covers.", **fields):
    defaults = {
        "Title": title,
        "Date": "2026-11-01",
        "Start": "2027-03-10 09:30",
        "End": "2027-03-10 16:00",
        "Location": "online",
        "Audience": "Practitioners in health and children's services",
        "Cost": "Free",
        "Booking": "https://booking.example/working-together",
        "Summary": f"{title}, for the test suite.",
    }
    return markdown_file({**defaults, **fields}, body + "\n")


def slugs(site, listing: str) -> list[str]:
    cards = site.soup(listing).select(".event-card .card__title a")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in cards]


def calendar(site, relative: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site.output / relative).read_bytes())


def vevents(cal) -> list:
    return [c for c in cal.walk("VEVENT")]


# --- The demo ----------------------------------------------------------------


def test_demo_lists_upcoming_events_soonest_first_and_past_ones_newest_first(demo_site):
    assert slugs(demo_site, "events/") == DEMO_UPCOMING
    assert slugs(demo_site, "events/past/") == DEMO_PAST
    listing = demo_site.soup("events/")
    assert listing.find("a", href=lambda h: h and h.endswith("events/past/"))
    assert listing.find("a", href=lambda h: h and h.endswith("events/calendar.ics"))


def test_demo_listing_shows_date_time_place_audience_and_cost(demo_site):
    cards = demo_site.soup("events/").select(".event-card")
    online = next(c for c in cards if "neglect-multi-agency-training" in c.a["href"])
    facts = {dt_.get_text(strip=True): dd.get_text(" ", strip=True) for dt_, dd in _facts(online)}
    assert facts["When"] == "Wednesday 3 February 2027, 9:30am to 12:30pm"
    assert facts["Where"] == "Online"
    assert facts["For"].startswith("Designated safeguarding leads in schools")
    assert facts["Cost"] == "Free for partner agencies, £40 for others"
    venue = next(c for c in cards if "safer-sleep-workshop" in c.a["href"])
    assert dict((d.get_text(strip=True), v.get_text(strip=True)) for d, v in _facts(venue))["Where"].startswith(
        "Northshire Conference Centre"
    )


def _facts(card):
    return [(row.dt, row.dd) for row in card.select(".facts__row")]


def test_a_cancelled_event_says_so_in_words_and_has_no_booking_link(demo_site):
    card = next(c for c in demo_site.soup("events/").select(".event-card") if "safer-sleep" in c.a["href"])
    assert card.select_one(".card__title").get_text(" ", strip=True).startswith("Cancelled ")
    page = demo_site.soup("events/safer-sleep-workshop/")
    main = page.find("main")
    assert "This event has been cancelled." in main.get_text(" ", strip=True)
    # At the top: the notice comes straight after the title, before the facts.
    notice = main.select_one(".event-notice")
    assert notice.find_previous("h1") is not None and notice.find_next("dl", class_="facts") is not None
    assert not main.find("a", href=lambda h: h and "booking.northshire-scb.example" in h)
    assert "booking.northshire-scb.example/safer-sleep-workshop" not in demo_site.text_of_everything()


def test_an_upcoming_event_page_shows_its_times_in_words_and_links_booking_and_ics(demo_site):
    main = demo_site.soup("events/neglect-multi-agency-training/").find("main")
    times = main.select(".facts time")
    assert [t["datetime"] for t in times] == ["2027-02-03T09:30:00+00:00", "2027-02-03T12:30:00+00:00"]
    when = times[0].parent.get_text(" ", strip=True)
    assert when == "Wednesday 3 February 2027, 9:30am to 12:30pm"
    assert main.find("a", href="https://booking.northshire-scb.example/neglect-training")
    assert main.find("a", href=lambda h: h and h.endswith("events/neglect-multi-agency-training.ics"))
    assert not main.select(".event-notice")


def test_a_past_event_page_says_it_has_passed_and_has_no_booking_link(demo_site):
    main = demo_site.soup("events/early-help-assessment-briefing/").find("main")
    assert "This event has taken place." in main.select_one(".event-notice").get_text(" ", strip=True)
    assert not main.find("a", href=lambda h: h and "booking" in h)
    # Summer time: the page gives the board's local time with its offset.
    assert [t["datetime"] for t in main.select(".facts time")] == [
        "2026-10-14T09:30:00+01:00",
        "2026-10-14T11:00:00+01:00",
    ]


def test_events_are_in_the_navigation_and_have_their_own_atom_feed(demo_site):
    footer = demo_site.soup("index.html").select_one("footer nav")
    assert footer.find("a", href=lambda h: h and h.rstrip("/").endswith("events"))
    feed = (demo_site.output / "feeds" / "events.atom.xml").read_text(encoding="utf-8")
    for slug in DEMO_UPCOMING + DEMO_PAST:
        assert f"events/{slug}/" in feed


def test_each_demo_event_has_an_ics_file_with_its_times_status_and_uid(demo_site):
    cal = calendar(demo_site, "events/neglect-multi-agency-training.ics")
    [event] = vevents(cal)
    assert event.decoded("dtstart") == dt.datetime(2027, 2, 3, 9, 30, tzinfo=LONDON)
    assert event.decoded("dtend") == dt.datetime(2027, 2, 3, 12, 30, tzinfo=LONDON)
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["uid"]) == "http://127.0.0.1:8000/events/neglect-multi-agency-training/"
    assert str(event["url"]) == str(event["uid"])
    assert str(event["location"]) == "Online"
    assert str(event["summary"]) == "Recognising neglect: multi-agency training"
    assert str(event["description"]).startswith("Half-day online training on spotting neglect early, using")
    assert event.decoded("dtstamp") == dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    # Nothing the page does not show: never the booking link.
    assert "booking" not in (demo_site.output / "events/neglect-multi-agency-training.ics").read_text()

    [cancelled] = vevents(calendar(demo_site, "events/safer-sleep-workshop.ics"))
    assert str(cancelled["status"]) == "CANCELLED"

    [whole_day] = vevents(calendar(demo_site, "events/safeguarding-conference-2026.ics"))
    assert whole_day.decoded("dtstart") == dt.date(2026, 6, 18)
    assert whole_day.decoded("dtend") == dt.date(2026, 6, 19)  # the day after: RFC 5545's end is exclusive
    assert str(whole_day["location"]).startswith("Northshire Conference Centre, Riverside Way")


def test_the_calendar_feed_has_every_event_upcoming_and_past(demo_site):
    cal = calendar(demo_site, "events/calendar.ics")
    uids = sorted(str(e["uid"]) for e in vevents(cal))
    assert uids == sorted(f"http://127.0.0.1:8000/events/{slug}/" for slug in DEMO_UPCOMING + DEMO_PAST)
    assert str(cal["version"]) == "2.0" and str(cal["method"]) == "PUBLISH"


def test_published_calendar_uses_the_live_sites_address(tmp_path):
    site = build_site(ROOT / "content", tmp_path / "out", settings="publishconf.py")
    assert site.ok, site.messages()
    uids = {str(e["uid"]) for e in vevents(calendar(site, "events/calendar.ics"))}
    assert "https://www.northshire-scb.example/events/neglect-multi-agency-training/" in uids


# --- Upcoming to past ------------------------------------------------------------


def test_an_event_moves_to_the_archive_the_day_after_it_ends(scenario):
    scenario.write("events/working-together.md", event_markdown())
    scenario.write(
        "events/later.md", event_markdown("Later training", Start="2027-05-01 10:00", End="2027-05-01 12:00")
    )
    on_the_day = scenario.build(LSCB_TODAY="2027-03-10")
    assert on_the_day.ok, on_the_day.messages()
    assert slugs(on_the_day, "events/") == ["working-together", "later"]
    assert slugs(on_the_day, "events/past/") == []
    assert on_the_day.soup("events/working-together/").find("a", href="https://booking.example/working-together")

    day_after = scenario.build(LSCB_TODAY="2027-03-11")
    assert day_after.ok, day_after.messages()
    assert slugs(day_after, "events/") == ["later"]
    assert slugs(day_after, "events/past/") == ["working-together"]
    page = day_after.soup("events/working-together/")
    assert page.select_one(".event-notice") is not None
    assert not page.find("a", href="https://booking.example/working-together")
    # Still in the calendar feed: calendars keep what happened.
    uids = [str(e["uid"]) for e in vevents(calendar(day_after, "events/calendar.ics"))]
    assert len(uids) == 2


def test_an_event_written_in_utc_is_past_by_the_boards_day(scenario):
    # 23:30 UTC on 9 June is 00:30 on 10 June in London (summer time): the
    # event ends on the 10th, so it is upcoming all that day, past on the 11th.
    scenario.write("events/evening.md", event_markdown(Start="2027-06-09T21:00Z", End="2027-06-09T23:30Z"))
    on_the_10th = scenario.build(LSCB_TODAY="2027-06-10")
    assert slugs(on_the_10th, "events/") == ["evening"], on_the_10th.messages()
    when = on_the_10th.soup("events/evening/").select(".facts time")
    assert [t.get_text() for t in when] == ["Wednesday 9 June 2027, 10pm", "Thursday 10 June 2027, 12:30am"]
    assert slugs(scenario.build(LSCB_TODAY="2027-06-11"), "events/past/") == ["evening"]


# --- Checks of the fields ---------------------------------------------------------

BAD_VALUES = [
    # (field, bad value, code)
    ("End", "2027-03-10 08:00", "META009"),
    ("End", "2027-03-10", "META009"),
    ("Start", "10/03/2027 09:30", "META004"),
    ("Start", "2027-02-30 09:30", "META004"),
    ("Booking", "http://booking.example/working-together", "META003"),
    ("Booking", "booking.example/working-together", "META003"),
    ("Event_status", "postponed", "META003"),
]


@pytest.mark.parametrize(("name", "value", "code"), BAD_VALUES)
def test_a_bad_value_gives_a_finding_at_its_line(scenario, name, value, code):
    path = scenario.write("events/working-together.md", event_markdown(**{name: value}))
    site = scenario.build()
    assert not site.ok
    mine = [f for f in site.result.findings if Path(f.path).name == path.name and not f.waived]
    assert [f.code for f in mine] == [code], site.messages()
    [finding] = mine
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(f"{name}:"))
    assert finding.line == line
    assert len(finding.message) < 80 and finding.hint and "\n" not in finding.hint


GOOD_VALUES = [
    {"Start": "2027-03-10T09:30+00:00", "End": "2027-03-10T16:00Z"},
    {"Start": "2027-03-10", "End": "2027-03-11"},
    {"Start": "2027-03-10 09:30", "End": "2027-03-10 09:30"},
    {"Event_status": "Cancelled"},
    {"Event_status": "scheduled"},
    {"Booking": None},
    {"Location": "Northshire Library, Northtown"},
]


@pytest.mark.parametrize("fields", GOOD_VALUES)
def test_good_values_give_no_finding(scenario, fields):
    path = scenario.write("events/working-together.md", event_markdown(**fields))
    site = scenario.build()
    mine = [f for f in site.result.findings if Path(f.path).name == path.name]
    assert mine == [], site.messages()
    assert site.ok, site.messages()


def test_a_missing_required_field_is_reported(scenario):
    path = scenario.write("events/working-together.md", event_markdown(Location=None))
    site = scenario.build()
    codes = [f.code for f in site.result.findings if Path(f.path).name == path.name]
    assert codes == ["META002"], site.messages()


# --- The final gate reads the events and their .ics -------------------------------

# Fictional, planted on purpose: a full name and a private mobile number.
PLANTED_NAME = "Zebedee Quinlan"
PLANTED_MOBILE = "07700 900461"


def test_a_name_and_a_mobile_number_in_an_events_summary_stop_the_build(scenario):
    summary = f"Ring {PLANTED_NAME} on {PLANTED_MOBILE} to ask about the training."
    scenario.write("events/working-together.md", event_markdown(Summary=summary))
    site = scenario.build()
    assert not site.ok
    codes = set(site.codes())
    assert {"PII001", "PII005"} <= codes, site.messages()
    assert PLANTED_NAME not in site.messages() and PLANTED_MOBILE not in site.messages()


def test_the_gate_reads_each_ics_file_as_a_calendar_program_shows_it(scenario):
    # A long summary: the .ics folds it, here and there inside a word.
    summary = (
        "A long summary of the day, " + "with practical exercises in small groups, " * 4 + "and time for questions."
    )
    scenario.write("events/working-together.md", event_markdown(Summary=summary))
    site = scenario.build()
    assert site.ok, site.messages()
    raw = (site.output / "events/working-together.ics").read_text(encoding="utf-8")
    assert summary not in raw  # folded and escaped as written
    read = read_file(str(site.output), "events/working-together.ics")
    assert not read.error
    [text] = [t.text for t in read.texts]
    assert summary in text and "Working together: multi-agency training" in text
    assert t_detects(read)


def t_detects(read) -> bool:
    """Every piece of the .ics goes to the detectors, not to the registers only."""
    return all(t.detect for t in read.texts)


def test_a_name_folded_across_lines_of_an_ics_file_is_read_whole(tmp_path):
    (tmp_path / "events").mkdir()
    folded = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:Ring Zebe\r\n dee Quinlan\\, today\r\nEND:VEVENT\r\n"
    (tmp_path / "events" / "x.ics").write_text(folded + "END:VCALENDAR\r\n", encoding="utf-8")
    [text] = [t.text for t in read_file(str(tmp_path), "events/x.ics").texts]
    assert f"Ring {PLANTED_NAME}, today" in text


VENUE = "Northtown Library, 12 Market Street, Northtown NS2 7RX"


def test_a_venue_address_with_a_postcode_needs_the_allowlist(scenario):
    path = scenario.write("events/working-together.md", event_markdown(Location=VENUE))
    refused = scenario.build()
    assert not refused.ok
    assert "PII002" in [f.code for f in refused.result.findings if Path(f.path).name == path.name], refused.messages()

    (scenario.root / "redaction-allowlist.toml").write_text(
        f'[[allow]]\ntext = "{VENUE}"\nreason = "Public library the board hires for training"\n', encoding="utf-8"
    )
    allowed = scenario.build()
    assert allowed.ok, allowed.messages()
    [event] = vevents(calendar(allowed, "events/working-together.ics"))
    assert str(event["location"]) == VENUE


def test_event_files_named_past_or_calendar_do_not_take_the_sections_addresses(scenario):
    scenario.write("events/past.md", event_markdown("Past"))
    scenario.write("events/calendar.md", event_markdown("Calendar", Start="2027-04-01 10:00", End="2027-04-01 11:00"))
    site = scenario.build(LSCB_TODAY="2027-01-01")
    assert site.ok, site.messages()
    assert slugs(site, "events/") == ["past-event", "calendar-event"]
    assert site.exists("events/past-event.ics") and site.exists("events/calendar-event.ics")
    assert len(vevents(calendar(site, "events/calendar.ics"))) == 2
    assert site.soup("events/past/").find("h1").get_text(strip=True) == "Past training and events"


# The place, audience and cost are plain text: markup written in them is
# shown as written, not read as HTML. As HTML, a block a browser shows on its
# own line (<xmp>, <center>) or a script's comment would hide a name from the
# final check, and these fields are not checked for markup as the body is.
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("Audience", f"Social workers<xmp>{PLANTED_NAME}</xmp>"),
        ("Cost", f"Free<center>{PLANTED_NAME}</center>"),
        ("Audience", f"Social workers<script>/* {PLANTED_NAME} */</script>"),
    ],
)
def test_markup_in_an_events_text_fields_is_shown_as_text_and_read(scenario, field, value):
    path = scenario.write("events/working-together.md", event_markdown(**{field: value}))
    site = scenario.build()
    assert not site.ok
    assert "PII001" in [f.code for f in site.result.findings if Path(f.path).name == path.name], site.messages()


def test_an_events_text_fields_are_escaped_on_its_page(scenario):
    scenario.write(
        "events/working-together.md",
        event_markdown(Audience="Schools <and> colleges", Cost="Free for partners & £40 for others"),
    )
    site = scenario.build()
    assert site.ok, site.messages()
    page = (site.output / "events/working-together/index.html").read_text(encoding="utf-8")
    assert "Schools &lt;and&gt; colleges" in page and "Free for partners &amp; £40 for others" in page
    facts = site.soup("events/working-together/").select_one(".facts").get_text(" ")
    assert "Schools <and> colleges" in facts and "Free for partners & £40 for others" in facts
