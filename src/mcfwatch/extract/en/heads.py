"""Name shapes whose type docs/annotation.md fixes, whatever the context: they overrule the trained typer.

The typer (``typer.py``) learns from the words of the training names and their context; on text written
by others it sends think tanks, news outlets, investment agencies and customs services to Company, the
largest type. These shapes are the guide's definitions (think tanks, news outlets and international bodies
are Organization; governments' agencies are PublicBody; armed forces MilitaryUnit; a legal form a Company), and
every training name of these shapes but one has that type (corpus/train/en.jsonl, checked by
tests/extract_en/test_entity_classes.py). Pure functions.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from mcfwatch.extract.en.lexicon import ROLE_NOUNS
from mcfwatch.extract.en.names import country_name

# a research body named for a policy field is a think tank ("Institute for Strategic Studies", "Centre for
# Global Affairs", "Center for American Progress"): Organization, not a university's institute
_THINK_TANK = re.compile(
    r"\b(?:Institute|Institution|Centre|Center|Academy|Council)\b.*\b(?:Studies|Affairs|Policy|Strategy|Strategic|"
    r"Peace|Progress|Relations|Futures|Communication|Governance|Diplomacy|Dialogue|Understanding|Exchanges?)\b"
    r"|\b(?:Strategic|Policy)\b.*\b(?:Institute|Institution|Centre|Center)$")
# a government office whose name holds a council ("State Council Taiwan Affairs Office"): a PublicBody
_OFFICE = re.compile(r"^(?:State|Legislative) Council\b|\bPanel\b|\b(?:Office|Bureau|Commission|Department|Ministry|Administration)$")
_OUTLET_LAST = {"daily", "times", "post", "news", "journal", "tv", "radio", "herald", "tribune", "gazette",
                "telegraph", "broadcasting", "television", "courier", "chronicle", "shimbun", "magazine"}
# the news agencies, broadcasters and papers that newswire and government text quote most, by a name without an
# outlet word (guide: news outlets are Organization; the typer sends "NBC", "FT" and "Handelsblatt" to Company)
NEWS_OUTLETS = {"reuters", "bloomberg", "xinhua", "cctv", "cgtn", "bbc", "cnn", "cnbc", "yonhap", "kyodo", "afp",
                "associated press", "tass", "nikkei", "voice of america", "radio free asia", "xinhua news agency",
                "south china morning post", "caixin", "people's daily", "ap", "upi", "dpa", "efe", "ansa", "nbc",
                "cbs", "npr", "pbs", "msnbc", "nhk", "kbs", "dw", "deutsche welle", "ft", "economist",
                "the economist", "guardian", "the guardian", "politico", "axios", "al jazeera", "handelsblatt",
                "le monde", "der spiegel", "sputnik", "ria novosti", "interfax", "china media group",
                "cmg", "china central television", "china news service", "sixth tone"}
# think tanks and non-governmental organisations that reports on technology transfer and rights cite, by a name
# without a policy field (guide: think tanks and NGOs are Organization; "Brookings" went to Company): not "RAND"
# alone (a person's name too), "CSIS" (also Canada's intelligence service) or a university's centre or lab
THINK_TANKS = {"brookings", "brookings institution", "rand corporation", "hudson institute", "cato institute",
               "american enterprise institute", "chatham house", "merics", "carnegie endowment", "atlantic council",
               "wilson center", "stimson center", "iiss", "sipri", "aspi", "rusi", "ecfr",
               "jamestown foundation", "c4ads", "human rights watch", "amnesty international", "freedom house",
               "transparency international", "reporters without borders"}
# international bodies and groupings of states (guide: Organization), written as their own names; not "G7"/"G20",
# which the corpus also annotates as the summit (Event)
INTERNATIONAL = {"european union", "eu", "nato", "asean", "african union", "european space agency",
                 "new development bank", "world bank", "international monetary fund", "imf", "world trade organization",
                 "wto", "world health organization", "united nations", "oecd", "interpol", "asian development bank",
                 "asian infrastructure investment bank", "aiib", "shanghai cooperation organisation",
                 "shanghai cooperation organization", "un security council",
                 "u.n. security council", "united nations security council", "unga", "un general assembly",
                 "u.n. general assembly", "united nations general assembly", "quad", "five eyes", "aukus", "p5+1",
                 "brics", "opec", "iaea", "international atomic energy agency"}
# an investment promotion agency ("Invest in Bavaria", "Nouvelle-Aquitaine Invest", "Flanders Investment & Trade",
# "Business Finland"), a customs service, a state research funder ("National Natural Science Foundation of
# China"), a port's authority, a legislature, an export credit agency
_AGENCY = re.compile(
    r"^Invest\b|\bInvest$|\b(?:Trade and Investment|Investment (?:&|and) Trade)\b"
    r"|\bCustoms\b|^National\b.*\bFoundation\b|\bNatural Science Foundation\b|^Port of\b|\bPort Authority\b"
    r"|\bBorder Guard\b|\bLegislature\b|\bLegislative Assembly\b|\bExport Finance\b"
    r"|\bAuthority$"  # "Civil Aviation Authority", "Hong Kong Monetary Authority" (17 of 17 training names)
    r"|\bLeading (?:Small )?Group(?:$| for\b)")  # a Party or government leading group ("Jiangsu Provincial Talent Work Leading Group")
# an overseas talent (recruitment) workstation of a Chinese local government or park, named with the city it
# works in ("Jiangsu Overseas Talent Workstation (Boston)", "Overseas Talent Recruitment Station"): Organization
# (7 of 7 names of corpus/train and corpus/extra)
_TALENT_STATION = re.compile(r"\bTalent\b.*\b(?:Workstation|Work Station|Station)\b")

# a court of a state and a prosecutor's office (guide: PublicBody, "U.S. District Court for the District of
# Massachusetts"), as court filings write them, in capitals too
_COURT = re.compile(r"(?i)\b(?:District|Circuit|Supreme|High|Appeals|Magistrates'?|Crown|Federal|Superior) Court\b"
                    r"|\bCourt of (?:Appeals?|Justice|International Trade|Federal Claims)\b"
                    r"|\bAttorney'?s Office\b|\bAttorney General'?s Office\b")

# armed forces and their parts (guide: MilitaryUnit, "the PLA's universities (National University of Defense
# Technology)"; 239 of 239 training names of these shapes); a firm by its legal form or its trade written in
# another language ("Voralp Maschinenbau", "Bodegas Río Viejo"; 176 of 176)
_MILITARY = re.compile(
    r"(?i)\b(?:Air Force|Armed Forces|Navy|Army|Marine Corps|Guard Corps|Fleet|Coast Guard|Army Reserve|Space Force|"
    r"Rocket Force|Support Force|Ground Force)$|^(?:Naval Base|Air Base)\b|\bNational University of Defen[cs]e "
    r"Technology\b|^(?:CMC|Bundeswehr|Joint Staff Department|Equipment Development Department)$")
_FIRM = re.compile(
    r"\b(?:GmbH|AG|S\.p\.A\.|SpA|S\.r\.l\.|Srl|B\.V\.|BV|N\.V\.|NV|Oy|Oyj|AB|SAS|S\.A\.S\.|S\.A\.|SA|K\.K\.|SARL|AS|Ltd\.?|Limited|Inc\.?|"
    r"LLC|Corp\.?|Co\.|KG|ASA|A/S|Bhd\.?|Pte\.?|Pty\.?|plc|PLC|LLP|o\.o\.|s\.r\.o\.|Kft\.?|Zrt\.?|Maschinenbau|Werkzeugmaschinen|Werke|Werft|"
    r"Technik|Elektronik|Optik|Bodegas|Fondo|Aeroportos|Industrie|Industria|Aerospazio)$")
# a firm named by its trade: two to four capitalised words ending in a trade noun ("Whitcombe Hydraulics", "Wexford
# Scientific", "Sonoran Solar", "Wei Trading"), with no word of a public, research or members' body. The trade nouns
# end two or more company names of corpus/train and corpus/extra and no name of another type; 577 of the 578
# training names of this shape are companies (tests/extract_en/test_entity_classes.py)
TRADE_WORDS = frozenset("""
    Trading Capital Partners Instruments Holding Holdings Machinery Logistics Precision Parts Advisory Helicopters
    Semiconductor Semiconductors Avionics Works Ventures Motors Hydraulics Airlines Supply Microwave Dairy Consulting
    Optoelectronics Foods Engines Display Devices Castings Bearings Advisors Steel Shipyard Shipbuilding Sensors Seeds
    Securities Rotorcraft Leasing Drives Cargo Battery Batteries Automotive Telecom Technics Storage Solutions Shipping
    Seafoods Plastics Optronics Metals Magnetics Lasers Labs Innovations Genetics Fasteners Construction Analytics
    Agritech Aerotech Aerosystems Photonics Composites Optics Electronics Robotics Systems Technologies Aerospace
    Equipment Aerostructures Components Materials Industries Dynamics Pharmaceuticals Chemicals Textiles Minerals
    Mining Energy Solar Scientific Engineering""".split())
_NOT_TRADE = {"university", "institute", "academy", "college", "school", "laboratory", "lab", "ministry", "department",
              "bureau", "office", "commission", "committee", "council", "agency", "administration", "government",
              "association", "society", "foundation", "federation", "alliance", "party", "army", "navy", "force",
              "forces", "military", "center", "centre", "of", "for", "and", "&", "national", "china", "chinese",
              "state", "service", "board", "house", "court", "embassy", "consulate", "police", "congress"}
# a research institute or centre (guide: University; 86 of the 87 training names of the shape), not the armed
# forces' own
_RESEARCH = re.compile(r"\bResearch (?:Institute|Center|Centre)\b")
_ARMED = re.compile(r"\b(?:PLA|Military|Army|Navy|Naval|Air Force|Rocket Force|Liberation)\b")
_GATHERING = re.compile(r"\b(?:Fair|Expo|Forum|Summit|Conference)\b")
# a body of members (docs/annotation.md: associations, societies, chambers, foundations and other non-state
# bodies are Organization; a charitable trust: "Leverhulme Trust"): "China Association for Science and Technology", "Chinese Society of Aeronautics and
# Astronautics", "Bavarian Chamber of Industry and Commerce", "Malaysia–China Business Council", "Harlan County
# Economic Development Council", "Irish-China Business Network", "Iberia–China Friendship Foundation" (every name
# of these shapes in corpus/train and corpus/extra but one is Organization; not a country: "Russian Federation")
_MEMBERS = re.compile(
    r"\b(?:Association|Society|Alliance|Federation|Club|Chambers?)$|\bChambers? of (?:Commerce|Industry)\b"
    r"|\b(?:Association|Society|Federation|Alliance) (?:of|for)\b"
    r"|\b(?:Business|Trade|Friendship|Growers|Economic Development) (?:Council|Network)$"
    r"|\bEconomic Development Corporation$|\bEnterprise Partnership$|\bFoundation$"
    r"|(?<!Investment )(?<!Bank )(?<!Unit )(?<!Realty )\bTrust$"  # a charitable trust (6 of 6 training names)
    r"|[–-](?:China|Chinese|Sino)\b.*\bCouncil$|\b(?:China|Chinese|Sino)[–-]\w.*\bCouncil$"
    # a foundation named in its own language ("Fondation Favre", "Kessler Familienstiftung"), an industry cluster
    # ("Danish Robotics Cluster"), a body of the United Nations ("U.N. Commission on Narcotic Drugs")
    r"|^(?:Fondation|Fondazione|Fundación|Fundação|Fundacja|Stichting|Stiftung)\b|\w+stiftung$|\bCluster$"
    r"|^(?:U\.N\.|UN|United Nations) [A-Z]"
    # a consortium, any chamber ("Wolfsbach Chamber of Crafts", "Czech-Chinese Chamber of Cooperation"), a named
    # delegation (guide: "Baoding Economic and Trade Delegation"), a union of workers ("United Steelworkers",
    # "Communications Workers of America"), a church: every training name of these shapes is Organization
    r"|\bConsortium$|\bChambers? of [A-Z]|\bDelegation$|\b[Ww]orkers?$|(?:[Ss]teel|[Aa]uto|[Mm]etal|[Mm]ine|[Ff]arm)workers$|\bWorkers of [A-Z]|\bChurch$")
# a named industrial park, development zone or new area (guide 3, Place [s25]: "Suzhou Industrial Park", "Wuhan
# East Lake High-tech Zone", "Tianjin Binhai New Area", "Beijing Economic-Technological Development Area"; its
# "Administrative Committee" ends otherwise and stays PublicBody, a firm with a legal form or trade noun after it
# stays Company): every training name of this shape is a Place (tests/extract_en/test_guide_decisions.py)
_PARK = re.compile(r"\b(?:Industrial|Industry|Science|Technology|Tech|Hi-?[Tt]ech|High-?[Tt]ech|Software|Innovation|"
                   r"Logistics|Business) Park$|\bZone$|\bNew (?:Area|District)$|\bDevelopment Area$")
# the China Council for the Promotion of International Trade and its local councils (guide 3, Organization [s25]:
# a chamber for foreign trade, not a government body): "CCPIT", "CCPIT Suzhou Sub-council"
_TRADE_COUNCIL = re.compile(r"\bCouncil for the Promotion of\b|^CCPIT\b")
# a local government's council ("Leeds city council", "Kilcarrig County Council"; all 11 training names PublicBody)
_LOCAL_COUNCIL = re.compile(r"(?i)\b(?:city|county|district|borough|town|regional|municipal|shire|parish) council$")


def local_council(name: str) -> bool:
    """"Leeds city council", "Waikawa District Council": a town's council (lower case allowed)."""
    return bool(_LOCAL_COUNCIL.search(name))


