"""The clean gate corpus and the false alarms the redaction gate raises on it.

tests/fixtures/gate_corpus/clean/ holds fictional case reviews written the
way boards publish them: title pages that name the independent author and
the chairs, contents lists with page numbers, family tables, chronologies,
glossaries, helplines, the reviewing organisation's address, signature
blocks. Every person in a family is a declared pseudonym, so every finding
the gate raises on these files is a false alarm.

MANIFEST.toml says, for each file, which furniture it contains, which names
it prints as credits, and, when the gate refuses it today, why
(`known_false_alarm`); its `[public]` table lists the public contacts and
the public names the files may print.

This module builds one real site with all the files (publish mode, with the
project's allowlist), measures the false alarms per review and per finding
code, places each finding on a piece of furniture, renders the measurement
as text or Markdown, and checks that the files really are clean.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "gate_corpus" / "clean"
MANIFEST = CORPUS / "MANIFEST.toml"
ALLOWLIST = ROOT / "redaction-allowlist.toml"

# The redaction gate: the pattern checks, the pseudonym, jigsaw and address
# checks on reviews, and the register.
GATE_CODES = ("PII", "REV007", "REV008", "REV010", "REV011", "RED")

FURNITURE = frozenset(
    """
credits post-nominals signature foreword author-bio acknowledgements panel-membership
contents dotted-leaders family-table not-known chronology glossary references
terms-of-reference methodology numbered-paragraphs eponymous-condition eponymous-law
named-after-person council-name nhs-trust agency-address helpline national-review
forename-pseudonym pseudonyms-field metadata title-page body
""".split()
)


@dataclass(frozen=True)
class Entry:
    file: str
    furniture: tuple[str, ...]
    credits: tuple[str, ...]
    known_false_alarm: str = ""


@dataclass(frozen=True)
class Manifest:
    entries: dict[str, Entry]
    helplines: tuple[str, ...]  # public helpline numbers and addresses
    agency: tuple[str, ...]  # the board's and partnership's published contacts
    # Public phrases by furniture tag: {"national-review": ("Timpson Review", ...)}
    phrases: dict[str, tuple[str, ...]]


def load_manifest(path: Path = MANIFEST) -> Manifest:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = {}
    for row in data["review"]:
        entries[row["file"]] = Entry(
            row["file"], tuple(row["furniture"]), tuple(row.get("credits", ())), row.get("known_false_alarm", "")
        )
    public = data["public"]
    return Manifest(
        entries,
        tuple(public["helplines"]),
        tuple(public["agency"]),
        {tag: tuple(texts) for tag, texts in public["phrases"].items()},
    )


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.md"))


def copy_corpus(content: Path) -> None:
    """Put every clean review under content/reviews/."""
    reviews = content / "reviews"
    reviews.mkdir(parents=True, exist_ok=True)
    for path in corpus_files():
        shutil.copyfile(path, reviews / path.name)


def corpus_themes() -> list[str]:
    """Every theme the corpus's reviews use: the corpus is another board's
    site, and declares its own themes (LSCB_THEMES, META007)."""
    themes: list[str] = []
    for path in corpus_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                break
            if line.startswith("Themes:"):
                themes += [t.strip() for t in line.split(":", 1)[1].split(",") if t.strip()]
    return sorted(set(themes))


def build_settings() -> dict:
    """As a board publishes: publish mode, the project's allowlist, the
    corpus's themes."""
    return {"LSCB_MODE": "publish", "REDACTION_ALLOWLIST": str(ALLOWLIST), "LSCB_THEMES": corpus_themes()}


def is_gate(code: str) -> bool:
    return code.startswith(GATE_CODES)


# --- Where a finding is: which piece of furniture --------------------------

_SECTIONS = (
    (re.compile(r"\bcontents\b", re.I), "contents"),
    (re.compile(r"\bglossary\b", re.I), "glossary"),
    (re.compile(r"\breferences?\b|national (?:reports|reviews)", re.I), "references"),
    (re.compile(r"acknowledg|^thanks$", re.I), "acknowledgements"),
    (re.compile(r"\babout the (?:author|reviewer|lead reviewer)", re.I), "author-bio"),
    (re.compile(r"\bforeword\b", re.I), "foreword"),
    (re.compile(r"panel membership", re.I), "panel-membership"),
    (re.compile(r"\bfamily\b|who is who|the children$", re.I), "family-table"),
)
_DATE_ROW = re.compile(r"^\|\s*(?:\d{1,2} [A-Z][a-z]+ \d{4}|Month \d+)\s*\|")
_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
_CONTENTS_LINE = re.compile(r"^(?:#+\s*)?contents\s*$", re.I)


