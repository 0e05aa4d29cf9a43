"""Names whose family name is in no list, written without the capitals that
are evidence of a name: "met tobias fenwrighte at home", "FENWRIGHTE
Tobias", "MRS FENWRIGHTE", "@tobias_fenwrighte".

In title case ("Tobias Fenwrighte") the capitals are the evidence, and the
full-name check (PII001) reads the name. In lower case or capitals, the other
readers (lscb_checks.text.name_forms) take their evidence from the family-name
list; a family that the list lacks gives none. Accepting any unknown word after
a forename would read paths, font names, post-nominals and clinical terms as
people, so here the evidence is an unknown word (in no list of names or
words, not even the rare English words of lscb_checks/data/english-rare.txt:
"bronchiolitis", "clubcard") together with one of:

- a person in the same sentence or table row: "met", "visited", "mother",
  "she", "aged", "records" and the like (PERSON_WORDS), for a forename and an
  unknown word in the same case ("met tobias fenwrighte", "| tobias
  fenwrighte | brother | 9 |", "SAW TOBIAS J FENWRIGHTE"), or the police
  records' order, the family name in capitals first ("FENWRIGHTE Tobias");
- a title before it, in any case: "mrs fenwrighte", "MR FENWRIGHTE", "Baby
  Fenwrighte";
- a user name: after "@" ("@tobias_fenwrighte", "@fenwrighte_tobias",
  "@tobiasfenwrighte"), or joined by "_", which prose never uses
  ("tobias_fenwrighte09").

The forename must be one of the main list that is not an ordinary word; a
forename that is also a word (Grace, Lily, Hope: name_words.WORD_FORENAMES)
counts straight after a word for a person ("her sister grace fenwrighte").
The unknown word has four letters or more, a vowel and no run of four
consonants ("NSPCC" and "CAMHS" are not names), and is not half of a place
("BOGNOR REGIS").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .forenames import fold
from .wordlists import _read, everyday_words, is_place, surnames, wide_forenames

# Words that say the sentence is about a person.
PERSON_WORDS = frozenset(
    """
met meet meets meeting visited visit visits saw seen sees spoke speak speaks told tell tells said says say
asked asks aged age born dob lived lives living stayed stays moved attended attends attending referred
mother father mum dad mam parent parents sibling siblings brother sister son daughter child baby infant
grandmother grandfather grandparent nan uncle aunt cousin partner stepfather stepmother boyfriend girlfriend
husband wife carer foster guardian pupil student patient he she his her him himself herself hers
family referral referrals disclosed reported discharged admitted records concern concerns relationship
visitor worker nurse midwife teacher doctor brought wrote contacted appointment appointments
""".split()
)
# Words that say a token joined by "_" is somebody's user name.
ACCOUNT_WORDS = PERSON_WORDS | frozenset(
    """
account accounts username usernames user profile profiles handle posted posts posting messaged message
messages online snapchat instagram tiktok facebook whatsapp twitter youtube discord gaming game gamertag
xbox playstation email login
""".split()
)
TITLES = frozenset("mr mrs ms mx miss baby master".split())
# Words after which a lower-case forename and a word in no list are a name
# with no word for a person near: "Health notes for tobias fenwrighte".
LEADS_TO_PERSON = frozenset(
    """
