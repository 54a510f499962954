"""What is not an entity, and types the model cannot know: the filters ``entities.mentions_of`` applies.

- Laws, orders, rules, reports, lists and other documents are not parties ("EAR", "Taiwan Relations
  Act", "E.O. 13873", "Entity List", "Final Rule").
- Inside a postal address only the city, province and country are places; streets, buildings,
  floors, districts and zones are not entities ("127 Youyi Xilu, Xi'an 710072 Shaanxi, China").
- A title-case heading line is not a sentence: the model's ORG/PERSON guesses there are dropped
  ("Seven International Cyber Defendants ... Charged").
- A capitalised phrase of common words is no person's name: every word of it is written in lower case elsewhere
  in the document, or is a country's adjective ("Sec. 4. General Provisions" -> "provisions", "Buy American and
  Hire American", "Supporting Responsible Domestic Mining").
- Well-known bodies the small model calls ORG get their type from a short gazetteer
  (NASA -> PublicBody, Microsoft -> Company, Harvard -> University).
Pure functions over text and spaCy spans.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from mcfwatch.extract.en.heads import strong_type
from mcfwatch.extract.en.names import country_adjective, country_name
from mcfwatch.extract.en.patterns import PERSON_TITLES

DOCUMENT_HEADS = {
    "act", "acts", "order", "orders", "statute", "charter", "convention", "treaty", "rule", "rules", "regulation",
    "regulations", "statement", "memorandum", "list", "assurances", "communiqués", "communiques", "communique",
    "report", "annex", "code", "notice", "rulemaking", "law", "laws", "amendment", "amendments", "resolution",
    "bill", "directive", "guidance", "strategy", "doctrine", "offense", "policy", "declaration", "protocol",
    "modification", "agreement", "ifr", "system", "information",
}
NOT_NAMES = {
    "EAR", "ITAR", "CFAA", "IEEPA", "NEA", "NDAA", "ANPRM", "NPRM", "NSPM", "EO", "E.O.", "ENO", "FLASH", "IFR",
    "ECRA", "FDPR", "ICTS", "FAQ", "CFR", "U.S.C.", "USC", "FR", "MMT", "STEM", "PPE", "VC", "EV", "EVs", "COVID",
    "COVID-19", "H-1B", "Sec", "Sec.", "Section", "MEMORANDUM", "Annex", "Inaudible", "Controlled", "LTD",
    "a.k.a", "a.k.a.", "n’t", "n't", "Honorable", "Justice", "Defense", "Commerce", "Labor", "State", "Party", "Administration", "Mil",
}
_DOC_PATTERN = re.compile(r"^(?:E\.?O\.?|Executive Order|Section|Sec\.?|Title|Public Law|Proclamation)\b", re.I)

ADDRESS_WORDS = {
    "road", "rd", "street", "st", "avenue", "ave", "lu", "xilu", "donglu", "nanlu", "beilu", "dadao", "jie", "building",
    "floor", "block", "plaza", "park", "zone", "town", "district", "cun", "qu", "shi", "sheng", "village", "lane",
    "yard", "room", "tower", "apt", "phase", "center", "centre", "city", "hutong", "square", "box", "no", "suite",
    "xiang", "zhen", "lou", "hao", "dong", "nan", "bei", "xi", "industrial", "development", "headquarters", "campus",
}
_ADDRESS_PIECE = re.compile(r"[^;\n]+")
# (cut after a sentence that a house number follows: "—IOPCAS. No. 8, Zhongguancun ...", "... Ltd. #3 Beitucheng")
_SUBPIECE = re.compile(r"(?:[^.]|(?<![a-z]{3})\.(?!\s+(?:No\.\s?\d|#\d))|\.(?!\s+(?:\d|No\.\s?\d|#\d)))+")
_STREET_WORDS = {"road", "rd", "street", "building", "floor", "lu", "xilu", "dadao", "avenue", "lane", "block", "park",
                 "zone", "district", "town", "plaza", "tower", "room", "yard", "cun", "box"}

KNOWN_TYPES: dict[str, str] = {
    # US and other public bodies the model labels ORG
    "nasa": "PublicBody", "nih": "PublicBody", "nsf": "PublicBody", "opm": "PublicBody", "irs": "PublicBody",
    "doe": "PublicBody", "dod": "PublicBody", "dhs": "PublicBody", "cia": "PublicBody", "nsa": "PublicBody",
    "fbi": "PublicBody", "fcc": "PublicBody", "sec": "PublicBody", "ftc": "PublicBody", "ustr": "PublicBody",
    "bis": "PublicBody", "ofac": "PublicBody", "cfius": "PublicBody", "mss": "PublicBody", "mfa": "PublicBody",
    "doj": "PublicBody", "pentagon": "PublicBody", "white house": "PublicBody", "kremlin": "PublicBody",
    "treasury": "PublicBody", "politburo": "PublicBody", "state department": "PublicBody",
    # companies
    "microsoft": "Company", "google": "Company", "apple": "Company", "amazon": "Company", "facebook": "Company",
    "meta": "Company", "intel": "Company", "nvidia": "Company", "ibm": "Company", "qualcomm": "Company",
    "raytheon": "Company", "boeing": "Company", "lockheed martin": "Company", "equifax": "Company",
    "anthem": "Company", "huawei": "Company", "zte": "Company", "tiktok": "Company", "wechat": "Company",
    "tencent": "Company", "alibaba": "Company", "baidu": "Company", "bytedance": "Company", "smic": "Company",
    "hikvision": "Company", "dji": "Company", "nexperia": "Company", "verizon": "Company", "cisco": "Company",
    "oracle": "Company", "tesla": "Company", "samsung": "Company", "micron": "Company", "ge": "Company",
    # universities
    "harvard": "University", "yale": "University", "stanford": "University", "mit": "University",
    "princeton": "University", "emory": "University", "oxford": "University", "cambridge university": "University",
}


_PAIR = re.compile(r"^[A-Z][\w.]*-[A-Z][\w.]*$")


_REGIONS = {"africa", "asia", "pacific", "europe", "eu", "arab", "sino", "euro", "america", "americas", "asean",
            "gulf", "latin", "nordic", "indo", "anglo", "taiwan", "hong kong", "macau", "mainland"}


def _geographic(side: str) -> bool:
    return side.lower().strip(".") in _REGIONS or country_name(side) is not None


def is_document_name(span: Span) -> bool:
    """A law, order, rule, report or list, named as such ("Taiwan Relations Act", "E.O. 13873", "EAR"),
    or a relationship adjective ("U.S.-China")."""
    text = span.text
    if _PAIR.match(text) and any(_geographic(side) for side in text.split("-", 1)):
        return True  # "U.S.-China", "China-Africa", "Sino-U.S."; not a firm's hyphenated name ("Rolls-Royce")
    if text in NOT_NAMES or text.rstrip(".") in NOT_NAMES:
        return True
    if _DOC_PATTERN.match(text):
        return True
    last = span[-1].lower_.strip(".")
    return last in DOCUMENT_HEADS and len(span) > 1 or (len(span) == 1 and last in {"annex", "policy"})


def _pieces(text: str) -> list[re.Match[str]]:
    """';'- and line-separated pieces, also cut after a sentence that a house number follows."""
    return [p for m in _ADDRESS_PIECE.finditer(text) for p in _SUBPIECE.finditer(text, m.start(), m.end())]


_PROSE_WORD = re.compile(r"\b[a-z]{3,}\b")  # an address has few lower-case words (the corpus's have at most 5)


def address_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of postal addresses: a short ';'-separated piece of a line with two or more
    commas, a street or building word or a postcode, that ends in a capitalised name (the country)."""
    out: list[tuple[int, int]] = []
    for m in _pieces(text):
        piece = m.group(0).strip().rstrip(".")
        if piece.count(",") < 2 or len(piece) > 220:
            continue
        last = piece.rsplit(",", 1)[1].strip()
        if not re.fullmatch(r"(?:and\s+)?[A-Z][\w.'’ -]{1,30}", last):
            continue
        if len(_PROSE_WORD.findall(piece)) >= 8:
            continue  # prose, not an address ("... in the room were the National Security Advisor, Jake Sullivan")
        words = {w.lower().strip(".") for w in re.findall(r"[A-Za-z.]+", piece)}
        if words & _STREET_WORDS or re.search(r"\b\d{5,6}\b|\bNo\. ?\d", piece):
            out.append((m.start(), m.end()))
    return out


