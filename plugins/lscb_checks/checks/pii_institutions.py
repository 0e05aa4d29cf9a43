"""Named schools, nurseries, colleges and GP surgeries in case reviews (PII010)."""

from __future__ import annotations

import re

from lscb_core.rules import Rule, Waiver

from ..review_scan import Context, Hit, Words, scan
from ..text.everyday import everyday
from ..text.forenames import NOT_FORENAMES, fold
from ..text.name_words import NOT_SURNAMES

# What a setting is called. The last group only counts at the end of a name
# ("Oakfield Primary", not "Primary Care Network").
_KIND = re.compile(
    r"(?=[SANPCMHFGDIJ])(?<![\w'’-])(?:"
    r"(?P<kind>School|Academy|Nursery|Pre-[Ss]chool|Preschool|College|Surgery"
    r"|(?:Medical|Health|Children['’]s|Family) Cent(?:re|er)"
    r"|(?:Medical|GP|Family|Health|Doctors['’]?) Practice|Pupil Referral Unit)"
    r"|(?P<short>Primary|Infants|Juniors|High|Grammar)(?![ \t]+[A-Z]))"
    # Followed by a possessive or by no more of the word: "Riverside Surgery's records".
    r"(?=['’]s(?![\w'’-])|(?![\w'’-]))"
)
# The same kinds written in lower case ("brackenfold primary school"). A
# short kind ends a name only before a full stop, a comma or a word that
# starts a new phrase: "primary care", "grammar teacher" describe.
_KIND_LOWER = re.compile(
    r"(?=[sanpcmhfgdij])(?<![\w'’-])(?:"
    r"(?P<kind>school|academy|nursery|pre-school|preschool|college|surgery"
    r"|(?:medical|health|children['’]s|family) cent(?:re|er)"
    r"|(?:medical|gp|family|health|doctors['’]?) practice|pupil referral unit)"
    r"|(?P<short>primary|infants|juniors|grammar)(?=[ \t\u00a0]*(?:[.,;:!?)]|$)|[ \t\u00a0]+(?P<next>[a-z]+)))"
    r"(?=['’]s(?![\w'’-])|(?![\w'’-]))",
    re.MULTILINE,
)
# "College of Policing", "King's College Hospital": national bodies and hospitals.
_NOT_A_SETTING = re.compile(r"[ \t]+(?:of\b|Hospitals?\b|London\b|University\b)")
_LABEL = re.compile(r"^[A-Z]$|^\d+$")
_NOT_A_SETTING_LOWER = re.compile(r"[ \t]+(?:of\b|hospitals?\b|university\b)")

# Lower-case words inside a name: "Church of England", "Stratford upon Avon".
CONNECTORS = frozenset("of the upon on le de".split())
# A capitalised word that ends the walk back: "Transition From School To
# College" is a heading in title case, not a name.
STOP_WORDS = frozenset(
    """
from to in into at for with by on onto between and or but about after before during than via
""".split()
)

# Words that describe a kind of setting rather than name one: "the Primary
# School", "Sure Start Children's Centre", "Catholic Infant School".
GENERIC = frozenset(
    """
a an the this that these those her his their its our your my each every any no both all some
another other which whose what when while where at in on from to by with for of and or but if as
after before during because although neither either nor then later also only same such
current previous former new next first second last local receiving sending main nearest
primary secondary infant infants junior juniors middle upper lower high grammar comprehensive
special free studio sixth form further education fe higher technical technology sports arts art
music performing language dance community village county council state independent private
authority authorities la lea
public faith catholic roman church ce c e rc anglican methodist baptist islamic jewish muslim
christian hindu sikh quaker voluntary aided controlled maintained foundation academy academies
trust federation multi nursery nurseries pre day children's childrens child children family
families medical health gp gps general doctors doctor's surgery surgeries practice practices
centre center hospital hospice virtual forest boarding residential secure alternative provision
pupil referral unit home summer sunday holiday breakfast club clubs sure start integrated care
board nhs lead designated mainstream national specialist specialised outreach satellite site
campus training dental walk-in urgent treatment minor injuries paediatric plastic cardiac
teaching driving nursing business school schools college colleges mother mother's father
father's sibling sibling's maternal paternal young person person's people
england english wales welsh british uk royal
montessori steiner waldorf forest-school send sen semh sebd asd asc pmld mld sld ehcp ehc pru ap
""".split()
)