for to with by from of about between against regarding re concerning called named including towards
""".split()
)
# Before the forename, a character that lets a name start there; after the
# family name, characters of code ("isinstance(", "tomli==", "mydata.color").
_OPENING = "(\"“‘'*_["
_CODE_AFTER = frozenset("(=_'’/@<>[{")
_SENTENCE_START = frozenset(".!?:;,|(\"“‘'*")
# The word or the mark before a name: group 1 a word, group 2 a mark.
_PREVIOUS_WORD = re.compile(r"(?:([A-Za-z]+)|([^\w\s]))\s*$")
_WORD = re.compile(r"[A-Za-z]{2,}")
# The end of a sentence: a full stop, a blank line, or a line that starts a
# new row, item or heading; not a colon ("Mother: amara fenwrighte") nor the
# edge of a table cell (the row is read as one sentence).
_SENTENCE_END = re.compile(r"[.!?;]|\n[ \t]*(?:\n|[|*#>+-]|\d+[.)])")
_VOWEL = re.compile(r"[aeiouy]")
_FOUR_CONSONANTS = re.compile(r"[^aeiouy]{4}")
# Between two words of a name: spaces, or one line break (a soft wrap), and
# at most one initial ("TOBIAS J FENWRIGHTE", "tobias j. fenwrighte").
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
_BEFORE = re.compile(r"(?<![^\W\d_'’\-])([^\W\d_]{2,})\.?" + _GAP + r"(?:[A-Za-z]\.?" + _GAP + ")?$")
_AFTER = re.compile(_GAP + r"([^\W\d_]{2,})(?![^\W\d_'’\-])")
_PREVIOUS = re.compile(r"([A-Za-z]{2,})[^\w\n]{1,3}$")
_HANDLE = re.compile(r"(?<![\w@#&.])@([^\W\d_]{2,})(?:[_.\-]([^\W\d_]{2,}))?(?![^\W\d_])")
_JOINED = re.compile(r"(?<![\w.@])([^\W\d_]{2,})_([^\W\d_]{2,})(?:[_\-]?\d{0,4})(?![^\W_])")


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    from .name_forms import ordinary_words

    return everyday_words() | _read("english-rare.txt") | surnames() | wide_forenames() | ordinary_words()


@functools.lru_cache(maxsize=1 << 16)
def unknown_word(word: str, names: frozenset[str]) -> bool:
    """A word in no list of names or words, shaped as a family name can be.
    Kept for the next text: a site's pages share most of their words."""
    key = fold(word)
    if not (4 <= len(key) <= 20 and key.isascii() and key.isalpha()):
        return False
    known = _known()
    if key in known or key in names or (key.endswith("s") and key[:-1] in known):
        return False
    return bool(_VOWEL.search(key)) and not _FOUR_CONSONANTS.search(key)


def _forename(word: str, names: frozenset[str]) -> bool:
    from .name_forms import ordinary_words

    key = fold(word)
    return key in names and key not in ordinary_words()


def _word_forename(word: str) -> bool:
    from .name_words import WORD_FORENAMES

    return fold(word) in WORD_FORENAMES


def _case(word: str) -> str:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    return "title" if word[:1].isupper() and word[1:].islower() else ""


def _sentence(text: str, start: int, end: int, begin: int, stop: int) -> tuple[int, int]:
    left = max(begin, start - 120)
    ends = list(_SENTENCE_END.finditer(text, left, start))
    if ends:
        left = ends[-1].end()
    right = min(stop, end + 120)
    after = _SENTENCE_END.search(text, end, right)
    return left, after.start() if after else right


def person_near(
    text: str, start: int, end: int, begin: int = 0, stop: int | None = None, cues: frozenset[str] = PERSON_WORDS
) -> bool:
    """Whether the sentence (or table row) around text[start:end] speaks of a person."""
    stop = len(text) if stop is None else stop
    left, right = _sentence(text, start, end, begin, stop)
    return any(word.lower() in cues for word in _WORD.findall(text, left, start)) or any(
        word.lower() in cues for word in _WORD.findall(text, end, right)
    )


def _name_in_prose(text: str, start: int, end: int, begin: int, stop: int) -> bool:
    """A forename and a word in no list, in lower case in English prose,
    where a name stands: after a word that leads to a person ("notes for
    tobias fenwrighte", "a letter to ...") or at the start of a sentence, an
    item or a cell; not after "the" or a describing word ("the hash
    builtin", "bogus pinentry"), not in code (":param dfile", "libz-dev
    multilib", "elif isinstance(", "del mydata.color") and not in a sentence
    of another language ("una licenza per ...")."""
    if start > begin and not (text[start - 1].isspace() or text[start - 1] in _OPENING):
        return False
    after = text[end : end + 2]
    if after[:1] in _CODE_AFTER or (after[:1] in ".-:" and after[1:2].strip()):
        return False
    previous = _PREVIOUS_WORD.search(text, max(begin, start - 40), start)
    if previous and previous.group(1) and previous.group(1).lower() not in LEADS_TO_PERSON:
        return False
    if previous and previous.group(2) and previous.group(2) not in _SENTENCE_START:
        return False
    left, right = _sentence(text, start, end, begin, stop)
    others = [word.lower() for word in (*_WORD.findall(text, left, start), *_WORD.findall(text, end, right))]
    english = everyday_words()
    return len(others) >= 3 and sum(word in english for word in others) >= 0.7 * len(others)


