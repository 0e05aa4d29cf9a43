"""Listen to this page (theme/js/listen.js): the page's main content read
aloud by the browser's own speech synthesis, in order, one sentence at a
time, with the sentence's block highlighted; play, pause, resume and stop from
the keyboard; the control shown only where speech works.

The browser's speechSynthesis is replaced by a test double (an init script,
run before the page's own scripts) that records every utterance and the calls
made to it, and answers as a browser does: asynchronously. Each check has a
twin that runs it on a broken copy of the site and shows it failing there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lscb_audit.browser import Requests, new_context

GUIDANCE = "guidance/roles-of-agencies/"
REVIEW = "reviews/child-l/"  # has an image with alt text
HOME = ""
PAGES = [GUIDANCE, REVIEW, HOME]

# The test double. __speech.auto: each utterance ends by itself a moment after
# it starts (as a voice finishes a sentence); otherwise __speech.end() ends it.
DOUBLE = """
(() => {
  const log = window.__speech = {texts: [], langs: [], calls: [], auto: %(auto)s, current: null};
  function SpeechSynthesisUtterance(text) { this.text = text; this.lang = ''; this.onend = null; this.onerror = null; }
  const synth = {
    speaking: false, pending: false, paused: false,
    speak(u) {
      log.calls.push('speak'); log.texts.push(u.text); log.langs.push(u.lang);
      log.current = u; this.speaking = true;
      if (log.auto) setTimeout(() => { if (!synth.paused) log.end(u); }, 1);
    },
    pause() { log.calls.push('pause'); this.paused = true; },
    resume() { log.calls.push('resume'); this.paused = false; },
    cancel() {
      log.calls.push('cancel');
      const u = log.current; log.current = null; this.speaking = false;
      // As browsers do, the utterance cut short reports it, late (an error, then an end).
      if (u) setTimeout(() => { u.onerror && u.onerror({error: 'interrupted'}); u.onend && u.onend({}); }, 1);
    },
    getVoices() { return []; },
  };
  log.end = (u) => {
    u = u || log.current;
    if (!u || u !== log.current) return;
    log.current = null; synth.speaking = false;
    setTimeout(() => u.onend && u.onend({}), 1);
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true, writable: true});
  window.SpeechSynthesisUtterance = SpeechSynthesisUtterance;
})();
"""
NO_SPEECH = """
delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;
try { delete Window.prototype.speechSynthesis; } catch (e) {}
"""

# What a reader sees of <main>, without the parts that are not read (the
# control, navigation such as the contents list, "Back to top"): innerText,
# so only what is shown, in document order. Computed after the reading.
SHOWN_TEXT = """() => {
  const main = document.getElementById('main-content');
  const left = main.querySelectorAll(
    '[data-module="listen"], nav, [role="navigation"], .back-to-top, .footnote-backref, [aria-hidden="true"]');
  left.forEach(el => el.setAttribute('data-was-hidden', el.hidden ? 'yes' : 'no'));
  left.forEach(el => { el.hidden = true; });
  // An image is heard as "Image: " and its alt text, where it stands.
  const said = Array.from(main.querySelectorAll('img[alt]')).filter(img => img.alt.trim()).map(img => {
    const span = document.createElement('span');
    span.textContent = ' Image: ' + img.alt.trim() + (/[.!?]$/.test(img.alt.trim()) ? ' ' : '. ');
    img.before(span);
    return span;
  });
  const text = main.innerText;
  said.forEach(span => span.remove());
  left.forEach(el => { el.hidden = el.getAttribute('data-was-hidden') === 'yes'; });
  return text;
}"""
# Text anywhere outside <main>, and the navigation inside it: never read.
NOT_CONTENT = """() => Array.from(document.querySelectorAll(
    'body > header, body > footer, .skip-link, .breadcrumbs, main nav, [data-module="listen"], .back-to-top'))
  .map(el => el.innerText.trim()).filter(Boolean)"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _context(browser, auto: bool = True, speech: bool = True, **options):
    context = new_context(browser, options.pop("mode", "default"), **options)
    context.add_init_script(DOUBLE % {"auto": "true" if auto else "false"} if speech else NO_SPEECH)
    return context