# In lower case a word names a setting only when it is not an everyday word
# (lscb_checks.text.everyday): "the feeder primary school" describes,
# "brackenfold primary school" names. These words are everyday before a
# kind of setting though not on the Dale-Chall list: activities a school or
# academy teaches, and what an operation (surgery) is on or for.
EVERYDAY_BEFORE_KIND = frozenset(
    """
main premier elite rural urban city town inner outer suburban nearby neighbouring catchment feeder
linked partner sister host home hub base receiving sending placing named chosen preferred usual
ballet drama theatre karate judo gymnastics rugby cricket tennis hockey netball football boxing
martial swimming riding dance ski golf chess coding stage acting
keyhole cleft palate tonsil tonsils hernia bowel cataract gastric bariatric laser eye ear nose throat
jaw knee hip heart brain spine spinal bunion appendix stoma tumour cyst fracture burns burn scar
dental oral maxillofacial ent orthopaedic orthopedic cardiac paediatric neonatal weight-loss
emergency routine planned urgent minor major further adult
entry intake form forms
""".split()
)
_SAINTS = frozenset("st saint".split())
# Kinds of school that "and" or "&" join inside one name: "Brackenfold
# Junior and Infant School", "Oakfield Infant & Nursery School".
JOINED_KINDS = frozenset(
    """
junior juniors infant infants nursery primary secondary first middle pre-school preschool
""".split()
)
_AMPERSAND = re.compile(r"[ \t\u00a0]*&[ \t\u00a0]*")
# A school's hashtag or handle, its words run together: "#BrackenfoldPrimary",
# "@BrackenfoldPS", "@brackenfold_primary". Not an email address, nor a "#"
# inside a web address.
_TAG = re.compile(r"[#@](?<![\w@#/&.][#@])(?P<body>[^\W\d_][\w]{3,})")
_TAG_PART = re.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")
# The kinds a hashtag ends with: "PS" is a primary school.
TAG_KINDS = frozenset(
    """
school academy nursery preschool college surgery primary infants juniors ps
""".split()
)
_EVERYDAY = GENERIC | EVERYDAY_BEFORE_KIND | NOT_SURNAMES | NOT_FORENAMES
# After a short kind in lower case, words that make it describe ("primary
# care", "grammar mistakes"): then it does not end a name.
_SHORT_DESCRIBES = frozenset(
    """
care school schools age aged phase years year pupils pupil children child education sector curriculum
carer carers caregiver concern concerns reason reasons purpose focus source aim aims role duty duties
worker workers teacher teachers task tasks goal goals need needs level stage setting settings class
classes mistake mistakes rules rule health provider providers responsibility function
""".split()
)


class NamedInstitution(Rule):
    """Flags a named school, academy, nursery, pre-school, college, children's
    or family centre, GP practice, surgery, medical or health centre in a case
    review ("St Mary's Primary School", "Oakfield Nursery", "Riverside
    Surgery's records"). Generic words ("the primary school", "a Catholic
    secondary school", "a Local Authority Nursery") and pseudonymised settings ("School A", "GP Practice 1") are not
    reported, nor names the review declares in its `Pseudonyms` field.

    Kinds of school joined by "and" or "&" are part of one name
    ("Brackenfold Junior and Infant School", "Oakfield Infant & Nursery
    School").

    A setting named in lower case, in capitals or in a mix of the two
    ("brackenfold primary school", "oakfield nursery", "meadowbank medical
    centre", "BRACKENFOLD PRIMARY SCHOOL", "Brackenfold primary school") is
    read as lower case: it is reported when a word of its name is not an
    everyday word (lscb_checks.text.everyday: the Dale-Chall
    list of easy words with their common endings, the words that describe a
    kind of setting, and the project's lists of roles, agencies and
    places): "her primary school", "the receiving secondary school", "a
    local catholic primary school", "the feeder primary school", "a special
    school", "the village school" and "keyhole surgery" describe, and are
    not reported; nor is "a two-form entry primary school". A word with a
    possessive says whose setting it is ("jacob's school"), except after
    "st" ("st mary's primary school").

    A school's hashtag or handle, its words run together in title case or
    joined by "_", is read the same way when it ends with a kind of setting
    (School, Primary, Academy, Nursery, College, Surgery, Infants, Juniors,
    or PS for a primary school): "#BrackenfoldPrimary", "@BrackenfoldPS",
    "@brackenfold_primary"; "#BackToSchool" and "#ForestSchool" describe.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    Naming the school or surgery a child attended narrows the child down to a
    few hundred people, often a few dozen, in a small area: with the child's
    age and the events of the review, neighbours and classmates can tell who
    the child is.

    ## Example
        Child L attended Oakfield Primary School, where staff noticed...

    ## Use instead
        Child L attended School A, where staff noticed...

    Declare the pseudonym in the review's `Pseudonyms` field.

    ## Known limitations
    Only names directly before the kind of setting are found: "Oakfield"
    alone, a name not in title case made only of everyday words
    ("church school", "PARK VIEW PRIMARY SCHOOL", "Park primary school") or with "of" inside it ("ST ANNE'S CHURCH OF ENGLAND PRIMARY
    SCHOOL" is read as "england primary school", which only describes) or
    broken across a line, a hashtag in one case ("#brackenfoldprimary",
    "#BRACKENFOLDPRIMARY") or with a short form other than PS ("@BrackenfoldJS"),
    a setting named after its kind
    ("the Nursery on Oak Road") or in a file name written in lower case
    ("oakfield-primary.pdf") is missed. Hospitals, children's homes, clubs
    and places of worship are not reported. A name made only of words that
    describe a kind of setting ("Community", "Local Authority", "Independent",
    "Maintained") is taken as generic, even when a setting is really called
    that. A setting named only by an area (e.g. the board's own county) is
    reported, even when it is public. A capitalised word alone on its line
    does not join a kind on the next line: it is taken as an item of a list
    ("Hospitals", then "School governing bodies"). A kind straight after "of" ("the
    Timpson Review of School Exclusion", "the Head of School") is read as a
    common noun, never as the end of a setting's name.
    """

    code = "PII010"
    name = "named-institution"
    waiver = Waiver.APPROVED


