"""Which entries of a list that publishes no entity type name a person.

Some sources give every entry's type (OpenSanctions' `schema`, OFAC's `individual`); the nsfreg extractions
of the Entity List, the Denied Persons List and State's nonproliferation list do not, although they list
many individuals ("Hans Maria De Geetere", "ANDREE AGNESE", "Longkui Qu"). An entry is read as a person
when its name and every alias has the shape of a personal name, as the lists print one:

- two to six words of letters (an initial "H.", a nickname "(Sergi)" or "SAMMY" in quotes allowed; a
  trailing single letter, as in "Sputnik E", is not an initial);
- no digit, '&', '/', '@' or ';', no acronym in a mixed-case name (a capitals word without a vowel, or of
  two or three letters that is no pinyin syllable: NPC, ZTE; surnames in capitals, PUSHKOV or WU, are kept);
- no word of an organisation: a legal form (LLC, OOO, Oy, GmbH, PT, FZE ...), a kind of body (Company,
  Institute, Bureau, Republic ...), a line of business (Trading, Electronics, Airlines ...), a joining word
  (of, for, and), a region or Chinese province or city (Hunan ...) or a country;
- the list's own word, where it prints one: "Emily Liu (individual)".

The words below are the ones organisation names on the lists are made of in any country, not words of one
entry. A test measures the rule on the lists that do publish types (precision and recall of Person).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mcfwatch.lists.countries import country_code

# legal forms and their abbreviations, as lists print them (dots and spaces removed, case folded)
LEGAL_FORMS = frozenset(
    """co corp corporation company companies ltd limited inc incorporated llc llp lp plc gmbh mbh kg ag sa sas
    sarl srl spa bv nv ab as oy oyj asa aps se pte pvt pty bhd sdn tbk pt cv kft zrt doo dd ad eood ood sro
    jsc ojsc cjsc pjsc ooo zao oao pao ao nao fgup gup tov pp ip ltda lda sl slu sapi fze fzc fzco fzllc dmcc
    wll spc saog saoc uab sia ou sp zoo ltdco coltd cc kk yk gk tic sti anonim sirketi sirket sanayi ticaret
    obshchestvo aktsionernoe otvetstvennostyu ogranichennoi zakrytoe otkrytoe publichnoe""".split()
)
# kinds of body and words that organisation names are built from
ORG_WORDS = frozenset(
    """group groups holding holdings enterprise enterprises corporation association associates society
    foundation fund trust union federation council committee commission ministry bureau department agency
    administration authority directorate office government republic state municipal army navy force forces
    command unit brigade regiment division battalion guard guards corps militia police intelligence service
    services university universities college academy institute institution school laboratory laboratories
    lab labs center centre centers research development design bureau plant factory works workshop mill
    refinery farm station port airport airlines airline airways aviation aero aerospace avia shipping shipyard
    marine maritime logistics transport freight cargo express lines trading trade traders import export
    exports imports supply supplies supplier distribution distributors sales marketing commerce commercial
    industries industry industrial manufacturing manufacturer engineering engineers technical technology
    technologies tech techno tekhnologii electronics electronic electric electrical electro energy power
    oil gas petroleum petrochemical chemical chemicals pharma pharmaceutical pharmaceuticals medical
    systems system solutions software computer computers computing network networks communications
    communication telecom telecommunications digital data cloud internet media semiconductor semiconductors
    microelectronics optics optical photonics laser instruments instrument equipment machinery machine
    machines tools tool components parts materials metals metal steel mining minerals nuclear atomic
    scientific science sciences innovation innovations ventures capital investment investments finance
    financial bank banking insurance consulting consultancy consultants partners partnership agency
    international global worldwide general national overseas import complex combine concern network
    openlab hospital clinic church mosque watch house chambers tribunal court defense defence library museum
    aeronautics acoustic acoustics concepts coalition alliance business rights union target establishment
    display displays solution catering field aircraft civil logic video radio alloy alloys contracting
    contractor contractors com elektronik elektronika makina ithalat ihracat turizm danismanlik isletmesi
    neft phase empire air amines party movement front brigades organization organisation
    organisations organizations project projects program programme club team bros brothers sons
    store stores shop market mart hotel construction building development resources products product
    production productions""".split()
)
# words that join the words of an organisation's name, never a person's (de, van, bin, al are kept)
STOPWORDS = frozenset("of for in by the and at on with".split())
# regions and the Chinese provinces and cities firms are named after (Hunan Haotyanyi, Shenzhen Minghuaxin)
PLACES = frozenset(
    """europe european asia asian pacific america american africa african atlantic arctic middle east eastern
    western northern southern north south east west central beijing shanghai tianjin chongqing harbin nanjing
    xian wuhan chengdu guangzhou shenzhen hangzhou changsha hefei jinan qingdao dalian shenyang changchun
    taiyuan zhengzhou kunming guiyang nanning fuzhou xiamen lanzhou hebei henan hubei hunan shandong shanxi
    shaanxi jiangsu zhejiang anhui fujian jiangxi guangdong guangxi hainan sichuan guizhou yunnan gansu
    qinghai xinjiang liaoning jilin heilongjiang suzhou wuxi ningbo dongguan zhuhai kowloon moscow
    korea italia liban deutschland espana turkiye emirates""".split()
)
# stems inside one word of a firm's name (Aerotechnologies, Techsystems, Optoelectronics)
ORG_STEMS = ("tech", "electr", "system", "industr", "semicon", "logist", "pharm", "chem", "aero", "invest",
             "energ", "telecom", "corp")
_SUFFIXES = frozenset("ii iii iv jr sr".split())
# a pinyin syllable: a Chinese surname printed in capitals (WU Haibo, GAO Qiang) is not an acronym (ZTE, MPI)
_PINYIN = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|"
    r"ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u|v)$"
)
_VOWEL = re.compile(r"[AEIOUYaeiouy]")
_ALLOWED = re.compile(r"^[^\W\d_]+(?:[-'’.][^\W\d_]+)*[.'’]?$")  # a word of letters: Al-Hassan, O'Neil, Jr., Rabi'
_FORBIDDEN = re.compile(r"[\d&/@\"“”«»;]|\bAddress\b")
_BRACKET = re.compile(r"\(([^()]*)\)")
_INDIVIDUAL = re.compile(r"\((?:an? )?individual\)", re.IGNORECASE)
_NICKNAME = re.compile(r"[\"“]([^\W\d_]+)[\"”]")  # IHSAN MEDHAT "SAMMY" ELASHI


def _words(name: str) -> list[str] | None:
    """The words of a name shaped like a personal name, or None (a one-word nickname in brackets dropped)."""
    name = _NICKNAME.sub(" ", name)
    if _FORBIDDEN.search(name):
        return None
    bracketed = _BRACKET.findall(name)
    if any(len(b.split()) > 1 for b in bracketed):
        return None  # "(f.k.a. ...)", "(HK) Technology": an organisation's former name or place
    if not name.isupper() and any(b.isupper() and len(b) >= 2 and not _PINYIN.match(b.casefold()) for b in bracketed):
        return None  # an acronym in brackets: Asa'ib Ahl al-Haq (AAH)
    words = _BRACKET.sub(" ", name).replace(",", " ").split()
    if not 2 <= len(words) <= 6 or not all(_ALLOWED.match(w) for w in words):
        return None
    return words


def _has_org_word(words: list[str], mixed_case: bool) -> bool:
    for w in [p for word in words for p in {word, *word.split("-")}]:
        key = w.replace(".", "").replace("’", "'").casefold()
        if key in LEGAL_FORMS or key in ORG_WORDS:
            return True
        if key in STOPWORDS or key in PLACES or any(stem in key for stem in ORG_STEMS):
            return True
        letters = w.replace(".", "")
        acronym = len(letters) >= 2 and letters.isupper() and letters.isascii() and (
            not _VOWEL.search(letters) or (len(letters) <= 3 and not _PINYIN.match(key)))
        if mixed_case and acronym and key not in _SUFFIXES:
            return True  # an acronym in a mixed-case name (GBNTT, NPC Granat); a surname in capitals is not

    folded = [w.casefold().strip(".,") for w in words]
    spans = (" ".join(folded[i:j]) for i in range(len(folded)) for j in range(i + 1, min(len(folded), i + 4) + 1))
    return any(len(span) > 2 and country_code(span) for span in spans)  # a country: Huawei Denmark


def is_person_name(name: str) -> bool:
    """True if the name has the shape of a personal name and no organisation word (see the module)."""
    if _INDIVIDUAL.search(name):
        return True  # the list says so: "Emily Liu (individual)"
    words = _words(name)
    if words is None:
        return False
    long_words = [w for w in words if len(w.strip(".")) >= 2]
    if len(long_words) < 2 and not (len(long_words) == 1 and len(words) >= 2):
        return False
    if len(words[-1].strip(".")) == 1:
        return False  # a trailing letter (Sputnik E) is a model or a series, not an initial
    mixed_case = not name.isupper()
    return not _has_org_word(words, mixed_case)


def looks_like_person(name: str, aliases: Iterable[str] = ()) -> bool:
    """A list entry without a published type names a person: its name does, and no alias names a body."""
    if not is_person_name(name):
        return False
    for alias in aliases:
        words = (w.replace(".", "").casefold() for w in alias.replace(",", " ").split())
        if any(w in LEGAL_FORMS or w in ORG_WORDS for w in words):
            return False  # a body's alias (Transsphere Limited Oy); a nickname says nothing either way
    return True