# a site's navigation, footer or cookie banner in a saved or printed web page: a line of short items set apart by
# " · " or " • " ("Home · Sanctions · Export controls · Subscribe", "© Compliance Desk. Cookie settings ·
# Privacy · Imprint"); the items are no sentence of the document, whatever names they hold ("|" separates the
# cells of a table row, which are)
_FURNITURE_SEP = re.compile(r"\s[·•]\s")
_SEGMENT_END = re.compile(r"\s[·•]\s|[.:;]\s|$")


def _listed(line: str) -> bool:
    """A list told as the text's ("Entities added: Huawei · ZTE · Sugon", "Products: gyroscopes · IMUs · lidar."):
    a label ending in ":" before the first item, or a line that ends a sentence."""
    return ": " in _FURNITURE_SEP.split(line, maxsplit=1)[0] or line.rstrip().endswith((".", "!", "?"))


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the short items (up to four words) that touch a separator of a line holding two or
    more of them; the text before and after them on the line (a heading the reader joined to the menu: "…
    · Subscribe Case note: Cadence pleads guilty") stays."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if len(_FURNITURE_SEP.findall(line.group(0))) < 2 or _listed(line.group(0)):
            continue
        start = line.start()
        for end in _SEGMENT_END.finditer(text, line.start(), line.end()):
            piece = text[start:end.start()]
            touches = bool(_FURNITURE_SEP.fullmatch(end.group(0))) or _FURNITURE_SEP.search(
                text, max(line.start(), start - 3), start) is not None
            if touches and 0 < len(piece.split()) <= 4:
                out.append((start, end.start()))
            start = end.end()
            if start >= line.end():
                break
    return out


# determiners after which a capitalised word opening a sentence is a verb of command, not a name ("Screen every
# bill-to name", "Check the end user", "Contact your account manager"): "Siemens this week" keeps its name
_COMMAND_OBJECTS = {"every", "each", "all", "your", "any", "the", "our", "both"}
# words that also stand as floating quantifiers or adverbs after a subject ("Boeing each year delivers",
# "Huawei all but abandoned", "Siemens both makes and sells"): a command only when the word is tagged a base verb
_FLOATING = {"each", "all", "both"}


def command_verb(span: Span) -> bool:
    """One word that opens its sentence and takes a determiner right after it: an instruction ("Screen every
    name"), not a name."""
    doc = span.doc
    return len(span) == 1 and bool(span[0].is_sent_start) and span.end < len(doc) \
        and doc[span.end].lower_ in _COMMAND_OBJECTS and span[0].is_title and span[0].is_alpha \
        and (doc[span.end].lower_ not in _FLOATING or span[0].tag_ == "VB")


def in_address(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= span.start_char and span.end_char <= e for s, e in ranges)


def address_keeps(span: Span, label: str) -> bool:
    """In an address, keep a place named by itself (a district, city, province or country), nothing else:
    docs/annotation.md counts districts as places ("Haidian District"), streets and buildings not."""
    if label not in {"GPE", "LOC", "Place"}:
        return False
    return span[-1].lower_.strip(".") not in ADDRESS_WORDS - {"city", "district"} and not any(t.like_num for t in span)


# a list item, not a title: "(A) the Committee on Foreign Relations ... of the Senate; and", "- Prof. Anna
# Lindholm (Sweden), taken on by ...;", "B. Researcher B: Dr. Laura Qiu"
_LIST_ITEM = re.compile(r"^\s*(?:\(\w{1,4}\)|[-•–]\s|[A-Z0-9]{1,2}\.\s)|(?:[;,:]|;\s+(?:and|or))\s*$")


def is_heading(span: Span, text: str, person: bool = False) -> bool:
    """The span sits on a line of four or more words that are nearly all capitalised (a title), not on a list
    item, and it is not a ``person`` named in a field of the line ("Thomas Reedy, Member of Congress", "To:
    Professor Michael Andersson, ..."). ``text`` is the document's text (``Doc.text`` rebuilds it from the
    tokens on every access)."""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end != -1 else len(text)]
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    if len(words) < 4 or len(line) > 250 or line.rstrip().endswith((".", "”", '"')) or _LIST_ITEM.search(line):
        return False
    if person and (text[span.end_char:span.end_char + 1] == ","
                                    or ":" in text[start:span.start_char]):
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in {"of", "and", "the", "in", "for", "to", "on",
                                                                     "with", "a", "an", "as", "at", "by", "from"})
    return caps / len(words) >= 0.9


