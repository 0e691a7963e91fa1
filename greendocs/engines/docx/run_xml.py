"""WordprocessingML snippets for values: a run of text, and a run wrapped in markers."""

from __future__ import annotations

from ...layout.line_breaks import keep_standard_numbers
from ...package.xml_text import escape_xml

_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


def unbreakable_numbers(body: str) -> str:
    """*body* (a ``w:t``'s content) with standard numbers (GB/T 4754-2017) and figures
    with units (12 MW) kept whole: Word's non-breaking hyphen, no-break spaces."""
    return keep_standard_numbers(body, _NO_BREAK_HYPHEN)


#: the characters that make a value's text other than its ``w:t``'s content (text without
#: any is written as it is)
SPECIAL_CHARACTERS = frozenset('&<>"- \n\t')


def run_body(text: str) -> str:
    """*text* as the content of a ``w:t`` (escaped, standard numbers kept whole, line
    breaks and tabs as their elements)."""
    if SPECIAL_CHARACTERS.isdisjoint(text):  # most values: as they are, at once
        return text
    body = unbreakable_numbers(escape_xml(text))
    if "\n" in body or "\t" in body:
        body = (body.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
                .replace("\n", '</w:t><w:br/><w:t xml:space="preserve">'))
    return body


def run_start(rpr: str) -> str:
    """What a run with properties *rpr* starts with, up to its text."""
    return f'<w:r>{rpr}<w:t xml:space="preserve">'


RUN_END = "</w:t></w:r>"


def text_run(rpr: str, text: str) -> str:
    """A ``w:r`` with run properties *rpr* holding *text* (line breaks and tabs kept)."""
    return f"{run_start(rpr)}{run_body(text)}{RUN_END}"


def marked_run(rpr: str, text: str, name: str, bid: int) -> str:
    """*text* inside a bookmark, the marker the parser reads.

    No content control: python-docx's ``cell.text`` and ``paragraph.text`` skip the text
    of content controls, and LibreOffice empties their tags when it saves (347 tags → 0),
    so they hid the values from other readers and told the parser nothing a bookmark
    does not.
    """
    return (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{text_run(rpr, text)}'
            f'<w:bookmarkEnd w:id="{bid}"/>')
