"""People's names written other than "Jane Smith": in capitals or lower
case or each word in its own case, surname first (with a comma or not, or
before one initial: "QUINLAN Z"), in two cells of a table, as an initial
and a surname, after a title with a full stop, joined by a
hyphen, run together in a handle or hashtag or joined in a user name or a
web address, or with a forename the main forename list does not hold.

The full-name check (lscb_checks.checks.pii_names, PII001) finds a name by
its capitals: a known forename followed by a capitalised surname. Written
otherwise, the capitals say nothing, so the evidence has to come from the
words themselves: a forename from the list followed by a family name from
lscb_checks/data/surnames.txt that is not an everyday English word
(lscb_checks/data/english-words.txt): "zebedee quinlan" and "THE REVIEWER
MET ZEBEDEE QUINLAN" are names; "cyan links", "WILL CAUSE" and, missed for
the same reason, "jane smith" in lower case are not.

Each function gives (start, end, term, what) for the names it finds, with
`term` the name as words ("Zebedee Quinlan") for the allowlist, the declared
pseudonyms and the message.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .everyday import easy_words
from .forenames import NOT_FORENAMES, fold
from .wordlists import everyday_words, surnames, wide_forenames

# Titles that are read before a surname in any case: "MRS QUINLAN", "mrs quinlan".
CASE_BLIND_TITLES = frozenset("mr mrs ms mx miss dr".split())
# Words that name a person before a surname only when the surname is a family
# name that is not an everyday word: "Baby Quinlan" (a maternity ward's
# label), "Master Quinlan", "Lady Quinlan"; not "Baby Steps", "Master Plan".
WEAK_TITLES = frozenset("baby master lady".split())
_WORDS = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_OR_HYPHEN = re.compile(r"[^\W\d_]|-")
# Between a forename and a surname: spaces, a line break, or the edge of a
# table cell ("| ZEBEDEE | QUINLAN |"); after a title, a full stop too.
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \t\u00a0]*\|[ \t\u00a0]*)"
_NEXT = re.compile(_GAP + r"([A-Za-z]{2,})(?![^\W\d_\-])")
_NEXT_AFTER_TITLE = re.compile(r"\.?" + _GAP + r"([A-Za-z]{2,})(?![^\W\d_\-])")
_AFTER = re.compile(r"[ \t\u00a0]+([A-Za-z]+)")
_HANDLE = re.compile(r"[@#]([^\W\d_][\w.]{3,})")
_BEFORE_HANDLE = re.compile(r"[\w@#/&]")
_CAMEL = re.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")
# A token whose words are joined by "_", ".", "-" or "/": a user name
# ("zebedee_quinlan17"), a profile address ("instagram.com/zebedee.quinlan").
_JOINED = re.compile(r"[^\W\d_][\w.\-/@]*[_.\-/@][\w.\-/@]*[^\W_]")
_JOINER = re.compile(r"[^\W\d_][_.\-/@]+[^\W_]")
# Abbreviations after a name run together that make it an organisation's
# handle: "@LucyFaithfullFdn".
_ORGANISATION_PARTS = frozenset("fdn fndn fdtn found ltd cic org uk hq official".split())
# After an initial and a surname, a reference to somebody's published work:
# "M. Brandon et al.", "E. Munro (2011)", "E. Munro, *Effective Child
# Protection*", "E. Munro, 2011"; not the years of a life, "(2017 to 2023)".
_YEAR = r"(?:19|20)\d\d[a-z]?"
_CITATION_AFTER = re.compile(
    r"[ \t\u00a0]*(?:et\.?[ \t\u00a0]+al\b|\((?:eds?\.?\)|[ \t\u00a0]*" + _YEAR + r"[ \t\u00a0]*[,;:)])"
    r"|,?[ \t\u00a0]+" + _YEAR + r"\b(?![ \t\u00a0]*(?:to|-|–|—)[ \t\u00a0]*\d)|[,:][ \t\u00a0]*[*_\"“‘'])")
# An initial: a letter, then a full stop or a space or both, up to three
# times ("Z. Quinlan", "Z Quinlan", "Z.Quinlan", "z quinlan", "Z. J. Quinlan").
# "A" and "I" without a full stop are words.
_INITIALS = re.compile(r"(?:[A-Za-z](?:\.[ \t\u00a0]*|[ \t\u00a0]+)){0,2}[A-Za-z](?:\.[ \t\u00a0]*|[ \t\u00a0]+)")
_SURNAME_AT = re.compile(r"[A-Za-z][A-Za-z]+(?:['’\-][A-Za-z]+)*")
# Words before an initial that make it a label: "Child Z", "SIBLING Q", "Appendix B".
_LABELS = frozenset("""
child children sibling siblings baby infant school family case appendix annex chapter section part table
figure page person young adult mother father parent carer unit ward room plan option stage level phase
step type grade class key tier group area site house flat year practitioner worker agency
""".split())
# A name followed by an agency in brackets is a panel member: "J. Singh (Police)".
_AGENCY_AFTER = re.compile(r"[ \t\u00a0]*\(([A-Z][^()\n]{1,60})\)")
_AGENCY_WORDS = frozenset("""
police constabulary health education nhs icb ccg council school schools social care probation housing
children's childrens adult adults services service hospital trust gp health-visiting cafcass ofsted
local authority safeguarding partnership chair panel nursing midwifery paediatrics
""".split())
# "QUINLAN, ZEBEDEE": a surname, a comma, a forename (police records).
_SURNAME_FIRST = re.compile(r"([A-Za-z][A-Za-z'’\-]+),[ \t\u00a0]*([A-Za-z]{2,})(?![^\W\d_\-])")


@functools.lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Words that are never read as a forename or a surname where the
    capitals give no evidence: the Dale-Chall easy words (textstat), the
    words the forename list drops, and the names checks' own word lists."""
    from . import name_words

    return (easy_words() | NOT_FORENAMES | name_words.NOT_SURNAMES
            | name_words.WORD_FORENAMES | name_words.MONTHS | name_words.AFTER_NAME | name_words.TITLES)


