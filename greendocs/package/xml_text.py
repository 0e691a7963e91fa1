"""Text written into XML by the engines' string templates."""

from __future__ import annotations


def escape_xml(text: str) -> str:
    """*text* escaped for XML element content and double-quoted attributes."""
    if "&" in text or "<" in text or ">" in text or '"' in text:
        text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', "&quot;"))
    return text
