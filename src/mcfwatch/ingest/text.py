"""Plain text and Markdown: detect the encoding (UTF-8, GB18030/GBK, Big5 …) and decode."""

from __future__ import annotations

from charset_normalizer import from_bytes

from mcfwatch.errors import InputError

# Encodings we accept from detection; anything else on a non-UTF-8 file is treated as garbage.
_CJK_FAMILY = {"gb18030": "gb18030", "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5", "big5hkscs": "big5hkscs"}


_CANDIDATES = ["gb18030", "big5", "utf_16", "cp1252", "latin_1"]


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (32 <= code < 127 or ch in "\t\n\r\f" or 0xA0 <= code < 0x2000 or 0x2000 <= code < 0x2070
            or 0x3000 <= code < 0xA000 or 0xAC00 <= code < 0xD7B0 or 0xFF00 <= code < 0xFFF0)


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a byte-order mark (some Windows exports), or None.

    Only tried on bytes holding a NUL, which UTF-8, GB18030 and Big5 text never do. The byte order whose
    decoding is almost all letters, CJK characters, punctuation and whitespace wins; a binary file with
    NULs decodes to a scatter of code points and is left to be refused as binary.
    """
    if len(data) < 4:
        return None
    body = data[: len(data) - len(data) % 2]
    best: tuple[int, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        head = text[:4096]
        if sum(map(_plausible, head)) >= 0.97 * len(head):
            # Swapped bytes of plausible text are often plausible too (Latin reads as CJK): the order
            # giving more ASCII (spaces, newlines, digits) is the right one.
            ascii_count = sum(1 for ch in head if ord(ch) < 128)
            if best is None or ascii_count > best[0]:
                best = (ascii_count, text)
    return best[1] if best else None


def looks_binary(data: bytes) -> bool:
    """True when the bytes hold NULs or many control characters (an image, an executable)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 50)


def without_stray_nuls(data: bytes) -> bytes:
    """The bytes with a few NULs (at most 1 in 100; a converter's padding, a pasted C string) dropped, when the rest
    is not binary; else the bytes unchanged. For byte-oriented text only (UTF-8, GB18030, GBK, Big5, single-byte
    code pages), none of which ever has a 0x00 byte inside a character: a GB18030 or Big5 file with one NUL was
    refused as binary while the same text in UTF-8 was read. UTF-16, where NUL bytes are half the text, is decoded
    before this is asked."""
    nuls = data.count(b"\x00")
    if not nuls or nuls * 100 > len(data):
        return data
    rest = data.replace(b"\x00", b"")
    return data if looks_binary(rest) else rest


def decode_bytes(data: bytes, path: str) -> str:
    """Decode bytes to text, or raise InputError naming the file."""
    text = _decode(data, path)
    if not text.strip():  # a byte-order mark alone, or only whitespace after decoding
        raise InputError(path, "the file is empty")
    return text


def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise InputError(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark (Windows editors)
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"undecodable bytes (UTF-16 byte-order mark, {exc.reason})") from exc
        return text
    if b"\x00" in data[:8192] and (wide := utf16_without_bom(data)) is not None:
        return wide
    data = without_stray_nuls(data)
    if looks_binary(data):
        raise InputError(path, "the file is binary, not text (no text extracted)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise InputError(path, "the text encoding could not be detected (not UTF-8, GB18030 or Big5)")
    enc = best.encoding.lower().replace("_", "")
    enc = _CJK_FAMILY.get(enc, enc)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(path, f"undecodable bytes ({exc})") from exc
    if best.chaos > 0.3:
        raise InputError(path, f"undecodable bytes (best guess {enc} gives garbled text)")
    return text


def read_text(data: bytes, path: str) -> str:
    return decode_bytes(data, path)
