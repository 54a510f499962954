"""Whose armed forces a military body belongs to, as far as its name says.

mcfwatch traces exposure to China's military-civil fusion. A military body is an end of an exposure path, and a
stated tie to one is an MCF link, only when it is China's: "the Italian Army used Alpi Aviation's drone" or "funded
by the U.S. Army Research Laboratory" tie a partner to a foreign armed force, which is no finding here. A name that
names another country ("Italian Army", "Royal Navy", "美国陆军", "Japan Ground Self-Defense Force") is foreign; a name
that names China or the PLA ("PLA Rocket Force", "中国人民解放军", "Chinese People's Armed Police") is China's; a name
that says neither ("Rocket Force", "Equipment Development Department") stays China's, as before: the documents this
tool reads name China's bodies without their country far more often than foreign ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mcfwatch.lists.countries import country_code

# A country's adjective as an armed force's name uses it ("Italian Army"): those of the countries whose forces the
# lists and the corpus name, and NATO's members. China's own are in _CHINA.
_ADJECTIVES = frozenset("""
    afghan albanian algerian american argentine argentinian australian austrian bahraini bangladeshi belarusian
    belgian brazilian british bulgarian burmese cambodian canadian chilean colombian croatian cuban czech danish
    dutch egyptian emirati estonian ethiopian filipino finnish french georgian german greek hungarian icelandic
    indian indonesian iranian iraqi irish israeli italian japanese jordanian kazakh kenyan korean kuwaiti latvian
    lebanese libyan lithuanian luxembourgish malaysian mexican mongolian montenegrin moroccan nepalese nigerian
    norwegian omani pakistani philippine polish portuguese qatari romanian russian saudi serbian singaporean slovak
    slovenian spanish swedish swiss syrian taiwanese thai tunisian turkish ugandan ukrainian uzbek venezuelan
    vietnamese yemeni
""".split())
# Words that name another country's forces by themselves.
_FOREIGN_FORCES = re.compile(
    r"\b(?:NATO|Bundeswehr|Pentagon|Royal\s+(?:\w+\s+)?(?:Navy|Air\s+Force|Army|Marines?)|Self[- ]Defen[cs]e\s+Forces?"
    r"|U\.?S\.?|USAF|USN|USMC|ROK|IDF|Marine\s+Corps|National\s+Guard)\b")
_CHINA = re.compile(
    r"\b(?:China|Chinese|PRC|PLA(?:AF|N|RF|SSF)?|People'?s\s+Liberation|People'?s\s+Armed\s+Police"
    r"|Central\s+Military\s+Commission|Inner\s+Mongolia)\b|中国|中华人民|解放军|中央军委|军委|武警|国防科|人武部|军分区")
# Taiwan's forces name themselves "Republic of China": foreign here, and said before China's words are looked for.
_TAIWAN = re.compile(r"(?<!People's )(?<!Peoples )(?<!People’s )\bRepublic\s+of\s+China\b|\bROC\b|中华民国|台军|台湾")
_FOREIGN_ZH = re.compile(
    r"美国|美军|美方|美(?:陆|海|空)|驻\w{0,4}美|英国|英军|法国|法军|德国|德军|意大利|俄罗斯|俄军|日本|日军|自卫队|印度|印军|澳大利亚|澳军|"
    r"加拿大|韩国|韩军|朝鲜|以色列|北约|乌克兰|越南|菲律宾")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")


@lru_cache(maxsize=65536)
def foreign_force(name: str) -> bool:
    """The name says the body is another country's (not China's) armed force or part of one."""
    if not name:
        return False
    if _TAIWAN.search(name):
        return True
    if _CHINA.search(name):
        return False
    if _FOREIGN_ZH.search(name) or _FOREIGN_FORCES.search(name):
        return True
    words = [w.strip(".'").lower() for w in _WORD.findall(name)]
    if any(w in _ADJECTIVES for w in words):
        return True
    if re.search(r"\bKorea\b", name):  # "Army of the Republic of Korea" (North Korea's are foreign too)
        return True
    for n in (3, 2, 1):  # a country's name in it: "United Kingdom Strategic Command", "Army of Pakistan"
        for i in range(len(words) - n + 1):
            code = country_code(" ".join(words[i:i + n]))
            if code is not None and len(" ".join(words[i:i + n])) > 2 and code not in {"cn", "hk", "mo", "eu"}:
                return True
    return False


def military_end(type_: str, name: str) -> bool:
    """A China's military body: an end of an exposure path (listed or not) and the target of an MCF tie."""
    return type_ == "MilitaryUnit" and not foreign_force(name)


def mcf_target(type_: str, name: str) -> bool:
    """A stated mcf_link reaches MCF unless its target is a foreign armed force."""
    return not (type_ == "MilitaryUnit" and foreign_force(name))


__all__ = ["foreign_force", "mcf_target", "military_end"]