def _is_surname(folded: str) -> bool:
    return folded in surnames() and folded not in ordinary_words()


def _strong(folded: str) -> bool:
    """A family name that is not an everyday word (the evidence rule)."""
    return _is_surname(folded) and folded not in everyday_words()


def _pair(forename: str, surname: str, names: frozenset[str]) -> bool:
    """Whether two words, in any case, are a forename and a surname."""
    first, second = fold(forename), fold(surname)
    return _forename(first, names) and _strong(second)


def _forename(key: str, names: frozenset[str]) -> bool:
    """A folded word that is a forename where the capitals give no evidence:
    from the main list or the wide one ("yusra"), never an ordinary word.
    The family name after it is the evidence (see _strong)."""
    return (key in names or key in wide_forenames()) and key not in ordinary_words()


def _titled(title: str, surname: str) -> bool:
    key = fold(title)
    return (key in CASE_BLIND_TITLES or key in WEAK_TITLES) and _strong(fold(surname))


def _case(word: str) -> str:
    """ "lower", "upper", "title" or "" (mixed, "McQuinlan") for a word."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper" if len(word) > 1 else "title"
    return "title" if word[1:].islower() else ""


class Look:
    """A first look at a text, mostly in C: its words, each once, and those
    of them that are family names and not everyday words."""

    def __init__(self, text: str, begin: int = 0, stop: int | None = None):
        stop = len(text) if stop is None else stop
        self.pieces = set((text[begin:stop] if begin or stop < len(text) else text).split())
        self.words = {piece for piece in self.pieces if piece.isalpha()}
        self.words.update(word for piece in self.pieces if not piece.isalpha() for word in _WORDS.findall(piece))
        folded = {word: word.lower() if word.isascii() else fold(word) for word in self.words}
        strong = (set(folded.values()) & surnames()) - ordinary_words() - everyday_words()
        self.strong = {word for word, key in folded.items() if key in strong}


def _organisation_after(text: str, end: int, stop: int) -> bool:
    """Whether a word such as Foundation, School or Trust follows a name:
    "THE LUCY FAITHFULL FOUNDATION", "lucy faithfull foundation"."""
    from .name_words import AFTER_NAME

    after = _AFTER.match(text, end, stop)
    return bool(after) and fold(after.group(1)) in AFTER_NAME


def case_blind(text: str, begin: int, stop: int, names: frozenset[str],
               look: Look | None = None) -> Iterator[tuple[int, int, str, str]]:
    """Names whose capitals give no evidence, each word in any case: "zebedee
    quinlan", "ZEBEDEE QUINLAN" in a line of capitals, "ZEBEDEE Quinlan",
    "zebedee Quinlan", "Zebedee QUINLAN", in two cells of a table ("|
    ZEBEDEE | QUINLAN |"); a title and a surname, "mrs quinlan", "MRS.
    QUINLAN", "Baby Quinlan". (Both words in title case are PII001's.)"""
    look = look or Look(text, begin, stop)
    # The surname decides: without a family name that is not an everyday
    # word, there is nothing to read.
    if not look.strong:
        return
    starts_of = _starts(names)
    found = [(written, _case(written)) for written in look.words if written.lower() in starts_of]
    # A forename in title case before a surname in lower case or capitals,
    # "Zebedee QUINLAN": read from the forename or from the surname,
    # whichever the text has fewer of.
    plain = [written for written in look.strong if _case(written) in ("lower", "upper")]
    titled = [written for written, kind in found if kind == "title" and written.lower() not in WEAK_TITLES]
    from_forename = bool(plain) and len(titled) <= len(plain)
    for written, kind in found:
        key = written.lower()
        weak = key in WEAK_TITLES
        if not kind or (kind == "title" and not weak and not from_forename):
            continue
        title = key in CASE_BLIND_TITLES or weak
        next_word = _NEXT_AFTER_TITLE if title else _NEXT
        # The word, then what is before it: the regular expression engine
        # then skips fast to the word.
        for match in re.finditer(written + r"(?![^\W\d_\-])", text[:stop]):
            here = match.start()
            if here < begin or here and _LETTER.match(text, here - 1):
                continue  # part of a longer word
            following = next_word.match(text, match.end(), stop)
            if not following:
                continue
            second = following.group(1)
            if not _case(second) or (kind == "title" and not weak and _case(second) == "title"):
                continue  # "Zebedee Quinlan": PII001's
            if not (_titled(key, second) if title else _pair(key, second, names)):
                continue
            if _organisation_after(text, following.end(), stop):
                continue  # "THE LUCY FAITHFULL FOUNDATION"
            yield (here, following.end(), f"{key.title()} {second.title()}",
                   "name" if title else "full name")
    # A forename in title case before a surname in lower case or capitals,
    # "Zebedee QUINLAN": from the surname, of which there are few.
    for written in (plain if titled and not from_forename else ()):
        for match in re.finditer(written + r"(?![^\W\d_\-])", text[:stop]):
            here = match.start()
            if here <= begin or _LETTER.match(text, here - 1):
                continue
            before = _TITLE_CASE_BEFORE.search(text, max(begin, here - 40), here)
            if not before:
                continue
            forename = before.group(1)
            key = forename.lower()
            title = key in CASE_BLIND_TITLES or key in WEAK_TITLES
            if key not in starts_of or (before.group(2) and not title) \
                    or not (_titled(key, written) if title else _pair(key, written, names)) \
                    or _organisation_after(text, match.end(), stop):
                continue
            yield (before.start(1), match.end(), f"{key.title()} {written.title()}",
                   "name" if title else "full name")


_TITLE_CASE_BEFORE = re.compile(r"(?<![^\W\d_'’\-])([A-Z][a-z]+)(\.?)" + _GAP + "$")


@functools.lru_cache(maxsize=4)
def _starts(names: frozenset[str]) -> frozenset[str]:
    """Words that can start a name in lower case or capitals."""
    return frozenset(name for name in names | wide_forenames() if name.isalpha() and name.isascii()
                     and name not in ordinary_words()) | CASE_BLIND_TITLES | WEAK_TITLES


def surname_first(text: str, begin: int, stop: int, names: frozenset[str]) -> Iterator[tuple[int, int, str, str]]:
    """A surname, a comma and a forename, as police records write them:
    "QUINLAN, ZEBEDEE", "Quinlan, Zebedee"; the surname a family name that
    is neither an everyday word nor a forename, and not a reference to
    published work ("Munro, Eileen (2011)")."""
    for comma in _COMMA_WORD.finditer(text, begin, stop):
        forename = comma.group(1)
        key = forename.lower()
        if not _forename(key, names) or not _case(forename):
            continue
        before = _WORD_BEFORE_COMMA.search(text, max(begin, comma.start() - 40), comma.start())
        if not before:
            continue
        surname = before.group(1)
        if not _case(surname) or not strong_surname(surname, names):
            continue
        end = comma.end()
        if _CITATION_AFTER.match(text, end, stop) or _MIDDLE_INITIAL.match(text, end, stop) \
                or _organisation_after(text, end, stop):
            continue
        if forename[0].isupper() and not forename.isupper() and _LIST_NAME_AFTER.match(text, end, stop):
            continue  # "Dr Arkwright, Alan Whitcombe and ...": a list of people, the comma between two
        if _TITLE_BEFORE.search(text, max(begin, before.start(1) - 12), before.start(1)):
            continue  # "Dr Arkwright, Alan ...": a title and a surname, then a list
        yield before.start(1), end, f"{forename.title()} {surname.title()}", "full name"


_COMMA_WORD = re.compile(r",[ \t\u00a0]*([A-Za-z]{2,})(?![^\W\d_\-])")
_WORD_BEFORE_COMMA = re.compile(r"(?<![^\W\d_'’\-])([A-Za-z]{2,})$")
_MIDDLE_INITIAL = re.compile(r"[ \t\u00a0]*[A-Z]\.")
_LIST_NAME_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|Cllr|MR|MRS|MS|DR)\.?[ \t\u00a0]+$")


