"""Forenames, to recognise a person's full name in a review.

The names come from the `names-dataset` package (forenames seen on a large
public sample of social media profiles, ranked by country): every forename
ranked in the United Kingdom, plus the most common forenames of the countries
most families in England have links with (derive()). Loading the package
takes several seconds and over a gigabyte of memory, so the selection, about
30,000 names, is made by scripts/derive-word-lists and committed as
lscb_checks/data/forenames.txt: what counts as a name is reviewed in the
repository and changes only with a commit, and the build reads the file (a few
milliseconds) without the package.

Words the package lists as forenames but that are ordinary English words in
a review ("Head", "Court", "Staff", "The"...) are dropped when the file is
read, so changing that list needs no new data file.
"""

from __future__ import annotations

import functools
import re

from lscb_core.text.normalise import fold as fold_word

from .wordlists import _read as wordlist
from .wordlists import everyday_words

# Every name ranked in the UK; the most common names of other countries.
RANK_LIMITS = {"GB": 20000, "IE": 3000, "US": 3000, "CA": 3000}
OTHER_COUNTRIES = (
    "IN BD NG GH PL LT TR IT PT ES FR DE JM ZA AF IQ IR SY EG SA AE OM HK CN "
    "MY PH BG AL HU CZ GR CY NL BE SD MA DZ ET YE KW SG"
).split()
WORDY_COUNTRIES = "SE DK NO FI RU LB JO PS".split()
OTHER_LIMIT = 1000
# Names of three letters or fewer are mostly initials and abbreviations in
# the package; only well-ranked ones are kept ("Ali", "Bo", "Md").
SHORT_GB_LIMIT = 3000
SHORT_OTHER_LIMIT = 100

_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+(?:['’\-][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+)*$")

# Listed by the package, but in a review these are ordinary words, places or
# titles, not somebody's first name.
NOT_FORENAMES = frozenset(
    """
a about above across act action actually add after again against age ago ah aid
all also although always am among an and another any anyone anything are area
around art as ask at away baby back bank bay be because been before
being below best better between big bishop blue board body both boy bridge brook
brother but by call came can care castle central chair channel charity chief
child children christ christmas church city clear close club come complete could
council county court cross crown daddy day dear deputy did do doctor does done
down during each early east easter eid else end england english even ever
every eye fair family far father few field fine first for forest forever free
friday from full gate general get girl give go god going gold good grand grandma
great green guard had hall happy has have he head health hello help her here
high hill him his holy home honour hospital house how i if in inn
into ireland is it its judge junior just justice keep key kid king lady lake
lane last late law lead left less life light like line little live local london
long lord love low made make man manchester many mayor me mean might
mine miss mister monday more most mount mr mrs ms much mum must my near never
new next nice no none nor north not now nurse of off officer often oh ok old on
once one only or our out over own park part people pc per place police port
prince princess queen quite ramadan real red rev right river road royal sad saint
said same saturday say school see seven she should since sir six so some son
south spring st staff state still street such sunday sure team temple than
thank that the their them then there these they thing this those three through
thursday till time to today together too top town trust tuesday two under unit
up upon us very via wales ward was way we wednesday well were west what when
where which while white who why wife with within without wood would year yes yet
you young your
abode active aide alias alley angle arsenal ascension aura badger bang banter baron bash bear
beat beauty bee beer believe bench bespoke beta bike bless blessed blank blaze boss boxer breed
breeze brew bride buff butt buzz cairn caravan carpet carry catch certified champ champion char
charm chess chew chic chin chip chop circle citizen clemency cloud coffee comfort con confidence
cookie corona courage courts daily dash deacon deck deep den denim deny digger divine doll dome
echo edit elder epic evangelist fade famous fan fee ferry file fish flex flip floor flower
forgive fortunate fortune garden gift given glad glory goodness gracious granny greet grim guru
hair halo handyman hang happiness harm harp harsh heart heaven heavenly herb humble image imam
immaculate iron jam joke jolly jumbo jungle kids kingdom kings kiss kitchen lace laid lander
lash lavish lazy leaf lemon lets lies lighting living loan lone lovely lorry lung lyric main
market marry marshal mash mat mate mates meet memo memory mentor merry messy milk mini mint
miracle muddy mummy nanny neat noon northern oral original painting pagan panic papa pastor
patch peer pepper person photos pious pop positive praise premier prestige pretty promise
property prosper quality raid rain rainbow rapid rash reef rehab reign rejoice ring rosy sales
salon save saviour season selling semi serene shade shady shine shining shiny silence silk sing
skinny skip slick smart smiley solo song soon spark sparkle spice spike spud steel step stew
stitch stretch success sugar sunshine swan sweetie talent tall tank thaw thee thin thunder tiger
tiny toffee tone toss trace tray tree trees tricky trigger true truly twin unique unruly vital
welcome wind windy wing win wisdom yeah yoga
british european american african asian scottish welsh irish national mill
nan nana nanna gran grandad aunt auntie uncle sister brother cousin
senior bank
ah al bin bra ch che cik ct els eri fe gal ho itz jc jm kin lam lo low man mas med mj nil nor odd om
ong oum pal per ram rj sk sun tal tin ton um jun wan
""".split()
)


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The word as every check compares text (lscb_core.text.normalise.fold):
    "Zoë", "Zoe", "ZOE" and "Zое" (Cyrillic о, е) are the same name."""
    return fold_word(word)


def derive() -> list[str]:
    """Select the forenames from the package, folded (slow: seconds, much memory)."""
    from names_dataset import NameDataset

    dataset = NameDataset(load_first_names=True, load_last_names=False)
    everyday = everyday_words()
    chosen = set()
    for name, info in dataset.first_names.items():
        ranks = info.get("rank") or {}
        if not ranks or not _LATIN_NAME.match(name) or len(name) < 2:
            continue
        if len(name) <= 3:
            keep = ranks.get("GB", SHORT_GB_LIMIT + 1) <= SHORT_GB_LIMIT or any(
                ranks.get(country, SHORT_OTHER_LIMIT + 1) <= SHORT_OTHER_LIMIT
                for country in (*OTHER_COUNTRIES, *WORDY_COUNTRIES)
            )
        else:
            keep = any(ranks.get(country, OTHER_LIMIT + 1) <= OTHER_LIMIT for country in OTHER_COUNTRIES)
            # A name ranked only in these that is also an everyday English
            # word ("Find", "Odd", "Stale") is read as the word.
            keep = (
                keep
                or fold(name) not in everyday
                and any(ranks.get(country, OTHER_LIMIT + 1) <= OTHER_LIMIT for country in WORDY_COUNTRIES)
            )
            keep = keep or any(ranks.get(country, limit + 1) <= limit for country, limit in RANK_LIMITS.items())
        if keep:
            chosen.add(fold(name))
    del dataset
    return sorted(chosen)


def forenames(settings: dict | None = None) -> frozenset[str]:
    """Folded forenames (see fold()), from lscb_checks/data/forenames.txt
    (written by scripts/derive-word-lists with derive()), less the ordinary
    words in NOT_FORENAMES. `settings` is accepted for the checks' calls
    and not read: the list is the same for every site."""
    return _main_list()


@functools.lru_cache(maxsize=1)
def _main_list() -> frozenset[str]:
    # Names with letters outside ASCII are folded again as read, so a list
    # written before a change of fold() still gives names that match.
    return frozenset(name if name.isascii() else fold(name) for name in wordlist("forenames.txt")) - NOT_FORENAMES