def _read_to_the_end(page) -> list[str]:
    page.get_by_role("button", name="Listen to this page").click()
    page.wait_for_function("() => document.querySelector('[data-module=listen]').dataset.listenState === 'idle'")
    return page.evaluate("() => window.__speech.texts")


def reading_problems(page, address: str) -> list[str]:
    """What is wrong with a reading of the whole page: texts spoken that are
    not the main content, in order; navigation or the header read; more than
    one sentence in an utterance; the wrong language."""
    problems = []
    spoken = _read_to_the_end(page)
    shown = _norm(page.evaluate(SHOWN_TEXT))
    heard = _norm(" ".join(spoken))
    if heard != shown:
        at = next((i for i, (a, b) in enumerate(zip(heard, shown)) if a != b), None)
        if at is None:
            at = min(len(heard), len(shown))
        problems.append(
            f"/{address}: heard is not the main content at {at}: "
            f"heard {heard[max(0, at - 40) : at + 60]!r}, shown {shown[max(0, at - 40) : at + 60]!r}"
        )
    h1 = _norm(page.locator("main h1").inner_text())
    if not spoken or spoken[0] != h1:
        problems.append(f"/{address}: the first thing read is {spoken[:1]}, not the heading {h1!r}")
    for text in page.evaluate(NOT_CONTENT):
        for line in filter(None, (_norm(t) for t in text.split("\n"))):
            if len(line) > 12 and line not in shown and any(line in s for s in spoken):
                problems.append(f"/{address}: read {line!r}, which is not the main content")
    for text in spoken:
        # "Sentence one. Sentence two": a full stop, a space, a capital, inside one utterance.
        if re.search(r"[a-z]{3}[.!?] [A-Z][a-z]", text):
            problems.append(f"/{address}: more than one sentence in one utterance: {text[:80]!r}")
    lang = page.evaluate("() => document.documentElement.lang")
    langs = set(page.evaluate("() => window.__speech.langs"))
    if not lang or langs != {lang}:
        problems.append(f"/{address}: utterances in {langs}, the page is in {lang!r}")
    return problems


def _edit(folder: Path, relative: str, old: str, new: str) -> None:
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _edit_pages(folder: Path, old: str, new: str) -> None:
    for path in folder.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")


LISTEN_JS = "theme/js/listen.js"


def _add_css(folder: Path, css: str) -> None:
    with open(folder / "theme" / "css" / "main.css", "a", encoding="utf-8") as sheet:
        sheet.write("\n" + css + "\n")


# ---- Reading: the main content, in order, a sentence at a time ----------------


def _reading(browser, url: str, pages: list[str]) -> list[str]:
    context = _context(browser)
    page = context.new_page()
    requests = Requests(page, url)
    problems = []
    try:
        for address in pages:
            page.goto(url + address)
            before = page.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]")
            problems += reading_problems(page, address)
            after = page.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]")
            if before != after:
                problems.append(f"/{address}: cookies or storage changed by the reading: {before} -> {after}")
    finally:
        context.close()
    problems += [f"/{page}: a request to another host: {to}" for page, to in requests.elsewhere]
    return problems


def test_the_main_content_is_read_in_order_one_sentence_at_a_time(served_site, browser):
    problems = _reading(browser, served_site.url, PAGES)
    assert not problems, "\n".join(problems)


def test_the_image_is_read_by_its_alt_text_where_it_stands(served_site, browser):
    context = _context(browser)
    page = context.new_page()
    page.goto(served_site.url + REVIEW)
    alt = page.locator("main img[alt]").first.get_attribute("alt")
    spoken = _read_to_the_end(page)
    context.close()
    assert alt and f"Image: {_norm(alt)}" in _norm(" ".join(spoken)), spoken
    assert any(text.startswith("Image: Family network diagram") for text in spoken), spoken