def initials(text: str, begin: int, stop: int, look: Look | None = None) -> Iterator[tuple[int, int, str, str]]:
    """An initial and a family name that is not an everyday word, in any
    case and with or without a full stop or a space: "Z. Quinlan", "Z
    Quinlan", "Z.Quinlan", "Z. QUINLAN", "z quinlan", "Z. J. Quinlan"; not a
    label ("Child Z Quinlan"), a reference to published work ("E. Munro
    (2011)", "M. Brandon et al.") or a panel member with an agency in
    brackets ("J. Singh (Police)")."""
    look = look or Look(text, begin, stop)
    if not look.strong:
        return
    letters = {word for word in look.words if len(word) == 1 and word.isascii()}
    if not letters:
        return
    # "a" and "I" are words: initials only with a full stop.
    pattern = "[" + "".join(sorted(letters - set("aAiI"))) + "]" if letters - set("aAiI") else ""
    if letters & set("aAiI"):
        pattern = "|".join(filter(None, (pattern, "[" + "".join(sorted(letters & set("aAiI"))) + r"](?=\.)")))
    # From a space or an opening mark: the engine skips fast to those.
    start_at = re.compile(r"[\s(\[{\"'“‘*_|>](" + pattern + r")(?=[. \t\u00a0])")
    first = re.compile("(" + pattern + r")(?=[. \t\u00a0])").match(text, begin, stop)
    for initial in ((first,) if first else ()) + tuple(start_at.finditer(text, begin, stop)):
        here = initial.start(1)
        if here > begin and text[here - 1] in "'’" and _LETTER.match(text, here - 2):
            continue  # "child's"
        run = _INITIALS.match(text, here, stop)
        if not run:
            continue
        surname = _SURNAME_AT.match(text, run.end(), stop)
        if not surname:
            continue
        word = surname.group(0)
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
        if word not in look.strong:
            continue
        if any(piece.lower() in ("a", "i") and not dot for piece, dot in _INITIAL_PARTS.findall(run.group(0))[1:]):
            continue  # "Z a Quinlan"
        end = run.end() + len(word)
        if _CITATION_AFTER.match(text, end, stop) or _organisation_after(text, end, stop):
            continue
        agency = _AGENCY_AFTER.match(text, end, stop)
        if agency and any(fold(part) in _AGENCY_WORDS for part in _AGENCY_PART.findall(agency.group(1))):
            continue  # "J. Singh (Police)": a panel member
        start = here
        previous = _PREVIOUS_WORD.search(text, max(begin, here - 30), here)
        if previous:
            before = previous.group(1)
            key = fold(before)
            if key in _LABELS:
                continue  # "Child Z. Quinlan", "Sibling Q Quinlan": a pseudonym label
            if key in CASE_BLIND_TITLES or key in WEAK_TITLES or _is_title(before):
                start = previous.start(1)  # "MR Z QUINLAN", "Dr Z. Quinlan": the title too
        yield start, end, " ".join(text[here:end].split()), "name"