def trade_name(name: str) -> bool:
    """"Wexford Scientific", "Garden Precision": a firm named by its trade (see TRADE_WORDS)."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[-1] in TRADE_WORDS and all(w[:1].isupper() for w in words) \
        and not {w.lower() for w in words} & _NOT_TRADE


_BRACKETED = re.compile(r"\s*\([^()]*\)$")


def strong_type(name: str) -> str | None:
    """The type a name's shape fixes (see the module), or None. A place or group in brackets at the end is no part
    of the shape ("Kessel Drive Systems (Shanghai)", "Court of Appeal (Criminal Division)")."""
    bare = _BRACKETED.sub("", name)
    if bare != name and len(bare.split()) >= 2:
        name = bare
    low = name.lower().replace("’", "'")
    if low in NEWS_OUTLETS or low in INTERNATIONAL or low in THINK_TANKS or _TRADE_COUNCIL.search(name):
        return "Organization"
    if _MILITARY.search(name):
        return "MilitaryUnit"
    if _FIRM.search(name) and len(name.split()) > 1:
        return "Company"
    words = low.split()
    if len(words) < 2:
        return None
    if trade_name(name):
        return "Company"
    if _PARK.search(name):
        return "Place"
    if _TALENT_STATION.search(name):
        return "Organization"
    if low.startswith(("world ", "international ")) and "customs" in words:
        return "Organization"  # "World Customs Organization"
    if _THINK_TANK.search(name) and not re.search(r"\bUniversity\b|\bCollege\b", name) and not _OFFICE.search(name):
        return "Organization"
    if _RESEARCH.search(name) and not _ARMED.search(name):
        return "University"  # the guide's research institutes ("Nanjing Research Institute of Electronics Technology")
    if words[-1] in _OUTLET_LAST or low.startswith(("voice of ", "radio free ")):
        return "Organization"
    if _AGENCY.search(name) and not _GATHERING.search(name) or _LOCAL_COUNCIL.search(name) \
            or _COURT.search(name.replace("’", "'")) and not low.startswith(("international ", "european ")):
        return "PublicBody"
    if _MEMBERS.search(name) and country_name(name) is None:
        return "Organization"
    if words[0] == "business" and len(words) == 2 and country_name(name.split()[1]) is not None:
        return "PublicBody"  # "Business Finland"
    return None


# a role before a name in apposition ("Kaleva Lift's chief executive, Mikko Rautio, met ..."; "the then Prime
# Minister, Rishi Sunak,") or after it ("Gareth Evans, managing director of ..."): the name is a person's (the
# held-out folds' ner labelled such names ORG, and the typer made them companies). Not roles a firm can hold.
ROLES = ROLE_NOUNS - {"owner", "member", "agent", "leader", "head", "staff", "employee", "student", "representative",
                      "official", "vice", "deputy", "chief"} | {"partner", "chairperson", "spokeswoman"}
_ROLE_LEAD = {"the", "a", "an", "its", "former", "then", "senior", "general", "managing", "executive", "deputy",
              "vice", "chief", "acting"}


def named_by_role(span: Span, body_words: set[str]) -> bool:
    """A name of two to four capitalised words set off by commas next to a person's role (see ROLES), with
    none of ``body_words`` (the head words of firms, governments, universities and the like)."""
    doc = span.doc
    words = [t for t in span if t.is_alpha]
    if not 2 <= len(words) <= 4 or not all(t.is_title for t in words if len(t) > 3) \
            or any(t.lower_ in body_words for t in span):
        return False
    before = span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].lower_ in ROLES
    after = False
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        i = span.end + 1
        while i < len(doc) and doc[i].lower_ in _ROLE_LEAD:
            i += 1
        after = i < len(doc) and doc[i].lower_ in ROLES and i > span.end + 1 or (
            i < len(doc) and doc[i].lower_ in ROLES and doc[i].is_lower) or (
            i + 1 < len(doc) and doc[i].lower_ in ROLES and doc[i + 1].lower_ == "of")  # ", Secretary of Treasury"
    return before or after