@pytest.mark.parametrize(
    "broken, old, new",
    [
        (
            "reads the whole body",
            'var main = document.querySelector("main") || document.getElementById("main-content");',
            "var main = document.body;",
        ),
        ("reads navigation in main", "var SKIP_TAGS = /^(NAV|", "var SKIP_TAGS = /^("),
        (
            "reads whole paragraphs",
            "while ((match = SENTENCE_END.exec(text)) !== null) {",
            "while ((match = SENTENCE_END.exec(text)) !== null && false) {",
        ),
        ("reads what is hidden", "if (!element.getClientRects().length &&", "if (false &&"),
        ("no language", "if (language) { utterance.lang = language; }", ""),
    ],
)
def test_twin_a_reading_of_the_wrong_text_is_reported(browser, broken_copy, broken, old, new):
    with broken_copy() as (folder, url):
        _edit(folder, LISTEN_JS, old, new)
        _add_css(folder, HIDE_A_PARAGRAPH)
        problems = _reading(browser, url, [GUIDANCE])
    assert problems, f"a copy that {broken} passed"


# A paragraph and a heading the page's style hides: a reader does not see them.
HIDE_A_PARAGRAPH = "#para-2, #about-this-guidance { display: none; }"


def test_what_the_page_hides_is_not_read(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(folder, HIDE_A_PARAGRAPH)
        problems = _reading(browser, url, [GUIDANCE])
    assert not problems, "\n".join(problems)


# ---- Play, pause, resume, stop ---------------------------------------------------


def control_problems(page) -> list[str]:
    """Drive the control by its buttons (the double does not end utterances by
    itself) and report what was not as it should be."""
    problems = []

    def state() -> dict:
        return page.evaluate("""() => {
            const m = document.querySelector('[data-module=listen]');
            const [toggle, stop] = m.querySelectorAll('button');
            return {calls: window.__speech.calls.slice(), toggle: toggle.textContent.trim(),
                    stop: !stop.hidden && stop.getBoundingClientRect().height > 0,
                    status: m.querySelector('[role=status]').textContent,
                    paused: window.speechSynthesis.paused, spoken: window.__speech.texts.length,
                    highlighted: document.querySelectorAll('.listen-reading').length};
        }""")

    def expect(step: str, got: dict, **wanted) -> None:
        for key, value in wanted.items():
            if got[key] != value:
                problems.append(f"{step}: {key} is {got[key]!r}, expected {value!r}")

    toggle = page.locator('[data-listen="toggle"]')
    toggle.click()
    first = state()
    expect("play", first, toggle="Pause reading", stop=True, status="Reading the page aloud.", spoken=1, highlighted=1)
    if first["calls"][-1:] != ["speak"]:
        problems.append(f"play: calls {first['calls']}, expected to end with speak")
    toggle.click()
    paused = state()
    expect("pause", paused, toggle="Resume reading", stop=True, status="Paused.", paused=True)
    if paused["calls"][len(first["calls"]) :] != ["pause"]:
        problems.append(f"pause: calls {paused['calls'][len(first['calls']) :]}, expected ['pause']")
    toggle.click()
    resumed = state()
    expect("resume", resumed, toggle="Pause reading", paused=False, status="Reading the page aloud.")
    if resumed["calls"][len(paused["calls"]) :] != ["resume"]:
        problems.append(f"resume: calls {resumed['calls'][len(paused['calls']) :]}, expected ['resume']")
    page.evaluate("() => window.__speech.end()")
    for _ in range(30):
        if page.evaluate("() => window.__speech.texts.length") == 2:
            break
        page.wait_for_timeout(100)
    else:
        problems.append("resume: the next sentence was not read when the first one ended")
    page.locator('[data-listen="stop"]').click(timeout=2000)
    stopped = state()
    expect("stop", stopped, toggle="Listen to this page", stop=False, status="Stopped reading.", highlighted=0)
    if stopped["calls"][len(resumed["calls"]) + 1 :][:1] != ["cancel"]:
        problems.append(f"stop: calls {stopped['calls'][len(resumed['calls']) :]}, expected speak then cancel")
    page.wait_for_timeout(50)  # the cancelled utterance's late events must not start it again
    if state()["spoken"] != 2:
        problems.append("stop: reading went on after Stop")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    if focused != "Listen to this page":
        problems.append(f"stop: focus went to {focused!r}, not back to the Listen button")
    return problems


def _control(browser, url: str) -> list[str]:
    context = _context(browser, auto=False)
    page = context.new_page()
    page.goto(url + GUIDANCE)
    try:
        return control_problems(page)
    finally:
        context.close()


def test_pause_resume_and_stop_call_the_browser_and_say_what_they_did(served_site, browser):
    problems = _control(browser, served_site.url)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "broken, old, new",
    [
        ("pauses by cancelling", "window.speechSynthesis.pause();", "window.speechSynthesis.cancel();"),
        ("keeps its label", "toggle.textContent = labels[next];", ""),
        ("stops without cancelling", "window.speechSynthesis.cancel();\n      finish(", "finish("),
        ("goes on after stop", "run += 1;\n      speaking = null;", "speaking = null;"),
    ],
)
def test_twin_controls_that_do_the_wrong_thing_are_reported(browser, broken_copy, broken, old, new):
    with broken_copy() as (folder, url):
        _edit(folder, LISTEN_JS, old, new)
        problems = _control(browser, url)
    assert problems, f"a copy that {broken} passed"


