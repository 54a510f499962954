"""Word lists the name layer reads: legal forms, abbreviations, places, unit words, the Chinese glossary
and the table of known names (acronyms, Chinese short names). Declared once; data files live in data/.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Legal and corporate forms: they say nothing about which organisation a name means.
LEGAL_FORMS = frozenset(
    "co company companies ltd limited inc incorporated corp corporation group groups holding holdings llc plc "
    "gmbh sa ag jsc pjsc ojsc pte pvt private public joint stock lp llp bv nv srl spa kk oy ab as sarl "
    "liability coltd cooperative ooo zao oao pao ao fgup gup tov pt tbk bhd sdn sl sas snc ltda"
    " obshchestvo ogranichennoi otvetstvennostyu aktsionernoe".split()
)
STOPWORDS = frozenset("the of and for in at a an de du la le des on by to".split())

# Abbreviations and spelling variants -> one form. Applied per word before comparison.
VARIANTS = {
    "univ": "university", "uni": "university", "universiti": "university", "universität": "university",
    "inst": "institute", "instit": "institute", "tech": "technology", "techn": "technology",
    "technol": "technology", "technologies": "technology", "technological": "technology",
    "sci": "science", "sciences": "science", "scientific": "science", "eng": "engineering",
    "engg": "engineering", "engr": "engineering", "intl": "international", "int": "international",
    "natl": "national", "nat": "national", "acad": "academy", "elec": "electronics",
    "electronic": "electronics", "comm": "communication", "comms": "communication",
    "communications": "communication", "telecom": "telecommunication", "telecommunications": "telecommunication",
    "svcs": "services", "srvces": "services", "servs": "services", "service": "services",
    "mfg": "manufacturing", "ind": "industry", "indus": "industry", "industries": "industry",
    "industrial": "industry", "grp": "group", "dev": "development", "devel": "development",
    "res": "research", "lab": "laboratory", "labs": "laboratory", "laboratories": "laboratory",
    "ctr": "center", "centre": "center", "cntr": "center", "defence": "defense", "aeronautical": "aeronautics",
    "aeronautic": "aeronautics", "astronautical": "astronautics", "astronautic": "astronautics",
    "materials": "material", "systems": "system", "instruments": "instrument", "machines": "machinery",
    "mechanical": "machinery", "optical": "optics", "optic": "optics", "chemicals": "chemical",
    "chem": "chemical", "pharma": "pharmaceutical", "pharmaceuticals": "pharmaceutical",
    "equip": "equipment", "hitech": "hightech", "hi": "high", "peking": "beijing", "macao": "macau",
    "st": "saint", "constr": "construction", "imp": "import", "exp": "export", "mfr": "manufacturer",
    "tekhno": "techno", "tekhnologii": "technology", "inzhiniring": "engineering",
}

# Words that name a unit inside a larger organisation (a lab, a school of a university).
UNIT_WORDS = frozenset(
    "laboratory school college department faculty center branch division unit academy institute "
    "hospital subsidiary office bureau".split()
)
UNIT_WORDS_ZH = ("实验室", "研究所", "研究院", "学院", "中心", "分公司", "系", "研究室", "医院", "分院")

# Kinds of institution: two names of the same script with different kinds are different bodies
# (Beijing Institute of Technology vs Beijing University of Technology).
KINDS = frozenset("university institute academy college school laboratory hospital company".split())

# Places: a name made only of a place and generic words is not distinctive (Nanjing University).
PLACES = frozenset(
    """beijing shanghai tianjin chongqing harbin nanjing xian wuhan chengdu guangzhou shenzhen hangzhou changsha
    hefei jinan qingdao dalian shenyang changchun taiyuan zhengzhou kunming guiyang nanning fuzhou xiamen
    nanchang lanzhou urumqi lhasa hohhot yinchuan xining haikou shijiazhuang suzhou wuxi ningbo hebei henan
    hubei hunan shandong shanxi shaanxi jiangsu zhejiang anhui fujian jiangxi guangdong guangxi hainan sichuan
    guizhou yunnan gansu qinghai xinjiang tibet ningxia liaoning jilin heilongjiang hong kong macau taiwan
    china chinese prc zhuhai dongguan foshan mianyang baoding luoyang wenzhou xuzhou changzhou nantong
    yantai weihai tangshan baotou datong handan zibo huizhou zhongshan jiangmen
    northwestern northeastern southwestern southeastern northwest northeast southwest southeast
    north south east west central northern southern eastern western national international
    uk britain british england london usa us america american germany german japan japanese france french
    russia russian korea korean india indian singapore malaysia canada australia pakistan iran uae dubai
    netherlands belgium italy spain switzerland sweden europe european asia pacific global world""".split()
)


# legal forms that make a body a company (a subset of LEGAL_FORMS: not group, holding, joint, public ...)
COMPANY_FORMS = frozenset(
    "co coltd company corp corporation inc incorporated limited llc ltd plc gmbh kk pte pvt jsc ojsc pjsc ooo zao oao "
    "pao bhd sdn tbk srl spa sarl".split()
)


def _read(name: str) -> list[str]:
    text = resources.files("mcfwatch.resolve").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """Chinese word -> its English readings (an empty tuple for a legal form that is dropped)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in _read("glossary.tsv"):
        zh, _, en = line.partition("\t")
        table[zh.strip()] = tuple(r.strip() for r in en.split("|") if r.strip())
    return table


@lru_cache(maxsize=1)
def glossary_max_len() -> int:
    return max(len(k) for k in glossary())


@lru_cache(maxsize=1)
def known_names() -> tuple[tuple[str, ...], ...]:
    """Groups of names of one organisation (acronyms, Chinese short names, former names)."""
    return tuple(tuple(n.strip() for n in line.split("|") if n.strip()) for line in _read("aliases.tsv"))