_INITIAL_PARTS = re.compile(r"([A-Za-z])(\.?)")
_AGENCY_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")


def _is_title(word: str) -> bool:
    from .name_words import TITLES

    return fold(word) in TITLES


def run_together(text: str, begin: int, stop: int, names: frozenset[str],
                 look: Look | None = None) -> Iterator[tuple[int, int, str, str]]:
    """A name run together in a handle or a hashtag: "@ZebedeeQuinlan2017",
    "#zebedeequinlan", "@zebedee_quinlan"; and any token whose words are
    joined by "_", ".", "-" or "/": "zebedee_quinlan17", "zebedee-quinlan",
    "instagram.com/zebedee.quinlan", "tiktok.com/@zebedee_quinlan"."""
    found = []
    if "@" in text or "#" in text:
        for handle in _HANDLE.finditer(text, begin, stop):
            if handle.start() and _BEFORE_HANDLE.match(text, handle.start() - 1):
                continue  # an email address, or a "#" inside an address (read below)
            body = handle.group(1)
            term = split_name(body, names)
            if term:
                found.append((handle.start(), handle.end()))
                yield handle.start(), handle.end(), term, "full name"
    look = look or Look(text, begin, stop)
    for piece in look.pieces:
        if piece.isalpha() or not (look.strong or "/" in piece):
            continue  # no surname to read, unless run together in an address
        if not ("_" in piece or "-" in piece or "/" in piece or "." in piece[:-1] or "@" in piece) \
                or not _JOINER.search(piece):
            continue
        for token in _JOINED.finditer(piece):
            written = token.group(0)
            if "-" in written and not re.search(r"[_./@]", written) and written[:1].isupper():
                continue  # "Zebedee-Quinlan", "Howard-Jones": PII001's (hyphen_joined)
            cut = "/" in written
            if not cut and not any(part in look.strong for word in _WORDS.findall(written)
                                   for part in (word, *_CAMEL.findall(word))):
                continue  # no family name among its words
            term = split_name(written, names, cut=cut)
            if not term:
                continue
            for match in re.finditer(re.escape(written), text[:stop]):
                if match.start() < begin or any(start <= match.start() < end for start, end in found):
                    continue
                found.append((match.start(), match.end()))
                yield match.start(), match.end(), term, "full name"


