"""Words that say a noun phrase is about technology: the common vocabulary of engineering and applied science in
newswire, trade and government text ("optical", "laser", "propulsion", "semiconductor", "sensing", "turbine"),
the kinds of item the corpus annotates (items.ITEM_HEAD_WORDS, patterns.TECH_HEADS) and the word shapes of
technical terms: the "-onics" fields ("photonics", "avionics"), the "-onic" adjectives ("electronic",
"hypersonic"), the combining forms of science ("nano-", "opto-", "electro-", "aero-") and a letter-digit model
or generation ("5G", "3D").

A phrase with none of them ("record profits", "visa waivers", "urban planning", "tax law", "carbon emissions",
"supply chain security") names no technology, whatever the verb or noun before it (items.py)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# the vocabulary of technology fields and items, singular forms (a regular plural counts too); a word here must
# name technology in any sentence it occurs in, so no "power", "space", "data", "network", "intelligence",
# "carbon" or "control" ("power politics", "office space", "trade data", "business network")
TECH_WORD_LIST = """
    accelerator accelerometer acoustic actuator additive aerial aerodynamic aeroelastic aeronautic aeronautical
    aerospace airborne aircraft airframe algorithm alloy amplifier antenna armour armor artillery atomic autonomous
    avionic ballistic battery biometric biotech biotechnology bomber carbide cathode
    ceramic chip chipset circuit coating composite compressor computer computing converter cryogenic cryptographic
    cryptography cyber cybersecurity decoder deposition detector diode drone electrolyser electrolyzer
    encoder encryption engine epitaxial epitaxy etching fibre fiber firmware furnace fuselage
    gallium gearbox genome genomic germanium graphene gyroscope gyroscopic helicopter hydraulic hydrogen
    hypersonic imaging inertial infrared interferometer laser lens lidar lithium lithography machining magnet
    magnetic microchip microwave missile modem motor munition nanomaterial navigation nitride nuclear optic optical
    optics oscilloscope photovoltaic plasma pneumatic polymer processor propellant propeller propulsion
    pump quantum radar radiation radio radome reactor receiver robot robotic rocket rotor rotorcraft satellite
    scanner semiconductor sensing sensor servo silicon simulator software solar sonar spacecraft spectral
    spectrometer submarine supercomputer superconducting superconductor telecommunication telemetry thermal
    thruster titanium torpedo transceiver transducer transistor transmitter tungsten turbine turbofan turbojet
    uav ultrasonic ultrasound uncrewed unmanned valve wafer warship welding wireless
    """.split()
# words with an everyday sense besides the technical one ("bearing in mind", "freedom fighters", "a display of
# unity", "a signal of intent", "in sight", "prison cells", "campaign videos"): they say technology only beside
# another technology word of the phrase ("solar cells", "video encoder", "fighter aircraft") or as the modifier of
# a later word ("video compression", "signal generators", "display drivers")
TWO_SENSE_WORDS = frozenset({"bearing", "fighter", "display", "signal", "sight", "cell", "video"})
# the combining forms of science and engineering that open a word ("nanoscale", "optoelectronic", "thermoplastic",
# "electromagnetic", "aeroengine", "microelectronics", "radiofrequency", "piezoelectric"; not "microfinance",
# "microeconomics", "microcredit", "micromanagement", "photograph", "photocopying", "photojournalism", "aerobics")
_COMBINING = re.compile(r"^(?:nano|micro(?!fin|econ|cred|manag)|opto|electro|photo(?!graph|cop|journ)|thermo|"
                        r"aero(?!bic)|hydro|cyber|radio|gyro|"
                        r"piezo|magneto|spectro|ultra(?=sonic|sound|violet)|bio(?=tech|chem|fuel|metric))",
                        re.IGNORECASE)
# the fields and adjectives of technology by their ending ("photonics", "avionics", "mechatronics", "electronic",
# "hypersonic", "optronic"), not "economics", "politics", "logistics", "iconic", "chronic" or "masonic": a speed
# only after its prefix ("hypersonic", "supersonic", "ultrasonic", "subsonic", "transonic")
_ENDING = re.compile(r"(?:tronics?|photonics?|avionics?|(?:hyper|super|ultra|sub|trans)sonics?|robotics|optics|"
                     r"acoustics)$", re.IGNORECASE)
# a generation or a dimension ("5G", "6G", "3D"; not "1990s", "5th", "5k", "2B", "4x")
_MODEL = re.compile(r"^\d{1,2}[GgDd]$")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


TECH_WORDS = frozenset(TECH_WORD_LIST)


def technology_word(word: str) -> bool:
    """One word (or one part of a hyphenated word) of the vocabulary or of a technical shape."""
    low = word.lower()
    if low in TECH_WORDS or _singular(low) in TECH_WORDS or bool(_MODEL.match(word)):
        return True
    return len(low) > 5 and bool(_COMBINING.match(low) or _ENDING.search(low))


def says_technology(tokens: Span | list[Token]) -> bool:
    """Some word of ``tokens`` (a phrase ending in its head) is a technology word, or a word of two senses that
    modifies a later word ("video compression", "signal generators", "fighter jets", "fuel-cell stacks"; not the
    head itself: "freedom fighters", "campaign videos"), or two of them are ("video signals"); a hyphenated word
    counts by each part ("satellite-denied", "fuel-cell", "radiation-hardened")."""
    two_sense = 0
    last = len(tokens) - 1
    for k, t in enumerate(tokens):
        for part in re.split("[-\u2010\u2011\u2013]", t.text):
            if not part:
                continue
            if technology_word(part):
                return True
            if part.lower() in TWO_SENSE_WORDS or _singular(part.lower()) in TWO_SENSE_WORDS:
                if k < last:
                    return True
                two_sense += 1
    return two_sense >= 2