# the head words of a public body a court filing or a hearing's record names on a line of its own
_CAPTION_HEADS = {"court", "department", "commission", "committee", "subcommittee", "senate", "house", "ministry",
                  "agency", "bureau", "office", "congress", "parliament", "tribunal"}


def caption_body(span: Span, text: str) -> bool:
    """The span is the whole of its line and names a public body: a court filing's or a hearing's caption
    ("UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF VIRGINIA", "SENATE COMMITTEE ON HOMELAND SECURITY
    AND GOVERNMENTAL AFFAIRS"), a name set on its own line, not a fragment of a headline."""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end != -1 else len(text)].strip().rstrip(",.:;")
    line = re.sub(r"^(?:the|THE)\s+", "", line)
    return line == span.text and bool({t.lower_ for t in span} & _CAPTION_HEADS)


_SPEAKER = re.compile(r"(?:^|\n)[ \t]*(?:(?:MR|MS|MRS|DR)\.\s+)?[A-Z][A-Z .’'-]*:")


def is_speaker(span: Span, text: str) -> bool:
    """A transcript's speaker label or question mark-up: "SENIOR ADMINISTRATION OFFICIAL:", "MR. SULLIVAN:",
    "Q Hey, thanks" (the label is no party to what is said)."""
    start = text.rfind("\n", 0, span.start_char) + 1
    head = text[start:span.start_char]
    if span.text.isupper() and text[span.end_char:span.end_char + 1] == ":":
        return bool(_SPEAKER.fullmatch(text[max(0, start - 1):span.end_char + 1]
                                       if start > 0 else text[start:span.end_char + 1]))
    return head.strip() == "" and span[0].text == "Q" and len(span) > 1


