"""The word lists the name checks read: titles, particles of surnames,
words that are never a surname in a review, words after a name that make it
a place or institution, forenames that are also everyday words or places,
and words for a people, a language or a faith. Read by the full-name check
(lscb_checks.checks.pii_names), the check of parts of names
(lscb_checks.checks.pii_name_parts) and the detectors of lscb_checks.text.
"""

from __future__ import annotations

TITLES = frozenset("mr mrs ms mx miss dr prof professor".split()) | frozenset(
    # Police and council titles: "PC Hargreaves", "Det Sgt Hargreaves", "Cllr Hargreaves".
    "pc dc ds di dci dsi det sgt insp supt pcso cllr constable sergeant inspector councillor".split()
)
# Titles written in capitals ("PC", "DS"): only in exactly that form, so that
# "Di Hargreaves" and "Ds" are read as ordinary words.
_CAPITAL_TITLES = frozenset("pc dc ds di dci dsi pcso".split())
# Lower-case parts of surnames: "Maria da Silva", "Ahmed bin Rashid".
PARTICLES = frozenset("van von de da di du del della der den la le bin ibn al el ter ten dos das".split())
# A capitalised word before a forename that makes it a place or institution:
# "St Mary", "Queen Elizabeth", "Royal Victoria".
PLACE_PREFIXES = frozenset("st saint queen king prince princess royal lake mount port fort".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())

# Words that are never a surname in a review: roles, relations, agencies,
# institutions, places, documents, times, and words of titles of guidance.
NOT_SURNAMES = frozenset(
    """
mother mum mummy father dad daddy parent parents stepfather stepmother stepdad stepmum
partner partners boyfriend girlfriend husband wife sibling siblings brother brothers sister
sisters son daughter child children childs baby babies infant grandmother grandfather
grandparent grandparents grandma grandad granddad nan nana aunt auntie uncle cousin niece
nephew carer carers guardian guardians family families relative relatives friend friends
neighbour neighbours maternal paternal foster adoptive kinship
social worker workers visitor visitors nurse nurses midwife midwives doctor doctors gp gps
consultant paediatrician registrar practitioner practitioners teacher teachers headteacher
head assistant assistants officer officers constable sergeant inspector detective
superintendent chief manager managers lead leads coordinator co-ordinator advisor adviser
chair chairs reviewer reviewers author authors judge magistrate magistrates solicitor
barrister counsel therapist psychologist psychiatrist counsellor mentor tutor senco dsl
designated deputy director principal governor governors trustee trustees clerk receptionist
paramedic paramedics staff professional professionals agency agencies panel member members
police constabulary council councils authority authorities service services hospital
hospitals trust trusts board boards partnership partnerships team teams unit units
department departments centre centres center clinic clinics surgery practice practices
school schools academy academies college colleges nursery nurseries preschool pre-school
university hospice church mosque temple gurdwara synagogue charity foundation society association
group network forum hub office commission commissioner ofsted cafcass nhs ambulance fire
rescue probation prison court courts tribunal housing home homes house library ward wards
road street avenue close drive way crescent gardens terrace place grove mews row square
walk rise view parade park station line bridge estate village town city county borough
rd st ave ln cres ct gdns tce pl sq
project projects pad pads garden groups scheme schemes programme programmes
training briefing briefings visit visits role roles induction development learning
notification notifications referral referrals form forms log logs record records
district region area north south east west central england english scotland scottish
wales welsh ireland irish britain british kingdom northshire london
act acts order orders section sections regulation regulations guidance procedure procedures
protocol policy policies plan plans framework report reports review reviews inquiry
inquiries enquiry enquiries assessment assessments conference conferences meeting meetings
strategy standards code bill appendix annex chapter part schedule paragraph recommendation
recommendations finding findings summary introduction conclusion conclusions background
methodology response action actions status progress complete title date themes theme
monday tuesday wednesday thursday friday saturday sunday christmas easter eid ramadan
diwali hanukkah spring summer autumn term half morning afternoon evening night weekend
safeguarding protection welfare care health help early education mental adult adults youth
public private local national independent statutory multi-agency together safe
barnardo barnardos childline nspcc
palace lodge valley cottage farm manor villa castle abbey barn mills side alert aid meth
a an the of and or nor not but for to in into on onto at by with from as is was are were be
been has had have will would can could may might must shall should than then that this these
those who whom whose which what when where why how all any each every no some such only also
""".split()
)

# A word after a name that makes the whole an institution or a place named
# after somebody: "Mary Seacole House", "Florence Nightingale Hospital".
AFTER_NAME = frozenset(
    """
hospital hospitals school academy college nursery centre center house road street avenue
lane close drive way crescent court gardens terrace place grove mews row square walk park
station line bridge trust foundation fund institute unit ward wing library building hall
clinic surgery practice medical health primary infant junior secondary high grammar
memorial estate tower gate people airport stadium theatre museum gallery hotel prize award
lecture society charity fellowship scholarship programme hospice nurse nurses
subgroup committee group forum network panel board team service services partnership project
plan policy framework strategy toolkit pathway protocol procedure procedures model approach
standards scheme course training meeting conference assessment audit
police constabulary council authority agency commission office department ministry
pad groups
""".split()
)
# The same, in lower case, straight after a name: "the Marie Curie nurse",
# "Sue Ryder services". ("took Kyle Brennan home" is a name: not "home".)
AFTER_NAME_LOWER = frozenset(
    """
nurse nurses service services hospice hospices project projects team teams charity charities
trust volunteers volunteer centre centres hub hubs unit ward wing foundation
""".split()
)

