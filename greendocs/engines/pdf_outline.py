"""The bookmarks of a PDF that LibreOffice wrote: each heading's title and page, what a
目录 needs for its page numbers (LibreOffice does not update a table of contents itself).

Reads only what LibreOffice's PDF export writes — uncompressed objects, one page tree —
and gives ``{}`` for anything else, so a document without its page numbers is the worst
that can happen.
"""

from __future__ import annotations

import re

_OBJECT = re.compile(rb"(\d+) 0 obj\s*<<(.*?)>>\s*(?:stream|endobj)", re.DOTALL)
_REF = r"(\d+) 0 R"
_MAX_PDF = 200 * 1024 * 1024


def heading_pages(pdf: bytes) -> dict[str, int]:
    """Each bookmark's title and the number of its page (from 1), first one of a title
    winning; ``{}`` when the PDF has no bookmarks or is not as LibreOffice writes it."""
    if len(pdf) > _MAX_PDF:
        return {}
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(pdf)}
    pages = _page_order(objects)
    found: dict[str, int] = {}
    for body in objects.values():
        title = re.search(rb"/Title\s*<([0-9A-Fa-f]+)>", body)
        dest = re.search(rb"/Dest\s*\[\s*" + _REF.encode(), body)
        if title is None or dest is None or int(dest.group(1)) not in pages:
            continue
        found.setdefault(_utf16(title.group(1)), pages[int(dest.group(1))])
    return found


def _page_order(objects: dict[int, bytes]) -> dict[int, int]:
    """Page object numbers → page numbers, walking the page tree from its root."""
    kids = {n: [int(k) for k in re.findall(_REF.encode(), m.group(1))]
            for n, body in objects.items()
            if re.search(rb"/Type\s*/Pages\b", body)
            and (m := re.search(rb"/Kids\s*\[(.*?)\]", body, re.DOTALL))}
    children = {k for ks in kids.values() for k in ks}
    roots = [n for n in kids if n not in children]
    order: list[int] = []

    def walk(n: int, depth: int) -> None:
        if depth > 32:
            return
        for k in kids.get(n, ()):
            if k in kids:
                walk(k, depth + 1)
            else:
                order.append(k)

    for root in roots[:1]:
        walk(root, 0)
    return {n: i + 1 for i, n in enumerate(order)}


def _utf16(hex_text: bytes) -> str:
    data = bytes.fromhex(hex_text.decode())
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    return data.decode("latin-1")