def known_type(name: str) -> str | None:
    """The type of a well-known body by its name or first word ("Verizon Media" -> Company)."""
    low = name.lower().replace("’", "'")
    if low in KNOWN_TYPES:
        return KNOWN_TYPES[low]
    first = low.split()[0] if low.split() else ""
    if KNOWN_TYPES.get(first) == "Company" and len(low.split()) <= 3:
        return "Company"
    return None


_PLACE_SUFFIX = re.compile(r"^(?P<name>.+?)\s+(?:City|Shi)$")


def place_canonical(name: str) -> str | None:
    """"Qingdao City" -> "Qingdao" (the city's name; the suffixed form stays an alias)."""
    m = _PLACE_SUFFIX.match(name)
    return m.group("name") if m else None


_RELATIVE = {"last", "next", "this", "that", "first", "second", "previous", "recent", "the", "a", "an", "our", "their"}


def generic_event(span: Span) -> bool:
    """"constructive dialogue", "last summit", "U.S.-China dialogue": a common noun, not an event's name."""
    head = span[-1]
    if head.is_title:
        return False
    if head.lower_ == "dialogue":
        return True
    named = [t for t in span if (t.is_title or t.is_upper) and t.lower_ not in _RELATIVE and "-" not in t.text]
    return not named


_UNIT_HEADS = {"division", "section", "office", "bureau", "unit", "branch", "center", "centre", "laboratory", "lab"}
_BODY_STARTS = {"department", "ministry", "bureau", "office", "agency", "commission", "corporation", "company",
                "group", "university", "academy", "fbi"}


