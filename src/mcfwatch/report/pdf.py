"""HTML to PDF with WeasyPrint (a real layout engine; needs the system's Pango, present on Debian).

Chinese names need a CJK font installed on the system (Debian: fonts-wqy-microhei); without one WeasyPrint
draws empty boxes, so a report with Chinese text and no CJK font gets a warning naming the package.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

from mcfwatch.errors import MissingExtraError

log = logging.getLogger("mcfwatch.report")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NO_CJK_FONT = (
    "no CJK font found: Chinese names in this PDF will print as empty boxes; "
    "install one (Debian: apt-get install fonts-wqy-microhei)"
)


def has_cjk_font() -> bool | None:
    """Whether fontconfig knows a font covering Chinese; None when fontconfig cannot be asked."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(out.stdout.strip())


def write_pdf(html: str, out: Path) -> None:
    try:
        import weasyprint
    except ImportError as exc:  # also raised when Pango is missing
        raise MissingExtraError("report", "weasyprint") from exc
    if CJK.search(html) and has_cjk_font() is False:
        log.warning("%s: %s", out, NO_CJK_FONT)
    weasyprint.HTML(string=html, base_url=None).write_pdf(str(out))