# ---- The highlight: on the block being read, visible in every mode ----------------

HIGHLIGHT = """() => {
  const marked = Array.from(document.querySelectorAll('.listen-reading'));
  const current = window.__speech.texts[window.__speech.texts.length - 1];
  const el = marked[0];
  const s = el && getComputedStyle(el);
  return {count: marked.length, current,
          text: el ? el.textContent.replace(/\\s+/g, ' ') : '',
          outline: s ? {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor} : null,
          background: getComputedStyle(document.body).backgroundColor};
}"""


def _luminance(colour: str) -> float:
    values = [float(v) for v in re.findall(r"[\d.]+", colour)[:3]]
    channels = [(v / 255 / 12.92) if v / 255 <= 0.03928 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def highlight_problems(browser, url: str, mode: str = "default", media: dict | None = None) -> list[str]:
    context = _context(browser, auto=False, mode=mode)
    page = context.new_page()
    if media:
        page.emulate_media(**media)
    page.goto(url + GUIDANCE)
    problems = []
    try:
        page.get_by_role("button", name="Listen to this page").click()
        for step in range(12):  # the heading, the summary, the facts, into the numbered paragraphs
            got = page.evaluate(HIGHLIGHT)
            where = f"{mode}, utterance {step + 1} ({got['current'][:40]!r})"
            if got["count"] != 1:
                problems.append(f"{where}: {got['count']} elements highlighted, expected 1")
            elif got["current"] not in _norm(got["text"]) or len(got["text"]) > 4 * len(got["current"]) + 200:
                problems.append(f"{where}: the highlighted element is not the one being read: {got['text'][:60]!r}")
            outline = got["outline"]
            if not outline or outline["style"] == "none" or outline["width"] < 3:
                problems.append(f"{where}: the highlight has no visible outline: {outline}")
            elif not media and _contrast(outline["colour"], got["background"]) < 3:
                problems.append(f"{where}: the highlight's outline is below 3:1 on the page: {outline}")
            count = len(page.evaluate("() => window.__speech.texts"))
            page.evaluate("() => window.__speech.end()")
            page.wait_for_function(f"() => window.__speech.texts.length > {count}")
    finally:
        context.close()
    return problems


@pytest.mark.parametrize(
    "mode, media",
    [("default", None), ("large-text", None), ("high-visibility", None), ("default", {"forced_colors": "active"})],
)
def test_the_block_being_read_is_highlighted_in_every_mode(served_site, browser, mode, media):
    problems = highlight_problems(browser, served_site.url, mode, media)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "broken, file, old, new",
    [
        ("highlights the whole page", LISTEN_JS, "var element = sentence.block.element;", "var element = main;"),
        ("highlights nothing", LISTEN_JS, "element.classList.add(HIGHLIGHT_CLASS);", ""),
        (
            "has no outline in high visibility",
            "theme/css/main.css",
            "outline: 0.25rem dashed #00ffff;",
            "outline: none;",
        ),
    ],
)
def test_twin_a_wrong_or_invisible_highlight_is_reported(browser, broken_copy, broken, file, old, new):
    with broken_copy() as (folder, url):
        _edit(folder, file, old, new)
        problems = highlight_problems(browser, url, "high-visibility")
    assert problems, f"a copy that {broken} passed"