def split_of_the(span: Span) -> list[Span]:
    """"National Security Division of the Department of Justice" -> the division and the department."""
    toks = list(span)
    for i, t in enumerate(toks):
        if t.lower_ == "of" and i + 2 < len(toks) and toks[i + 1].lower_ == "the" and i >= 2 \
                and toks[i - 1].lower_ in _UNIT_HEADS and toks[i + 2].lower_ in _BODY_STARTS:
            left, right = span.doc[span.start:span.start + i], span.doc[span.start + i + 2:span.end]
            return [left, *split_of_the(right)]
    return [span]


def split_seat(span: Span, label: str) -> tuple[Span, Span] | None:
    """"Mingda Trading of Shenzhen", "Optilux GmbH of Germany", "Ronald Petty of Tucson": a firm (by its legal
    form or trade noun, heads.strong_type) or a person of two or three words, then "of" and the town (one word) or
    country (not China) they are from: two names, the party and the place (the recogniser took them as one)."""
    words = [t.text for t in span]
    if "of" not in words or label not in {"ORG", "PERSON"}:
        return None
    k = words.index("of")
    left, right = span.doc[span.start:span.start + k], span.doc[span.start + k + 1:span.end]
    if not len(left) or not 1 <= len(right) <= 2 or not all(t.is_title for t in right):
        return None
    if label == "ORG" and (strong_type(left.text) != "Company" or len(right) > 1 and country_name(right.text) is None
                           or country_name(right.text) == "China"):
        return None  # "Aviation Industries of China", "Bank of China": Chinese firms' English names end so
    if label == "PERSON" and not (2 <= len(left) <= 3 and all(t.is_title for t in left)):
        return None
    return left, right


_SUB_HEADS = {"Institute", "Laboratory", "Lab", "Center", "Centre", "School", "College", "Department"}
_PARENT_HEADS = {"Academy", "University", "Institute", "Corporation", "Group", "Sciences"}


def split_parent(span: Span) -> list[Span]:
    """"Chinese Academy of Sciences Institute of Computing Technology", "Academy of Military Medical Sciences,
    Institute of Toxicology and Pharmacology", "Harbin Institute of Technology School of Electronics ...": the
    parent and its institute or school, two names (an "X of Y" name followed by another head and "of")."""
    toks = list(span)
    for k in range(2, len(toks) - 2):
        head = toks[k]
        if head.text not in _SUB_HEADS or toks[k + 1].lower_ != "of":
            continue
        left_end = k - 1 if toks[k - 1].text == "," else k
        left = toks[:left_end]
        if any(t.lower_ == "of" for t in left[1:]) and any(t.text in _PARENT_HEADS for t in left) \
                and left[-1].text[:1].isupper():
            return [span.doc[span.start:span.start + left_end], *split_parent(span.doc[span.start + k:span.end])]
    return [span]