@dataclass
class Document:
    """A review's lines, and which section each line is in."""

    lines: list[str]
    body_start: int  # 1-based number of the first body line
    first_heading: int  # 1-based number of the first `##` heading (0: none)
    section_of: list[str]  # per line (index 0 = line 1): the heading text above it, "" before any

    @classmethod
    def read(cls, path: Path) -> Document:
        lines = path.read_text(encoding="utf-8").splitlines()
        body_start = next((n for n, line in enumerate(lines, 1) if not line.strip()), len(lines)) + 1
        sections, current, first = [], "", 0
        for number, line in enumerate(lines, 1):
            match = _HEADING.match(line) if number >= body_start else None
            if match:
                current = match.group(2)
                first = first or number
            elif number >= body_start and _CONTENTS_LINE.match(line.strip()):
                current = "Contents"  # a contents list on the title page, without a heading
            sections.append(current)
        return cls(lines, body_start, first, sections)

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""


def _contains_any(term: str, texts) -> bool:
    folded = " ".join(term.split()).casefold()
    return any(t.casefold() in folded or folded in t.casefold() for t in texts if t)


def _credit_words(entry: Entry) -> set[str]:
    return {word.casefold() for name in entry.credits for word in re.split(r"[\s-]+", name)}


def furniture_of(finding, entry: Entry, doc: Document, manifest: Manifest) -> str:
    """The piece of furniture a finding is on: one tag of FURNITURE."""
    term = finding.term or ""
    text = doc.line(finding.line)
    stripped = text.strip()
    section = doc.section_of[finding.line - 1] if finding.line <= len(doc.section_of) else ""
    if finding.line < doc.body_start:
        # A header field; "Pseudonyms: ..., Dawn" then "Publication_decision:"
        # was once read as the full name "Dawn Publication".
        return "pseudonyms-field" if stripped.casefold().startswith("pseudonyms:") else "metadata"
    if term and _contains_any(term, manifest.helplines):
        return "helpline"
    if term and _contains_any(term, manifest.agency):
        return "agency-address"
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", term)}
    if words & _credit_words(entry):
        if doc.first_heading == 0 or finding.line < doc.first_heading or section == "Contents":
            return "credits"
        if len(stripped) < 80 and not stripped.startswith(("|", "-", "*")) and not stripped.endswith("."):
            return "signature"
        for pattern, tag in _SECTIONS:
            if pattern.search(section):
                return tag
        return "credits"
    for tag, phrases in manifest.phrases.items():
        if term and _contains_any(term, phrases):
            return tag
    if "\n" in term and finding.code == "REV008":
        # A heading ending in a role word, then a numbered paragraph: "... Officer\n\n7.4.1".
        return "numbered-paragraphs"
    if _DATE_ROW.match(stripped):
        return "chronology"
    for pattern, tag in _SECTIONS:
        if pattern.search(section):
            return tag
    if doc.first_heading and finding.line < doc.first_heading:
        return "title-page"
    return "body"


# --- The measurement ---------------------------------------------------------


@dataclass
class ReviewResult:
    file: str
    refused: bool
    findings: list = field(default_factory=list)  # gate findings, errors and warnings
    places: list[str] = field(default_factory=list)  # furniture tag of each finding


@dataclass
class Measurement:
    reviews: dict[str, ReviewResult]
    words: int

    @property
    def refused(self) -> set[str]:
        return {name for name, result in self.reviews.items() if result.refused}

    def by_code(self) -> dict[str, tuple[int, int, Counter]]:
        """code -> (findings, reviews with one, Counter of furniture tags)."""
        found: dict[str, tuple[int, set, Counter]] = {}
        for result in self.reviews.values():
            for finding, place in zip(result.findings, result.places):
                count, files, tags = found.setdefault(finding.code, (0, set(), Counter()))
                tags[place] += 1
                files.add(result.file)
                found[finding.code] = (count + 1, files, tags)
        return {code: (count, len(files), tags) for code, (count, files, tags) in sorted(found.items())}

    def by_furniture(self) -> Counter:
        return Counter(place for result in self.reviews.values() for place in result.places)

    def total(self) -> int:
        return sum(len(result.findings) for result in self.reviews.values())


