"""Name keys: the one name of a country written several ways, and the key under which mentions of one
entity meet within a document. Pure functions."""

from __future__ import annotations

import re

COUNTRY_NAMES: dict[str, str] = {
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states": "United States", "united states of america": "United States",
    "prc": "China", "p.r.c.": "China", "people's republic of china": "China", "china": "China",
    "the people's republic of china": "China", "mainland china": "China",
    "rok": "South Korea", "republic of korea": "South Korea", "south korea": "South Korea",
    "roc": "Taiwan", "taiwan": "Taiwan", "dprk": "North Korea", "north korea": "North Korea",
    "indo-pacific": "Indo-Pacific", "russian federation": "Russia", "russia": "Russia",
    "democratic people's republic of korea": "North Korea",
}

# the world's countries and territories as English writes them (CLDR's English territory names, from Babel, with
# "and" for "&", "Saint" for "St." and common other forms), each its own canonical name; not "Jordan", "Chad" or
# "Diego Garcia", which name people more often than places in this text
_WORLD = """
    Afghanistan; Albania; Algeria; American Samoa; Andorra; Angola; Anguilla; Antarctica; Antigua & Barbuda; Antigua
    and Barbuda; Argentina; Armenia; Aruba; Australia; Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados;
    Belarus; Belgium; Belize; Benin; Bermuda; Bhutan; Bolivia; Bosnia & Herzegovina; Bosnia and Herzegovina;
    Botswana; Brazil; British Virgin Islands; Brunei; Brunei Darussalam; Bulgaria; Burkina Faso; Burma; Burundi;
    Cabo Verde; Cambodia; Cameroon; Canada; Canary Islands; Cape Verde; Cayman Islands; Central African Republic;
    Chile; China; Christmas Island; Colombia; Comoros; Congo; Cook Islands; Costa Rica; Croatia; Cuba; Curaçao;
    Cyprus; Czech Republic; Czechia; Côte d'Ivoire; Côte d’Ivoire; Democratic Republic of the Congo; Denmark;
    Djibouti; Dominica; Dominican Republic; East Timor; Ecuador; Egypt; El Salvador; England; Equatorial Guinea;
    Eritrea; Estonia; Eswatini; Ethiopia; Falkland Islands; Faroe Islands; Federated States of Micronesia; Fiji;
    Finland; France; French Guiana; French Polynesia; Gabon; Gambia; Georgia; Germany; Ghana; Gibraltar; Greece;
    Greenland; Grenada; Guadeloupe; Guam; Guatemala; Guernsey; Guinea; Guinea-Bissau; Guyana; Haiti; Holland; Holy
    See; Honduras; Hong Kong; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Isle of Man; Israel; Italy;
    Ivory Coast; Jamaica; Japan; Jersey; Kazakhstan; Kenya; Kingdom of Saudi Arabia; Kiribati; Kosovo; Kuwait;
    Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya; Liechtenstein; Lithuania; Luxembourg; Macao; Macau;
    Madagascar; Malawi; Malaysia; Maldives; Mali; Malta; Marshall Islands; Martinique; Mauritania; Mauritius;
    Mayotte; Mexico; Micronesia; Moldova; Monaco; Mongolia; Montenegro; Montserrat; Morocco; Mozambique; Myanmar;
    Namibia; Nauru; Nepal; Netherlands; New Caledonia; New Zealand; Nicaragua; Niger; Nigeria; Niue; Norfolk Island;
    North Korea; North Macedonia; Northern Ireland; Northern Mariana Islands; Norway; Oman; Pakistan; Palau;
    Palestine; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Pitcairn Islands; Poland; Portugal; Puerto
    Rico; Qatar; Republic of Ireland; Republic of the Congo; Romania; Russia; Rwanda; Réunion; Saint Barthélemy;
    Saint Kitts & Nevis; Saint Kitts and Nevis; Saint Lucia; Saint Martin; Saint Pierre & Miquelon; Saint Pierre and
    Miquelon; Saint Vincent & Grenadines; Saint Vincent and Grenadines; Saint Vincent and the Grenadines; Samoa; San
    Marino; Saudi Arabia; Scotland; Senegal; Serbia; Seychelles; Sierra Leone; Singapore; Sint Maarten; Slovakia;
    Slovenia; Solomon Islands; Somalia; South Africa; South Korea; South Sudan; Spain; Sri Lanka; St. Barthélemy;
    St. Kitts & Nevis; St. Kitts and Nevis; St. Lucia; St. Martin; St. Pierre & Miquelon; St. Pierre and Miquelon;
    St. Vincent & Grenadines; St. Vincent and Grenadines; Sudan; Suriname; Swaziland; Sweden; Switzerland; Syria;
    São Tomé & Príncipe; São Tomé and Príncipe; Taiwan; Tajikistan; Tanzania; Thailand; Timor-Leste; Togo; Tokelau;
    Tonga; Trinidad & Tobago; Trinidad and Tobago; Tunisia; Turkey; Turkmenistan; Turks & Caicos Islands; Turks and
    Caicos Islands; Tuvalu; Türkiye; U.S. Virgin Islands; UAE; Uganda; Ukraine; United Arab Emirates; United
    Kingdom; United States; Uruguay; Uzbekistan; Vanuatu; Vatican; Vatican City; Venezuela; Viet Nam; Vietnam;
    Wales; Wallis & Futuna; Wallis and Futuna; Western Sahara; Yemen; Zambia; Zimbabwe; Åland Islands
"""
for _name in _WORLD.replace("\n", " ").split(";"):
    COUNTRY_NAMES.setdefault(" ".join(_name.split()).lower().replace("’", "'"), " ".join(_name.split()))


_COUNTRY_ADJECTIVES = {"chinese": "china", "american": "united states", "u.s.": "united states", "us": "united states",
                       "british": "united kingdom", "russian": "russia", "japanese": "japan"}


def country_adjective(word: str) -> bool:
    """"American", "Chinese", "British": a country's adjective (no part of a person's name)."""
    return word.lower() in _COUNTRY_ADJECTIVES and word.lower() not in {"us", "u.s."}


def country_name(name: str) -> str | None:
    """The one name of a country written several ways ("UK", "Britain" -> "United Kingdom")."""
    key = re.sub(r"^the\s+", "", name.lower().replace("’", "'")).strip()
    key = re.sub(r"\s+special administrative region$", "", key)
    if key.endswith(" government"):  # "Chinese Government", "U.S. Government"
        key = key.removesuffix(" government")
        key = _COUNTRY_ADJECTIVES.get(key, key)
    return COUNTRY_NAMES.get(key)


def name_key(name: str, etype: str | None = None) -> str:
    """The key under which mentions of one entity meet: case, "the", punctuation and place suffixes ignored; a
    country's name is its key, but not "U.S. Government" typed as a public body."""
    key = re.sub(r"[“”\"'’.,()]", "", name.lower())
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\s+", " ", key).strip()
    key = re.sub(r"^(?:us |u s )?(department|ministry) of (?:the )?(\w+)$", r"\2 \1", key)
    country = country_name(name)
    if country is not None and not (etype not in {None, "Place"} and key.endswith(" government")):
        return country.lower()
    if etype == "Place":
        key = re.sub(r"\s+(city|province|municipality)$", "", key)
    return key


__all__ = ["COUNTRY_NAMES", "country_name", "name_key"]
