"""Country names as the lists print them → ISO 3166-1 alpha-2 (lower case).

Only the spellings found in the shipped lists (and their obvious variants) are declared; an unknown
name gives None rather than a guess.
"""

from __future__ import annotations

import re

_NAMES: dict[str, str] = {
    "china": "cn", "chinese": "cn", "people's republic of china": "cn", "peoples republic of china": "cn", "prc": "cn",
    "mainland china": "cn", "hong kong": "hk", "hong kong sar": "hk", "macau": "mo", "macao": "mo",
    "taiwan": "tw", "russia": "ru", "russian federation": "ru", "russian": "ru",
    "crimea region of ukraine": "ua", "ukraine": "ua", "united states": "us", "usa": "us",
    "iran": "ir", "islamic republic of iran": "ir", "iranian": "ir", "united arab emirates": "ae", "uae": "ae",
    "north korea": "kp", "north korea (dprk)": "kp", "dprk": "kp", "south korea": "kr", "rok": "kr",
    "pakistan": "pk", "islamic republic of pakistan": "pk", "turkey": "tr", "turkiye": "tr",
    "turkey (turkiye)": "tr", "japan": "jp", "united kingdom": "gb", "uk": "gb", "malaysia": "my",
    "syria": "sy", "syrian arab republic": "sy", "syrian": "sy", "belarus": "by", "singapore": "sg",
    "germany": "de", "canada": "ca", "afghanistan": "af", "islamic republic of afghanistan": "af",
    "india": "in", "lebanon": "lb", "republic of lebanon": "lb", "cyprus": "cy", "france": "fr",
    "iraq": "iq", "sudan": "sd", "south sudan": "ss", "burma": "mm", "myanmar": "mm",
    "switzerland": "ch", "finland": "fi", "south africa": "za", "thailand": "th", "israel": "il",
    "state of israel": "il", "mexico": "mx", "armenia": "am", "bulgaria": "bg", "kazakhstan": "kz",
    "jordan": "jo", "belgium": "be", "greece": "gr", "netherlands": "nl", "czech republic": "cz",
    "czechia": "cz", "libya": "ly", "egypt": "eg", "arab republic of egypt": "eg", "estonia": "ee",
    "ireland": "ie", "malta": "mt", "austria": "at", "spain": "es", "saudi arabia": "sa",
    "venezuela": "ve", "georgia": "ge", "luxembourg": "lu", "oman": "om", "panama": "pa", "italy": "it",
    "moldova": "md", "kyrgyzstan": "kg", "uzbekistan": "uz", "poland": "pl", "bahrain": "bh",
    "sweden": "se", "vietnam": "vn", "australia": "au", "sri lanka": "lk", "macedonia": "mk",
    "north macedonia": "mk", "cuba": "cu", "uganda": "ug", "argentina": "ar", "belize": "bz",
    "brazil": "br", "chile": "cl", "costa rica": "cr", "indonesia": "id", "norway": "no",
    "romania": "ro", "cayman islands": "ky", "british virgin islands": "vg", "yemen": "ye",
    "republic of yemen": "ye", "eritrea": "er", "bolivia": "bo", "denmark": "dk", "ecuador": "ec",
    "hungary": "hu", "jamaica": "jm", "kenya": "ke", "laos": "la", "latvia": "lv", "lithuania": "lt",
    "madagascar": "mg", "morocco": "ma", "new zealand": "nz", "nicaragua": "ni", "paraguay": "py",
    "peru": "pe", "philippines": "ph", "portugal": "pt", "qatar": "qa", "senegal": "sn",
    "slovakia": "sk", "liechtenstein": "li", "cambodia": "kh", "tajikistan": "tj", "azerbaijan": "az",
    "serbia": "rs", "kuwait": "kw", "slovenia": "si", "croatia": "hr", "algeria": "dz", "tunisia": "tn",
    "nigeria": "ng", "bangladesh": "bd", "nepal": "np", "mongolia": "mn", "iceland": "is",
    "european union": "eu", "eu": "eu", "hongkong": "hk", "bvi": "vg",
}
# the same countries as Chinese partner files and Chinese lists write them (a 国家 column saying 中国)
_NAMES.update({
    "中国": "cn", "中华人民共和国": "cn", "中国大陆": "cn", "大陆": "cn", "香港": "hk", "中国香港": "hk",
    "澳门": "mo", "中国澳门": "mo", "台湾": "tw", "中国台湾": "tw", "美国": "us", "美利坚合众国": "us",
    "英国": "gb", "德国": "de", "法国": "fr", "日本": "jp", "俄罗斯": "ru", "俄罗斯联邦": "ru", "韩国": "kr",
    "朝鲜": "kp", "伊朗": "ir", "巴基斯坦": "pk", "印度": "in", "以色列": "il", "加拿大": "ca", "澳大利亚": "au",
    "新加坡": "sg", "意大利": "it", "荷兰": "nl", "瑞士": "ch", "瑞典": "se", "西班牙": "es", "乌克兰": "ua",
    "白俄罗斯": "by", "土耳其": "tr", "阿联酋": "ae", "阿拉伯联合酋长国": "ae", "马来西亚": "my", "泰国": "th",
    "越南": "vn", "巴西": "br", "新西兰": "nz", "比利时": "be", "奥地利": "at", "波兰": "pl", "芬兰": "fi",
    "挪威": "no", "丹麦": "dk", "爱尔兰": "ie", "葡萄牙": "pt", "希腊": "gr", "叙利亚": "sy", "缅甸": "mm",
    "欧盟": "eu",
})
_CODES = frozenset(_NAMES.values())
_HK_RE = re.compile(r"hong kong|kowloon|香港", re.IGNORECASE)


def country_code(name: object) -> str | None:
    """ISO2 (lower) for a printed country name or code; None when unknown or blank."""
    value = " ".join(str(name or "").replace("’", "'").split()).casefold()
    if not value:
        return None
    if value in _NAMES:
        return _NAMES[value]
    if len(value) == 2 and value.isascii() and value.isalpha():  # a code; "中国" is a name, not a code
        return value
    return None


def is_country_code(text: str) -> bool:
    """The text is a country's code in capitals, as a name prints it in brackets: HK, DE, UK, USA, BVI (a code of
    a country the lists name; two capitals that are no such code, IT aside, stay an acronym: (AB), (CETC))."""
    if not text.isupper() or not text.isalpha() or not 2 <= len(text) <= 3:
        return False
    code = country_code(text) if len(text) == 3 else ("gb" if text == "UK" else text.lower())
    return code in _CODES


def mentions_hong_kong(address: str | None) -> bool:
    """True if an address names Hong Kong or Kowloon (BIS lists Hong Kong parties under 'China')."""
    return bool(address and _HK_RE.search(address))


def country_from_address(address: str | None) -> str | None:
    """The country an address ends with ('..., Wuhan, China' → 'cn'; a Hong Kong address → 'hk')."""
    if not address:
        return None
    if mentions_hong_kong(address):
        return "hk"
    tail = re.split(r"[,;]", address.strip(" ."))[-1]
    return country_code(re.sub(r"[\d\-]+", "", tail).strip()) if tail else None
