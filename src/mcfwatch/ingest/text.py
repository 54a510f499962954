"""Plain text and Markdown: detect the encoding (UTF-8, GB18030/GBK, Big5 …) and decode."""

from __future__ import annotations

from charset_normalizer import from_bytes

from mcfwatch.errors import InputError

# Encodings we accept from detection; anything else on a non-UTF-8 file is treated as garbage.
_CJK_FAMILY = {"gb18030": "gb18030", "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5", "big5hkscs": "big5hkscs"}


_CANDIDATES = ["gb18030", "big5", "utf_16", "cp1252", "latin_1"]


def looks_binary(data: bytes) -> bool:
    """True when the bytes hold NULs or many control characters (an image, an executable)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 50)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode bytes to text, or raise InputError naming the file."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark (Windows editors)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"undecodable bytes (UTF-16 byte-order mark, {exc.reason})") from exc
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