def measure(findings, manifest: Manifest) -> Measurement:
    """Gate findings of a build of the whole corpus, per review."""
    reviews = {}
    words = 0
    for path in corpus_files():
        words += len(path.read_text(encoding="utf-8").split())
        reviews[path.name] = ReviewResult(path.name, False)
    docs = {name: Document.read(CORPUS / name) for name in reviews}
    for finding in sorted(findings):
        name = Path(finding.path).name
        if name not in reviews or not is_gate(finding.code):
            continue
        result = reviews[name]
        result.findings.append(finding)
        result.places.append(furniture_of(finding, manifest.entries[name], docs[name], manifest))
        result.refused = result.refused or finding.is_error
    return Measurement(reviews, words)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def summary(measurement: Measurement) -> str:
    total = len(measurement.reviews)
    refused = len(measurement.refused)
    return (
        f"{refused} of {total} clean reviews refused ({_percent(refused, total)}); "
        f"{measurement.total()} findings, every one a false alarm "
        f"({measurement.words} words)"
    )


def _tags(counter: Counter) -> str:
    return ", ".join(f"{tag} {count}" for tag, count in counter.most_common())


def code_rows(measurement: Measurement) -> list[tuple[str, str, str, str]]:
    total = len(measurement.reviews)
    return [
        (code, str(count), f"{files} ({_percent(files, total)})", _tags(tags))
        for code, (count, files, tags) in measurement.by_code().items()
    ]


def review_rows(measurement: Measurement) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, result in sorted(measurement.reviews.items()):
        codes = Counter(f.code for f in result.findings)
        rows.append(
            (
                name,
                "refused" if result.refused else "published",
                ", ".join(f"{code} {n}" for code, n in sorted(codes.items())) or "-",
                _tags(Counter(result.places)) or "-",
            )
        )
    return rows


def text_table(measurement: Measurement) -> str:
    """The measurement for a terminal (pytest -s)."""
    lines = [summary(measurement), "", f"{'code':8} {'findings':>8} {'reviews':>10}  furniture"]
    for code, count, files, tags in code_rows(measurement):
        lines.append(f"{code:8} {count:>8} {files:>10}  {tags}")
    lines += ["", f"{'review':28} {'gate':9} {'findings':28} furniture"]
    for name, verdict, codes, tags in review_rows(measurement):
        lines.append(f"{name:28} {verdict:9} {codes:28} {tags}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_table(measurement: Measurement) -> str:
    """The measurement as a Markdown section, for docs/checks.md."""
    parts = [
        "### False alarms on clean reviews",
        "",
        f"Measured on {len(measurement.reviews)} fictional reviews written as boards publish them "
        "(tests/fixtures/gate_corpus/clean/: title pages with credits, contents lists, "
        "family tables, chronologies, helplines, signature blocks), with no identifier of "
        "any family member in them, built in publish mode with the project's allowlist "
        "(tests/test_gate_corpus_clean.py). Every finding is a false alarm. The whole site is built, so the last look at the built "
        "site (its pages, listings, feeds and search index) is measured too.",
        "",
        f"**{summary(measurement)}.**",
        "",
    ]
    rows = code_rows(measurement)
    if rows:
        parts += [
            "| Code | Findings | Reviews with one | Furniture the findings were on |",
            "| --- | --- | --- | --- |",
        ]
        parts += [f"| {code} | {count} | {files} | {_cell(tags)} |" for code, count, files, tags in rows]
        furniture = measurement.by_furniture()
        parts += ["", "| Furniture | Findings |", "| --- | --- |"]
        parts += [f"| {tag} | {count} |" for tag, count in furniture.most_common()]
    else:
        parts += ["No check reported anything on them."]
    parts += [
        "",
        "<details><summary>Per review</summary>",
        "",
        "| Review | Gate | Findings | Furniture |",
        "| --- | --- | --- | --- |",
    ]
    parts += [
        f"| {name} | {verdict} | {codes} | {_cell(tags)} |" for name, verdict, codes, tags in review_rows(measurement)
    ]
    parts += ["", "</details>", ""]
    return "\n".join(parts)


# --- Is the corpus really clean? --------------------------------------------

_PHONE = re.compile(
    r"(?<![\w/.-])(?:\+44\s?|0)\d(?:[ -]?\d){7,10}(?![\w/-])|(?<!\d)116 ?123(?!\d)|(?<![\d-])\d{5}(?!\d)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_STREET = re.compile(
    r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|Road|Lane|Avenue|Close|Drive|Way|"
    r"Crescent|Court|Gardens|Terrace|Place|Grove|Mews|Row|Square|Walk|Rise|Hill|View)\b"
)
_BIRTH = re.compile(r"\b(?:born\s+on|date\s+of\s+birth|d\.?\s?o\.?\s?b\b|birthday\s+(?:is|was|on))", re.I)
_LONG_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}\b"
)
_PAIR = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_FIELD = re.compile(r"^(\w+):\s*(.*)$")


