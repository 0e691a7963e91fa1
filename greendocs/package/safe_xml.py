"""Parsing XML from untrusted documents: no DTDs, no entity expansion, no network."""

from __future__ import annotations

from lxml import etree

from ..errors import ParseError, UnsafeDocumentError


def _parser() -> etree.XMLParser:
    # A parser per call: lxml parsers are not safe to share between threads.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def parse_xml(data: bytes, source: str) -> etree._Element:
    """The root element of *data*; *source* (file and part) is named in every error."""
    if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data[:65536]:
        raise UnsafeDocumentError(
            f"{source}: declares a DTD or entities, which Office documents never do; not read")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{source}: not well-formed XML ({exc})") from None
    if root is None:
        raise ParseError(f"{source}: empty XML part")
    return root