def split_name(run: str, names: frozenset[str], cut: bool = True) -> str | None:
    """ "Zebedee Quinlan" when `run` is a forename and a surname run
    together ("ZebedeeQuinlan", "zebedee_quinlan", "zebedeequinlan2017"),
    else None; with `cut` false, only words apart ("zebedee.quinlan")."""
    parts = [part for piece in re.split(r"[\W_\d]+", run) for part in _CAMEL.findall(piece)]
    for index, (first, second) in enumerate(zip(parts, parts[1:])):
        if _pair(first, second, names):
            if index + 2 < len(parts) and fold(parts[index + 2]) in _organisation_parts():
                return None  # "@LucyFaithfullFdn"
            return f"{first.title()} {second.title()}"
    if not cut:
        return None
    for part in parts:
        folded = part.lower()
        for cut_at in range(3, len(folded) - 2):
            # Cut only at a forename of the main list: any cut is a guess.
            if folded[:cut_at] in names and _pair(folded[:cut_at], folded[cut_at:], names):
                return f"{folded[:cut_at].title()} {folded[cut_at:].title()}"
    return None


@functools.lru_cache(maxsize=1)
def _organisation_parts() -> frozenset[str]:
    from .name_words import AFTER_NAME

    return _ORGANISATION_PARTS | AFTER_NAME