def header_fields(text: str) -> dict[str, str]:
    fields = {}
    for line in text.split("\n\n", 1)[0].splitlines():
        match = _FIELD.match(line)
        if match:
            fields[match.group(1).casefold()] = match.group(2)
    return fields


def pseudonyms(text: str) -> list[str]:
    return [name.strip() for name in header_fields(text).get("pseudonyms", "").split(",") if name.strip()]


def family_rows(text: str) -> list[str]:
    """First cells of the rows of family tables (a header that mentions a
    relationship or a role), other than the header and the rule."""
    cells, in_family, header = [], False, False
    for line in text.splitlines():
        if not line.startswith("|"):
            in_family = False
            continue
        row = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not in_family and re.search(r"relationship|^role", " ".join(row[1:2] + row[:1]), re.I):
            in_family, header = True, True
            continue
        if in_family and header and set(line.replace("|", "").strip()) <= set("-: "):
            header = False
            continue
        if in_family and row[0]:
            cells.append(row[0])
    return cells


def cleanliness_problems(path: Path, entry: Entry, manifest: Manifest, forenames: frozenset[str]) -> list[str]:
    """What in a clean review could identify a family member: a phone number,
    email or postcode that is not a public one, a date of birth, a family
    table row that is not a declared pseudonym, a full name that is not a
    credit or a public name; and credits the file does not print."""
    text = path.read_text(encoding="utf-8")
    public = manifest.helplines + manifest.agency
    problems = []
    for match in _PHONE.finditer(text):
        if not _contains_any(match.group(0), public):
            problems.append(f"number {match.group(0)!r} is not a public helpline or agency number")
    for match in _EMAIL.finditer(text):
        if match.group(0) not in public:
            problems.append(f"email {match.group(0)!r} is not a public helpline or agency address")
    for match in _POSTCODE.finditer(text):
        if match.group(0) not in public:
            problems.append(f"postcode {match.group(0)!r} is not the board's or the partnership's")
    for match in _STREET.finditer(text):
        if not _contains_any(match.group(0), public):
            problems.append(f"street address {match.group(0)!r} is not the board's or the partnership's")
    for match in _BIRTH.finditer(text):
        problems.append(f"a date of birth: {match.group(0)!r}")
    for match in _LONG_DATE.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()].casefold()
        if "born" in before or "birth" in before:
            problems.append(f"a date next to a birth: {match.group(0)!r}")
    declared = {name.casefold() for name in pseudonyms(text)}
    for cell in family_rows(text):
        if cell.casefold() not in declared:
            problems.append(f"family table row {cell!r} is not in Pseudonyms")
    for credit in entry.credits:
        if credit not in text:
            problems.append(f"credit {credit!r} is not printed in the file")
    allowed = [
        *entry.credits,
        *declared,
        *(p for phrases in manifest.phrases.values() for p in phrases),
        *manifest.phrases.get("public-name", ()),
    ]
    for line in text.splitlines():
        for match in _PAIR.finditer(line):
            forename, surname = match.groups()
            if forename.casefold() not in forenames or surname.casefold() in _NOT_A_SURNAME:
                continue
            pair = match.group(0)
            if any(pair.casefold() in a.casefold() or a.casefold() in pair.casefold() for a in allowed):
                continue
            if any(surname.casefold() in a.casefold().split() for a in entry.credits):
                continue  # "Dr Arkwright": a credit's surname
            problems.append(f"{pair!r} looks like a full name that is not a credit or a public name")
    return problems


# Capitalised words that follow a forename-shaped word in ordinary text of
# these reviews ("May Northshire", "Will Child", "Grace Academy").
_NOT_A_SURNAME = frozenset(
    """
northshire westmarch eastwold child children baby babies young sibling siblings mother father
school schools practice college academy nursery hospital trust council board partnership panel
review reviews report police service services team group unit centre home house law act
the a an and or of in on at to for with by
""".split()
)