# ---- Keyboard -------------------------------------------------------------------------


def keyboard_problems(browser, url: str) -> list[str]:
    context = _context(browser, auto=False)
    page = context.new_page()
    page.goto(url + GUIDANCE)
    problems = []
    try:
        for _ in range(60):  # Tab from the top of the page to the control
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.dataset.listen === 'toggle'"):
                break
        else:
            return ["Tab never reaches the Listen button"]
        page.keyboard.press("Enter")
        if page.evaluate("() => window.__speech.texts.length") != 1:
            problems.append("Enter on Listen did not start reading")
        page.keyboard.press("Space")
        if not page.evaluate("() => window.speechSynthesis.paused"):
            problems.append("Space on Pause did not pause")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.listen") != "stop":
            problems.append("Tab from Pause does not reach Stop")
        page.keyboard.press("Enter")
        if page.evaluate("() => document.activeElement.dataset.listen") != "toggle":
            problems.append("after Stop, focus is not on the Listen button")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        state = page.evaluate("() => document.querySelector('[data-module=listen]').dataset.listenState")
        if state != "idle":
            problems.append(f"Escape did not stop the reading: {state}")
    finally:
        context.close()
    return problems


def test_the_control_works_from_the_keyboard(served_site, browser):
    problems = keyboard_problems(browser, served_site.url)
    assert not problems, "\n".join(problems)


def test_twin_a_control_that_is_not_a_button_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(
            folder,
            GUIDANCE + "index.html",
            '<button type="button" class="listen__button listen__toggle"',
            '<button type="button" tabindex="-1" class="listen__button listen__toggle"',
        )
        problems = keyboard_problems(browser, url)
    assert problems == ["Tab never reaches the Listen button"]


# ---- Offered only where it can work -------------------------------------------------


def shown_on(browser, url: str, pages: list[str], **options) -> list[str]:
    """The pages, of those given, on which the control is visible."""
    context = _context(browser, **options)
    page = context.new_page()
    shown = []
    try:
        for address in pages:
            page.goto(url + address)
            page.wait_for_load_state("load")  # the deferred script has run
            if page.locator('[data-module="listen"]').is_visible():
                shown.append(address)
    finally:
        context.close()
    return shown


def test_shown_where_speech_works_and_hidden_without_it_or_without_javascript(served_site, browser):
    some = served_site.samples
    assert shown_on(browser, served_site.url, some) == some
    assert shown_on(browser, served_site.url, some, speech=False) == []
    assert shown_on(browser, served_site.url, some, java_script_enabled=False) == []


def test_the_double_really_takes_speech_away(served_site, browser):
    context = _context(browser, speech=False)
    page = context.new_page()
    page.goto(served_site.url)
    assert page.evaluate("() => 'speechSynthesis' in window || 'SpeechSynthesisUtterance' in window") is False
    context.close()


def test_twin_a_control_shown_without_speech_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(
            folder,
            LISTEN_JS,
            'if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function")',
            "if (false)",
        )
        assert shown_on(browser, url, [GUIDANCE], speech=False) == [GUIDANCE]


def test_twin_a_control_shown_without_javascript_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit_pages(folder, 'data-module="listen" data-pagefind-ignore hidden>', 'data-module="listen">')
        assert shown_on(browser, url, [GUIDANCE], java_script_enabled=False) == [GUIDANCE]