HINT = 'use a pseudonym such as "School A" or "GP Practice 1" and declare it'


def check(site):
    yield from scan(site, detect)


def _name_word(word: str) -> bool:
    """A word that names, rather than describes, a setting."""
    base = word[:-2] if word[-2:] in ("'s", "’s") else word
    folded = fold(base)
    return folded not in GENERIC and not _LABEL.match(base) and folded not in CONNECTORS


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word in CONNECTORS


def _list_item(words: Words, index: int) -> bool:
    """Whether the word is alone on its line, before a line break: an item
    of a list ("Hospitals", "PCTs", then "School governing bodies"), not
    the first part of a name broken across lines."""
    if index + 1 >= len(words) or "\n" not in words.gap(index, index + 1):
        return False
    before = words.text[: words.spans[index][0]]
    return bool(before) and (before.rstrip(" \t\u00a0-*•").endswith("\n") or not before.strip(" \t\u00a0-*•"))


def _name_like(word: str) -> bool:
    """A word in lower case that names rather than describes a setting."""
    base = word[:-2] if word[-2:] in ("'s", "’s") else word
    folded = fold(base)
    if len(folded) < 2 or folded.isdigit() or folded in CONNECTORS or folded in STOP_WORDS:
        return False
    return not everyday(folded, _EVERYDAY)


def _joined_kinds(words: Words, begin: int) -> int | None:
    """Where a name goes on before `begin` over "and" or "&" joining two
    kinds of school ("Junior and Infant School"), or None."""
    if fold(words.word(begin)) not in JOINED_KINDS or begin < 1:
        return None
    if _AMPERSAND.fullmatch(words.gap(begin - 1, begin)):
        return begin - 1 if fold(words.word(begin - 1)) in JOINED_KINDS else None
    if (
        begin >= 2
        and fold(words.word(begin - 1)) == "and"
        and words.joined(begin - 1, begin)
        and words.joined(begin - 2, begin - 1)
        and fold(words.word(begin - 2)) in JOINED_KINDS
    ):
        return begin - 2
    return None


def detect(span, context: Context):
    hits = list(_capitalised_names(span, context))
    for hit in (*_any_case_names(span, context), *_tags(span, context)):
        if not any(other.start < hit.end and hit.start < other.end for other in hits):
            hits.append(hit)
    # "Oakfield Nursery" inside "Oakfield Nursery School": the whole name once.
    for hit in hits:
        if not any(other.start <= hit.start and hit.end < other.end for other in hits):
            yield hit


def _tags(span, context: Context):
    """A school's hashtag or handle: "#BrackenfoldPrimary", "@BrackenfoldPS".
    A word of it before the kind must not be an everyday word ("#BackToSchool",
    "#ForestSchool" are quiet)."""
    text = span.text
    if "#" not in text and "@" not in text:
        return
    for match in _TAG.finditer(text):
        parts = [part for piece in re.split(r"[\W_\d]+", match.group("body")) for part in _TAG_PART.findall(piece)]
        if len(parts) < 2 or parts[-1].lower() not in TAG_KINDS:
            continue
        if not any(_name_like(part) for part in parts[:-1]):
            continue
        term = " ".join(parts)
        if context.redaction.is_pseudonym(context.item, term):
            continue
        yield Hit(NamedInstitution, match.start(), match.end(), "named setting", HINT, term=term)