def hyphen_joined(word: str, names: frozenset[str]) -> bool:
    """ "Zebedee-Quinlan": a forename and a surname joined by a hyphen (not
    a double forename such as "Anne-Marie", nor a double surname)."""
    parts = re.split(r"[\-‐‑]", word)
    if len(parts) != 2:
        return False
    first, second = fold(parts[0]), fold(parts[1])
    if first not in names:
        return False
    return first in names and second not in names and _is_surname(second) and second not in everyday_words()


def citation_after(text: str, end: int) -> bool:
    """Whether what follows a name at `end` makes it a reference to
    published work: "et al.", "(2011)", ", 2011", ", *Title*"."""
    return bool(_CITATION_AFTER.match(text, end))


def possible_forename(word: str) -> bool:
    """A capitalised word that can be a forename before a family name that
    is not an everyday word: a secondary forename (see secondary_forename),
    or a word that is neither an everyday nor an ordinary word ("Zeb
    Quinlan", a short form no list holds)."""
    folded = word if word.islower() and word.isascii() else fold(word)
    return folded in secondary_forenames() or (
        len(folded) > 1 and folded.isalpha() and folded not in everyday_words() and folded not in ordinary_words())


def secondary_forename(word: str) -> bool:
    """A forename that counts only before a surname that is not an everyday
    word: one the main list leaves out ("Yusra") or that is also an
    ordinary word ("River", "Hope")."""
    return fold(word) in secondary_forenames()


@functools.lru_cache(maxsize=1)
def secondary_forenames() -> frozenset[str]:
    """Folded forenames that count only before a surname that is not an
    everyday word (see secondary_forename)."""
    from . import name_words

    return wide_forenames() | name_words.WORD_FORENAMES


def strong_surname(word: str, names: frozenset[str]) -> bool:
    """A family name that is neither an everyday word nor a forename."""
    folded = fold(word)
    return _is_surname(folded) and folded not in everyday_words() and folded not in names


# After a family name: one initial, with or without a comma or a full stop
# ("QUINLAN Z", "Quinlan, Z", "QUINLAN, Z."), then no letter.
_INITIAL_AFTER = re.compile(r"(,?[ \t\u00a0]+)([A-Za-z])(\.?)(?![^\W\d_'’\-])")
# Another author and initial next to a name in a reference list: "Brandon M,
# Sidebotham P (2020)", "Brandon, M., Sidebotham, P. et al.".
_AUTHOR_NEXT = re.compile(r"[ \t\u00a0]*[,;&][ \t\u00a0]*(?:and[ \t\u00a0]+|&[ \t\u00a0]*)?"
                          r"([A-Z][A-Za-z'’\-]+),?[ \t\u00a0]+[A-Z](?:\.|(?![^\W\d_]))")
_AUTHOR_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z]\.?[ \t\u00a0]*[,;&][ \t\u00a0]*(?:and[ \t\u00a0]+|&[ \t\u00a0]*)?$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([A-Za-z][a-z]+)")
# After a family name, a forename with no comma: "QUINLAN Zebedee", "quinlan zebedee".
_FORENAME_AFTER = re.compile(r"[ \t\u00a0]+([A-Za-z]{2,})(?![^\W\d_\-])")


def _surname_at(text: str, begin: int, stop: int, look: Look, names: frozenset[str]) -> Iterator[re.Match]:
    """Each family name that is neither an everyday word nor a forename, as a
    whole word, in the text."""
    for written in look.strong:
        if not _case(written) or not strong_surname(written, names):
            continue
        for match in re.finditer(re.escape(written) + r"(?![^\W\d_'’\-])", text[:stop]):
            here = match.start()
            if here < begin or (here and _LETTER_OR_HYPHEN.match(text, here - 1)):
                continue
            yield match