# Besides PERSON_WORDS, words that say two words in no list name someone:
# "the panel heard from Odalysine Trevarrow".
_TWO_UNKNOWN_CUES = PERSON_WORDS | frozenset("heard interviewed spoken phoned emailed thanked".split())
# What may stand on a line beside a name alone: spaces, punctuation, a
# table's or a list's marks.
_LINE_LEFT = re.compile(r"(?:^|\n)[ \t|>*+\-•(\[\"“‘']*$")
_LINE_RIGHT = re.compile(r"[ \t|*)\]\"”’'.,;:]*(?:\n|$)")


def _alone_on_a_line(text: str, start: int, end: int, begin: int, stop: int) -> bool:
    """Whether text[start:end] is all the line holds, but for punctuation
    and a table's or a list's marks ("Odalysine Trevarrow" in a genogram's
    box, "| Odalysine Trevarrow |" in a cell)."""
    return bool(_LINE_LEFT.search(text, max(begin, start - 12), start)) and bool(_LINE_RIGHT.match(text, end, stop))


def _person_before(text: str, start: int, begin: int) -> bool:
    """A word for a person straight before: "sister grace", "met lily"."""
    previous = _PREVIOUS.search(text, max(begin, start - 20), start)
    return bool(previous) and previous.group(1).lower() in PERSON_WORDS


def _organisation_after(text: str, end: int, stop: int) -> bool:
    from .name_forms import _organisation_after as after

    return after(text, end, stop)


def _place(first: str, second: str) -> bool:
    return is_place(f"{first} {second}") or is_place(f"{second} {first}")


