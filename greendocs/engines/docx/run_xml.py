"""WordprocessingML snippets for values: a run of text, and a run wrapped in markers."""

from __future__ import annotations

_ALIASES: dict[str, str] = {}


def escape_xml(text: str) -> str:
    """*text* escaped for XML element content and double-quoted attributes."""
    if "&" in text or "<" in text or ">" in text or '"' in text:
        text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', "&quot;"))
    return text


def text_run(rpr: str, text: str) -> str:
    """A ``w:r`` with run properties *rpr* holding *text* (line breaks and tabs kept)."""
    body = escape_xml(text)
    if "\n" in body or "\t" in body:
        body = (body.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
                .replace("\n", '</w:t><w:br/><w:t xml:space="preserve">'))
    return f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>'


def marked_run(rpr: str, text: str, name: str, label: str, bid: int) -> str:
    """*text* inside a bookmark (what the parser relies on) and a tagged content control.

    The control is a rich-text one: LibreOffice drops the run formatting (font, size) of
    text inside a plain-text control (``w:text``) when it lays the page out.
    """
    alias = _ALIASES.get(label)
    if alias is None:
        alias = _ALIASES.setdefault(label, escape_xml(label[:60]))
    return (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>'
            f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{name}"/>'
            f'<w:id w:val="{bid}"/></w:sdtPr>'
            f'<w:sdtContent>{text_run(rpr, text)}</w:sdtContent></w:sdt>'
            f'<w:bookmarkEnd w:id="{bid}"/>')