def surname_initial(text: str, begin: int, stop: int, names: frozenset[str],
                    look: Look | None = None) -> Iterator[tuple[int, int, str, str]]:
    """A family name that is neither an everyday word nor a forename, then
    one initial, as records and chronologies write them: "QUINLAN Z",
    "Quinlan, Z", "QUINLAN, Z."; not a reference to published work
    ("Ferguson H (2017)", "Sidebotham, P. et al.", "Brandon M, Sidebotham P
    (2020)") nor a panel member with an agency in brackets."""
    look = look or Look(text, begin, stop)
    if not look.strong:
        return
    for surname in _surname_at(text, begin, stop, look, names):
        after = _INITIAL_AFTER.match(text, surname.end(), stop)
        if not after:
            continue
        letter, dot = after.group(2), after.group(3)
        if letter in "aAiI" and not dot:
            continue  # "Quinlan a", "QUINLAN I": words
        end = after.end()
        if _CITATION_AFTER.match(text, end, stop) or _organisation_after(text, end, stop):
            continue
        author = _AUTHOR_NEXT.match(text, end, stop)
        if author and fold(author.group(1)) not in _LABELS:
            continue  # "Brandon M, Sidebotham P (2020)"
        if _AUTHOR_BEFORE.search(text, max(begin, surname.start() - 12), surname.start()):
            continue
        agency = _AGENCY_AFTER.match(text, end, stop)
        if agency and any(fold(part) in _AGENCY_WORDS for part in _AGENCY_PART.findall(agency.group(1))):
            continue  # "Singh J (Police)": a panel member
        following = _WORD_AFTER.match(text, end, stop)
        if following and not dot and _case(following.group(1)) == "title" \
                and fold(following.group(1)) in surnames():
            continue  # "Ward B Green": an initial between two words
        previous = _PREVIOUS_WORD.search(text, max(begin, surname.start() - 30), surname.start())
        if previous and fold(previous.group(1)) in _LABELS:
            continue  # "Child Quinlan Z"
        yield surname.start(), end, " ".join(text[surname.start():end].split()), "name"


def surname_forename(text: str, begin: int, stop: int, names: frozenset[str],
                     look: Look | None = None) -> Iterator[tuple[int, int, str, str]]:
    """A family name that is neither an everyday word nor a forename, then a
    forename with no comma, in any case: "QUINLAN Zebedee", "Quinlan
    Zebedee", "QUINLAN ZEBEDEE", "quinlan zebedee"."""
    look = look or Look(text, begin, stop)
    if not look.strong:
        return
    for surname in _surname_at(text, begin, stop, look, names):
        after = _FORENAME_AFTER.match(text, surname.end(), stop)
        if not after:
            continue
        forename = after.group(1)
        key = forename.lower()
        if not _forename(key, names) or not _case(forename):
            continue
        cases = (_case(surname.group(0)), _case(forename))
        if cases not in (("upper", "upper"), ("upper", "title"), ("title", "title"), ("lower", "lower")):
            continue
        if cases == ("title", "title") and fold(forename) in everyday_words():
            continue  # "Treacher Collins syndrome": two family names, an eponym
        end = after.end()
        if _CITATION_AFTER.match(text, end, stop) or _MIDDLE_INITIAL.match(text, end, stop) \
                or _organisation_after(text, end, stop):
            continue
        following = _NEXT.match(text, end, stop)
        if following and _case(following.group(1)) == cases[1] and _strong(fold(following.group(1))):
            continue  # "Quinlan Zebedee Smith": read forename first
        previous = _TITLE_CASE_BEFORE.search(text, max(begin, surname.start() - 40), surname.start())
        if previous and (fold(previous.group(1)) in names or fold(previous.group(1)) in _LABELS):
            continue  # "Ali Quinlan Zebedee", "Child Quinlan"
        yield (surname.start(), end, f"{forename.title()} {surname.group(0).title()}", "full name")