# Surnames that are also words for a person, a place or an organisation:
# after a forename they are a surname ("Leanne Child", "Leanne Nurse"), unless
# the forename is also an ordinary word ("Grace Church", "Rose Lodge") or an
# organisation word or a label follows ("Child L", "Church Hall").
AMBIGUOUS_SURNAMES = frozenset("child church lodge nurse".split())
# Forenames that are also words for a virtue, a plant, a season or a place:
# before Church or Lodge they name a church or a house.
WORD_FORENAMES = frozenset(
    """
hope faith grace joy trinity emmanuel immanuel zion bethel bethany elim liberty destiny mercy
victory charity patience abbey harmony unity providence salem shiloh calvary jubilee harvest eden
rose ivy willow holly hazel laurel heather maple rowan fern primrose lavender poppy daisy
lily iris violet jasmine linden briar clover meadow brook river summer autumn winter star
dawn amber ruby pearl jade crystal coral sky skye heath forest ash aspen cedar juniper
magnolia acacia myrtle marigold bluebell blossom robin wren linnet lark raven park dale
glen glenn bay vale beech oak elm birch hawthorn
""".split()
)
# Words after an ambiguous surname that make the whole a place or service.
_AMBIGUOUS_AFTER = frozenset(
    """
care home homes hall halls house centre youth group groups members member congregation leader
leaders pastor minister volunteers volunteer staff team teams service services project school
nursery protection practitioner practitioners plan plans of court road street lane residential
""".split()
)
# Forenames that are also ordinary English words, besides WORD_FORENAMES and
# any word a review writes in lower case: used at the start of a sentence
# they need evidence that they name a person.
ORDINARY_WORDS = (
    WORD_FORENAMES
    | MONTHS
    | frozenset(
        """
angel ant apple ball banjo barber bean bell berry bill bird black blessing bob boo brain bran
bright brown bunny bush candy cane case cash cat chance chase cherry chick china chose christen
clay cliff colt cook cork curly dame dare darn diamond dolly dot drew dusty eve farmer french
fudge gang gay goose gray grey guy hawk hilly hind holiday honey honor honour hung hunter ivory
jacks jay jelly kitty land lean lucky major mane mark misty moon moose moss nail nickel ocean
page pansy pat peace peach pear penny plum pony rainy ray rice rich rob rock rocky rush rusty
sandy sang sash savage shell shepherd sissy snow snowy sole stone storm sung sunny swift tailor
tan tore turtle valentine velvet will wise wolf wonder frank grant sterling hardy noble bliss
wade sonny lucky buddy happy sunny sugar honey baker carter cooper fisher mason porter taylor
walker ward bishop dean earl duke prince rex king queen lord lady sage reed rush miles
""".split()
    )
)
# Forenames that are also places (towns, counties, countries): written with
# a capital wherever they are, so only a possessive or a verb after them
# says that they name a person ("moved to Preston", "Preston said").
PLACE_FORENAMES = frozenset(
    """
adelaide ashford bradford brent brighton bristol cambridge camden chelsea cheshire chester
clifton derby devon dudley essex flint florence jersey kendal kent kingston leeds leicester
lincoln milton nottingham oxford preston richmond ripon stafford stanley surrey sydney wells
york afghanistan africa albania canada chad china cyprus denmark france georgia ghana india
israel jamaica jordan kenya mali oman singapore yemen
""".split()
)
# Words for a people, a language or a faith, always written with a capital
# ("her first language is Russian", "a Christian charity"): like places,
# they name a person only with a possessive or a verb after them.
LANGUAGES = frozenset(
    """
urdu punjabi arabic bengali hindi gujarati tamil amharic tigrinya farsi pashto dari mandarin
cantonese yoruba igbo hausa twi swahili lingala shona gaelic buddhist anglican methodist baptist
pentecostal orthodox islamic
""".split()
)
# Words for where a family comes from or what it believes: "the Polish family".
NOT_FAMILY_NAMES = frozenset(
    """
polish romanian roma gypsy traveller travellers irish scottish welsh english british asian
african caribbean black white muslim christian jewish hindu sikh catholic protestant somali
pakistani bangladeshi indian chinese lithuanian latvian estonian bulgarian nigerian ghanaian
eritrean sudanese syrian afghan iraqi iranian kurdish turkish albanian portuguese spanish
italian french german ukrainian russian czech slovak hungarian vietnamese filipino jamaican
zimbabwean congolese ethiopian kenyan ugandan european american arab yemeni moroccan algerian
egyptian greek cypriot dutch brazilian colombian eastern western foster adoptive birth host
extended blended whole wider same other second first new current previous former original
""".split()
)
PEOPLES = NOT_FAMILY_NAMES | LANGUAGES
