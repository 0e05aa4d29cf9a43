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
read or whose role is not one a credit may have (META006): roles are
accepted by an allowlist of the words of authors', reviewers' and chairs'
roles (ROLES), never by a list of the family's roles, so "the young person
at the centre of this review" is refused as "mother of Child Q" is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Titles that may come before a name in a credit.
TITLES = frozenset(
    """
mr mrs ms mx miss dr doctor prof professor sir dame lord lady baroness baron rev revd reverend
cllr councillor pc dc ds di dci dsi det sgt insp supt pcso ch chief constable sergeant inspector
superintendent detective the hon honourable rt right
""".split()
)
# Post-nominals written with one capital letter only, or lower case; any
# other word with two or more capitals after the name (MBChB, CQSW, MSc,
# PhD, OBE) is read as a post-nominal too.
POST_NOMINALS = frozenset(
    """
hons oxon cantab dip cert esq jr jnr sr snr
""".split()
)
_CAMEL_SURNAME = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|O['’])[A-Z]")
_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?|\S+")

FORM = "Name (role); Name (role)"
# Credits are the people who wrote and oversaw the report, never those it is
# about: a role is accepted only when each of its words is one of these, and
# it names one of the ROLES (see role_accepted).
ROLES = frozenset(
    """
author co-author writer reviewer co-reviewer chair co-chair chairman chairwoman chairperson vice-chair
scrutineer manager adviser advisor lead editor facilitator member secretary coordinator co-ordinator
officer director analyst researcher consultant nurse doctor paediatrician practitioner representative
administrator commissioner overseer taker support head investigator
""".split()
)
# Words that qualify a role or name the body it serves ("independent", "of
# the panel", "Board", "to the review").
_ROLE_WORDS = ROLES | frozenset(
    """
independent lead senior deputy vice interim acting joint co principal assistant overview report review
reviews panel board partnership partnerships business health medical clinical specialist designated named
safeguarding agency agencies professional legal research quality assurance programme project policy
practice learning development workforce strategic statutory executive local multi children children's
childrens adults education police social care nhs icb integrated serious case scr lcspr cspr spr thematic
protection group subgroup sub committee team service services council county borough city authority
trust constabulary force hospital foundation unit partners arrangements national rapid domestic abuse
homicide dhr safeguarding-adults sar minute minutes investigating operational
of the to for and & on this in
""".split()
)
# Two-word phrases whose first word is not a role word alone: "child" and
# "partner" never make a credit one of the family ("child of the author").
_ROLE_PHRASES = re.compile(r"\bchild(?=[ \t]+(?:safeguarding|protection)\b)|\bpartner(?=[ \t]+agenc)", re.IGNORECASE)
# Words that never name the body a role serves, even capitalised
# ("author, Mother of Child Q").
_PEOPLE = frozenset(
    """
child baby infant young person sibling brother sister twin mother father parent parents stepfather stepmother
carer grandmother grandfather grandparent uncle aunt cousin partner boyfriend girlfriend man woman male female
family household neighbour friend victim subject son daughter mum dad relative
""".split()
)
_ROLE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|&|[,()]|\S")


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
    role: bool = False  # the role is not one credits accept (ROLES)

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
        if not role_accepted(role):
            problems.append(
                Problem(number, start, "credit {number}'s role is not an author's, reviewer's or chair's", role=True)
            )
            continue
        person = person_words(name)
        if not person:
            problems.append(Problem(number, start, "credit {number} has no name before its (role)"))
            continue
        credits.append(Credit(" ".join(name.split()), " ".join(role.split()), person, start))
    return credits, problems


def role_accepted(role: str) -> bool:
    """Whether a credit's role is one of the report's authors, reviewers,
    chairs or advisers: "independent author", "chair of the review panel",
    "Independent Chair, Northshire Safeguarding Children Board". Each word
    is a role word (_ROLE_WORDS), or, after a comma, a bracket or "of", a
    capitalised name that is not a person's kind ("Northshire"); and one of
    them is one of the ROLES. "mother of Child Q", "the subject of this
    review" and "the young person at the centre of this review" are not."""
    text = _ROLE_PHRASES.sub("", role)
    named = False  # one of the ROLES
    tail = False  # after a comma, a bracket or "of": a body's own name may follow
    for word in _ROLE_WORD.findall(text):
        if word in ",()":
            tail = True
            continue
        for part in re.split(r"[-‐‑]", word):
            if not part:
                continue
            key = re.sub(r"['’]s$", "", part.casefold())
            if key in _ROLE_WORDS or part.casefold() in _ROLE_WORDS:
                named = named or key in ROLES or part.casefold() in ROLES
            elif not (tail and part[:1].isupper() and len(part) >= 3 and key not in _PEOPLE):
                return False
        if word.casefold() in ("of", "for", "to"):
            tail = True
    return named


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
                return text[:index].strip().rstrip(","), text[index + 1 : -1]
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
    return any(
        sum(1 for c in part if c.isupper()) >= 2 and not _CAMEL_SURNAME.match(part) for part in re.split(r"[-'’]", bare)
    )
