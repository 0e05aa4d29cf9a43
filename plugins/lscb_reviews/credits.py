"""A review's credits: the `Credits` field, `Name (role); Name (role)`.

The people a review names in public because of the work they did on it:
the independent author or reviewer, the chairs, the business manager.
Each credit is the name as the report prints it, with any title and
post-nominals ("Dr Tobias Arkwright MBChB FRCPCH"), then its role in
brackets ("(independent author)"); credits are separated by semicolons:

    Credits: Dr Tobias Arkwright MBChB FRCPCH (lead reviewer); Alan Whitcombe (independent chair)

The review page shows them under "Credits". The redaction checks accept
each credit's name anywhere in that review and its attachments, with or
without the title and post-nominals (lscb_checks.text.people); a credit
that is a term of the review's redaction register is refused (RED006).

Parsing knows nothing of the checks: it splits the value, finds the role
(the last bracket at the end of each credit, so "BA (Hons)" stays in the
name) and the person's own name words (the name without titles before it
and post-nominals after it), and says what is wrong with a credit it cannot
read (META006).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Titles that may come before a name in a credit.
TITLES = frozenset("""
mr mrs ms mx miss dr doctor prof professor sir dame lord lady baroness baron rev revd reverend
cllr councillor pc dc ds di dci dsi det sgt insp supt pcso ch chief constable sergeant inspector
superintendent detective the hon honourable rt right
""".split())
# Post-nominals written with one capital letter only, or lower case; any
# other word with two or more capitals after the name (MBChB, CQSW, MSc,
# PhD, OBE) is read as a post-nominal too.
POST_NOMINALS = frozenset("""
hons oxon cantab dip cert esq jr jnr sr snr
""".split())
_CAMEL_SURNAME = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|O['’])[A-Z]")
_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?|\S+")

FORM = "Name (role); Name (role)"
# A role that makes the credit one of the family, or the child: credits are
# the people who wrote and oversaw the report, never those it is about.
_FAMILY_ROLE = re.compile(
    r"\b(?:mother|mum|father|dad|parent|step-?(?:mother|father|parent|mum|dad)|grand(?:mother|father|parent)s?"
    r"|sibling|brother|sister|son|daughter|aunt|uncle|cousin|niece|nephew|relative|family member|neighbour"
    r"|friend of|partner of|subject of|victim|(?:the )?(?:child|baby)(?:['’]s)?\s*$|the (?:child|baby) (?:who|in|of)\b"
    r"|child [A-Z0-9]\b|baby [A-Z0-9]\b)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Credit:
    name: str  # as written, with any title and post-nominals
    role: str
    person: tuple[str, ...]  # the person's own name words, as written
    offset: int  # where the credit starts in the field's value

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


@dataclass(frozen=True)
class Problem:
    number: int  # which credit, from 1
    offset: int  # where it starts in the field's value
    template: str  # what is wrong, with {number}: never prints the name

    @property
    def message(self) -> str:
        return self.template.format(number=self.number)


def parse(value: str) -> tuple[list[Credit], list[Problem]]:
    """The credits of a `Credits` value, and the problems of those that
    cannot be read. An empty value has no credits; an empty part between
    two semicolons (a trailing `;`) is ignored."""
    credits: list[Credit] = []
    problems: list[Problem] = []
    offset = 0
    number = 0
    for part in str(value or "").split(";"):
        start = offset + len(part) - len(part.lstrip())
        offset += len(part) + 1
        text = part.strip()
        if not text:
            continue
        number += 1
        name, role = _split_role(text)
        if role is None:
            problems.append(Problem(number, start, "credit {number} has no (role) at its end"))
            continue
        if not role.strip():
            problems.append(Problem(number, start, "credit {number} has an empty (role)"))
            continue
        if _FAMILY_ROLE.search(role):
            problems.append(Problem(number, start, "credit {number}'s role is the family's: credits are the "
                                                   "report's authors and chairs"))
            continue
        person = person_words(name)
        if not person:
            problems.append(Problem(number, start, "credit {number} has no name before its (role)"))
            continue
        credits.append(Credit(" ".join(name.split()), " ".join(role.split()), person, start))
    return credits, problems


def _split_role(text: str) -> tuple[str, str | None]:
    """(name, role) of one credit: the role is the bracket that ends it."""
    if not text.endswith(")"):
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            depth -= 1
            if depth == 0:
                return text[:index].strip().rstrip(","), text[index + 1:-1]
    return text, None


def person_words(name: str) -> tuple[str, ...]:
    """The words of a person's own name: "Dr Tobias Arkwright MBChB FRCPCH"
    -> ("Tobias", "Arkwright"); "Ruth Ashby BA (Hons) MSc" -> ("Ruth", "Ashby")."""
    # Bracketed post-nominals and qualifications: "BA (Hons)", "(Oxon)".
    name = re.sub(r"\([^()]*\)", " ", name)
    words = [word.strip(",") for word in _WORD.findall(name)]
    words = [word for word in words if word and any(c.isalpha() for c in word)]
    while words and _is_title(words[0]):
        words.pop(0)
    # A name written wholly in capitals ("JANE SMITH") keeps its words.
    capitals = all(word.isupper() for word in words)
    while len(words) > 1 and _is_post_nominal(words[-1], capitals):
        words.pop()
    return tuple(words)


def _is_title(word: str) -> bool:
    return word.rstrip(".").casefold() in TITLES


def _is_post_nominal(word: str, in_capitals: bool = False) -> bool:
    bare = word.strip(".,()")
    if bare.casefold() in POST_NOMINALS:
        return True
    if in_capitals:
        return False
    # "MBChB", "CQSW", "PhD", "MSc"; not "Smith-Jones", "McDonald", "O'Brien".
    return any(sum(1 for c in part if c.isupper()) >= 2 and not _CAMEL_SURNAME.match(part)
               for part in re.split(r"[-'’]", bare))