def _any_case_names(span, context: Context):
    """Settings named in lower case, in capitals or in a mix of the two,
    read as lower case: "brackenfold primary school", "BRACKENFOLD PRIMARY
    SCHOOL", "Brackenfold primary school". Only a word that is not an
    everyday word names a setting."""
    original = span.text
    text = original.lower()
    if len(text) != len(original):
        return  # a letter whose lower case is longer: offsets would not match
    file_name = span.where.endswith("file name")
    reported_to = -1
    for match in _KIND_LOWER.finditer(text):
        if match.start() < reported_to or _NOT_A_SETTING_LOWER.match(text, match.end()):
            continue
        if match.group("next") and match.group("next") in _SHORT_DESCRIBES:
            continue
        offset = max(0, match.start() - 160)
        words = Words(text[offset : match.end()], file_name)
        first = next(
            (index for index, (begin, _end) in enumerate(words.spans) if begin == match.start() - offset), None
        )
        if first is None or (first > 0 and words.word(first - 1) == "of" and words.joined(first - 1, first)):
            continue
        # Back over words in lower case that describe or name, to the first
        # everyday word, and no further than four words.
        begin = first
        while begin > 0 and first - begin < 4:
            joined = _joined_kinds(words, begin)
            if joined is not None:
                begin = joined
                continue
            if not words.joined(begin - 1, begin) or "\n" in words.gap(begin - 1, begin):
                break
            word = words.word(begin - 1)
            folded = fold(word)
            if folded in STOP_WORDS or folded in CONNECTORS or not (folded in GENERIC or _name_like(word)):
                break
            if word[-2:] in ("'s", "’s") and not (begin > 1 and fold(words.word(begin - 2)) in _SAINTS):
                break  # "jacob's school", "her son's school": whose school, not its name
            begin -= 1
        while begin < first and not _name_like(words.word(begin)):
            begin += 1
        if begin == first:
            continue
        start = offset + words.spans[begin][0]
        term = " ".join(original[start : match.end()].split())
        if context.redaction.is_pseudonym(context.item, term):
            continue
        reported_to = match.end()
        yield Hit(NamedInstitution, start, match.end(), "named setting", HINT, term=term)


def _capitalised_names(span, context: Context):
    text = span.text
    file_name = span.where.endswith("file name")
    reported_to = -1
    for match in _KIND.finditer(text):
        if _NOT_A_SETTING.match(text, match.end()) or match.start() < reported_to:
            continue
        # The words before the kind, back to the first that is not capitalised.
        offset = max(0, match.start() - 160)
        words = Words(text[offset : match.end()], file_name)
        first = next(index for index, (begin, _end) in enumerate(words.spans) if begin == match.start() - offset)
        if first > 0 and words.word(first - 1) == "of" and words.joined(first - 1, first):
            # "Timpson Review of School Exclusion", "Head of School": after
            # "of" the kind is a common noun; no setting's name ends "of School".
            continue
        begin = first
        while begin > 0:
            joined = _joined_kinds(words, begin)
            if joined is not None and _capitalised(words.word(joined)):
                begin = joined
                continue
            if not (
                words.joined(begin - 1, begin)
                and _capitalised(words.word(begin - 1))
                and fold(words.word(begin - 1)) not in STOP_WORDS
                and not _list_item(words, begin - 1)
            ):
                break
            begin -= 1
        while begin < first and words.word(begin) in CONNECTORS:
            begin += 1
        # "St. Mary's": a full stop after "St" joins the words too.
        if 0 < begin < first and words.word(begin - 1) in ("St", "Saint") and words.gap(begin - 1, begin) == ". ":
            begin -= 1
        naming = [words.word(index) for index in range(begin, first)]
        # Words at the start that only describe ("The", "Her", "Local") are left out.
        while naming and not _name_word(naming[0]):
            naming.pop(0)
            begin += 1
        if not any(_name_word(word) for word in naming):
            continue
        start = offset + words.spans[begin][0]
        term = " ".join(text[start : match.end()].split())
        if context.redaction.is_pseudonym(context.item, term):
            continue
        reported_to = match.end()
        yield Hit(NamedInstitution, start, match.end(), "named setting", HINT, term=term)