def unlisted(
    text: str, begin: int, stop: int, names: frozenset[str], words: set[str], alone: bool = False
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, term, what) for each name found; `words` are the
    alphabetic words of the text (lscb_checks.text.name_forms.Look).
    `alone`: two capitalised words in no list that stand alone on a line
    are a full name too (in a review, where a drawing's box or a table's
    cell names a person with nothing else beside it)."""
    # In a fixed order (a set's order changes from run to run): where two
    # names overlap, the first found is kept.
    # unknown_word first: it is kept per word, and few words are unknown.
    unknown = sorted(word for word in words if unknown_word(word, names) and _case(word))
    for written in unknown:
        kind = _case(written)
        for here in occurrences(text, written, begin, stop):
            found = _before(text, written, here, kind, names, begin, stop, alone) or _after(
                text, written, here, kind, names, begin, stop
            )
            if found:
                yield found
    yield from user_names(text, begin, stop, names)


# A letter, as the words of a text are runs of them (name_forms._WORDS).
_LETTER = re.compile(r"[^\W\d_]")


def occurrences(text: str, written: str, begin: int, stop: int) -> Iterator[int]:
    """Where `written` (a run of letters) stands in text[begin:stop] as a
    whole word: no letter straight before or after it (an apostrophe or a
    hyphen may be: "O'Trevarrow", "Trevarrow-Smith"). Found with str.find,
    which skips along the text in C; a pattern per word, run over the whole
    text, cost a text of many unknown words (a list of references, a table
    of places) time in the square of its length."""
    here = text.find(written, 0, stop)
    while here != -1:
        end = here + len(written)
        if here >= begin and not (here and _LETTER.match(text, here - 1)) and not _LETTER.match(text, end, stop):
            yield here
            here = text.find(written, end, stop)
        else:
            here = text.find(written, here + 1, stop)


def user_names(
    text: str, begin: int, stop: int, names: frozenset[str], file_name: bool = False
) -> Iterator[tuple[int, int, str, str]]:
    """Names in a handle or a user name ("@tobias_fenwrighte"; and
    "tobias_fenwrighte09" in a file's name, or in a sentence about an account
    or a person, where code's names such as "max_prefixlen" are not)."""
    if "@" in text:
        for handle in _HANDLE.finditer(text, begin, stop):
            term = _handle_name(handle.group(1), handle.group(2), names)
            if term and not _organisation_after(text, handle.end(), stop):
                yield handle.start(), handle.end(), term, "full name"
    if "_" in text:
        for joined in _JOINED.finditer(text, begin, stop):
            first, second = joined.group(1), joined.group(2)
            if _case(first) and _case(second):
                term = _pair_either_way(first, second, names)
                if term and (file_name or person_near(text, joined.start(), joined.end(), begin, stop, ACCOUNT_WORDS)):
                    yield joined.start(), joined.end(), term, "full name"


def _before(text: str, written: str, here: int, kind: str, names, begin: int, stop: int, alone: bool = False):
    """A forename or a title before the unknown word."""
    end = here + len(written)
    before = _BEFORE.search(text, max(begin, here - 40), here)
    if not before:
        return None
    first = before.group(1)
    key = first.lower()
    if (
        key in TITLES
        and (_case(first) == kind or (_case(first) == "title" and kind in ("title", "upper")))
        and ("\n" not in text[before.end(1) : here])
    ):
        return before.start(1), end, f"{first.title()} {written.title()}", "name"
    # Two capitalised words in no list, in a sentence about a person: a
    # forename no list has, and a family name ("met Odalysine Trevarrow").
    if (
        kind in ("title", "upper")
        and _case(first) == kind
        and len(first) >= 3
        and text[before.end(1)] != "."
        and unknown_word(first, names)
        and not _place(first, written)
        and (
            person_near(text, before.start(1), end, begin, stop, _TWO_UNKNOWN_CUES)
            or (alone and _alone_on_a_line(text, before.start(1), end, begin, stop))
        )
        and not _organisation_after(text, end, stop)
    ):
        return before.start(1), end, f"{first.title()} {written.title()}", "full name"
    # The same case, or a forename in title case before a family name in
    # capitals, as records write them ("Tobias FENWRIGHTE").
    if (
        kind == "title"
        or (_case(first) != kind and (_case(first), kind) != ("title", "upper"))
        or _place(first, written)
        or text[before.end(1)] == "."
    ):
        return None
    if len(first) < 3:
        return None
    if _forename(first, names):
        evidence = person_near(text, before.start(1), end, begin, stop) or (
            kind == "lower" and _name_in_prose(text, before.start(1), end, begin, stop)
        )
    elif _word_forename(first):
        evidence = _person_before(text, before.start(1), begin)
    else:
        return None
    if evidence and not _organisation_after(text, end, stop):
        return before.start(1), end, f"{first.title()} {written.title()}", "full name"
    return None


def _after(text: str, written: str, here: int, kind: str, names, begin: int, stop: int):
    """The police records' order: the family name in capitals, then the forename."""
    if kind != "upper":
        return None
    after = _AFTER.match(text, here + len(written), stop)
    if (
        not after
        or len(after.group(1)) < 3
        or _case(after.group(1)) not in ("upper", "title")
        or not _forename(after.group(1), names)
    ):
        return None
    if (
        _place(written, after.group(1))
        or not person_near(text, here, after.end(), begin, stop)
        or _organisation_after(text, after.end(), stop)
    ):
        return None
    return here, after.end(), f"{after.group(1).title()} {written.title()}", "full name"


def _pair_either_way(first: str, second: str, names) -> str | None:
    if _forename(first, names) and unknown_word(second, names) and not _place(first, second):
        return f"{first.title()} {second.title()}"
    if unknown_word(first, names) and _forename(second, names) and not _place(first, second):
        return f"{second.title()} {first.title()}"
    return None


def _handle_name(first: str, second: str | None, names) -> str | None:
    """The name in a handle: "tobias_fenwrighte", "fenwrighte.tobias", or run
    together, "tobiasfenwrighte" (cut after a forename of the main list)."""
    if second is not None:
        return _pair_either_way(first, second, names)
    folded = first.lower()
    everyday = everyday_words()
    for cut in range(len(folded) - 4, 2, -1):  # the longest forename first: "tobias|fenwrighte", not "tobi|as..."
        head, tail = folded[:cut], folded[cut:]
        if (
            head in names
            and _forename(head, names)
            and unknown_word(tail, names)
            and not any(tail[start:] in everyday for start in range(len(tail) - 3))
        ):
            # Not "clas|smethod", "abs|tractmethod": no everyday word ends the rest.
            return f"{head.title()} {tail.title()}"
    return None
