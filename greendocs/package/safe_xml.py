"""Parsing XML from untrusted documents: no DTDs, no entity expansion, no network."""

from __future__ import annotations

from lxml import etree

from ..errors import ParseError, UnsafeDocumentError


def _parser() -> etree.XMLParser:
    # A parser per call: lxml parsers are not safe to share between threads.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


#: the most markup a part may hold (counted as '<' characters, a bound on its elements,
#: before anything is parsed): a table of 10,000 rows stays well below it, and the parsed
#: tree below a few hundred megabytes
MAX_ELEMENTS = 2_000_000


def parse_xml(data: bytes, source: str) -> etree._Element:
    """The root element of *data*; *source* (file and part) is named in every error.

    The number of elements is bounded before parsing, the depth and text by libxml2's
    limits (no ``huge_tree``), and a document type declaration — which Office documents
    never carry — is refused by what the parser found, whatever the part's encoding or
    how far into it the declaration stands; entities are never expanded.
    """
    if data.count(b"<") > MAX_ELEMENTS:
        raise UnsafeDocumentError(f"{source}: holds more than {MAX_ELEMENTS:,} XML elements, "
                                  "more than any form; not read",
                                  zh=f"文件内容超过{MAX_ELEMENTS:,}个XML元素，远超任何表单；未读取")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{source}: not well-formed XML ({exc})",
                         zh="文件内容不是格式正确的XML，文件已损坏") from None
    if root is None:
        raise ParseError(f"{source}: empty XML part", zh="文件中有空的XML部件，文件已损坏")
    info = root.getroottree().docinfo
    if getattr(info, "doctype", "") or info.internalDTD is not None:
        raise UnsafeDocumentError(
            f"{source}: declares a DTD or entities, which Office documents never do; not read",
            zh="文件声明了DTD或实体，正常的Office文档不会如此；未读取")
    return root