def in_title(span: Span) -> bool:
    """The body is part of an office's title: "Secretary of the Treasury", "SECRETARY OF STATE"."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in {"secretary", "minister", "department",
                                                                        "departments"}


def run_on(span: Span) -> bool:
    """A model span running across a list of titles ("HOMELAND SECURITY THE ADMINISTRATOR OF ...")."""
    return any(t.lower_ == "the" and k > 0 and span[k - 1].lower_ not in {"of", "for", "and", "to", "in", "on"}
               for k, t in enumerate(span)) or any(t.text == "," and k + 1 < len(span)
                                                    and span[k + 1].lower_ in {"representatives", "senators"}
                                                    for k, t in enumerate(span))


INTERNATIONAL_STARTS = {"international", "world", "united", "u.n.", "un"}


# the titles before a person's name ("Senator Cotton", "Secretary Grant", "Mr. Brown"), not those that also open the
# names of sections and offices ("General Provisions", "Director General", "Deputy Assistant Secretary")
_TITLES = frozenset(PERSON_TITLES) - {"general", "director", "deputy"} | {"mr", "ms", "mrs", "dr", "sen.", "rep.", "prof."}


def _forms(low: str) -> re.Pattern[str]:
    """A word in lower case in any number or a regular inflection ("provision(s)", "require(s|d)", "mining")."""
    stem = low[:-1] if low.endswith("s") and len(low) > 3 else low
    return re.compile(rf"(?<![\w-])(?:{re.escape(low)}|{re.escape(stem)}(?:s|es|d|ed|ing)?)(?![\w-])")


# the endings of abstract nouns ("Provisions", "Definitions", "Requirements", "Authorities", "Terrorism",
# "Technology", "Readiness"): no given name or surname of the 2,648 training person names has one
_NOUN_ENDING = re.compile(r"(?:tions?|sions?|ments?|ity|ities|isms?|ology|ologies|ness|nesses)$")


def common_words(span: Span, text: str, seen: dict[str, bool]) -> bool:
    """Every word of ``span`` is a common word of the document ``text``: one it writes in lower case elsewhere, where
    the span is a heading line or one word opening its sentence or line ("General Provisions" of an order that says
    "the provisions of this order"; "Require" of a bullet when the text says "requires"; never "Bill Price, a
    lawyer, said the bill would raise prices"), a word with an abstract noun's ending ("General Provisions" of an order that never writes
    "provisions") or a country's adjective ("Hire American"). Of the 2,648 person names of corpus/train and
    corpus/extra one is ("Grant" of a text that says "granted", after "Secretary" and beside "Walter Grant": both
    keep it, see ``no_person_name``); the particles "de", "van" and the surname "He" stand beside another word.
    ``seen`` caches words per document."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    # a word the text writes in lower case counts only where no name is expected: a heading line or one word that
    # opens its sentence or line ("Mining and ...", "- Require ..."); never "Will Price said the bill will raise
    # prices" (names of common words: Will, Price, Bill, Rose, Hunt, Cook, Young)
    lowered = len(words) == 1 and (span.start == span.sent.start or span.doc[span.start - 1].text.endswith("\n")
                                   or span.doc[span.start - 1].text in {"-", "*", "\u2022"}) or _heading(span, text)
    for t in words:
        low = t.lower_
        key = low if lowered else "\0" + low
        if key not in seen:
            stem = low[:-1] if low.endswith("s") and len(low) > 3 else low
            seen[key] = len(low) > 5 and bool(_NOUN_ENDING.search(low)) or country_adjective(low) \
                or lowered and stem in text and _forms(low).search(text) is not None  # (a substring test: fast)
        if not seen[key]:
            return False
    return True


def _heading(span: Span, text: str) -> bool:
    """``span`` sits on a heading line: a section number opens it ("Sec. 4. General Provisions") or every word of four
    letters or more on it is capitalised ("Buy American and Hire American")."""
    start = text.rfind("\n", max(0, span.start_char - 120), span.start_char) + 1
    if re.match(r"\s*(?:Sec(?:tion)?\.?\s*\d|\d+\.\s)", text[start:start + 20]):
        return True
    end = text.find("\n", span.end_char, start + 121)
    if start == 0 and span.start_char > 120 or end < 0 and len(text) > start + 120:
        return False  # a line of 120 characters or more: no heading (never slices a long one-line text)
    line = text[start:end if end >= 0 else len(text)]
    return all(w[0].isupper() for w in re.findall(r"[A-Za-z]{4,}", line))


def no_person_name(span: Span, text: str, seen: dict[str, bool]) -> bool:
    """A phrase typed Person that names no one (``common_words``): not after a person's title ("Senator Cotton" in a
    text on cotton), and no word of it in a longer person's name of the document ("Vice Premier He" of "He
    Lifeng")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _TITLES or not common_words(span, text, seen):
        return False
    words = {t.lower_ for t in span if t.is_alpha}
    return not any(e.label_ in {"PERSON", "Person"} and (e.end <= span.start or e.start >= span.end)
                   and len(e) > 1 and words & {t.lower_ for t in e} for e in doc.ents)
