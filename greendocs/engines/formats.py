"""The formats greendocs writes: those its own engines write, and those LibreOffice makes
from a .docx."""

from __future__ import annotations

#: formats written by greendocs' own engines
NATIVE_FORMATS = ("docx", "odt", "xlsx")
#: formats made from the .docx by LibreOffice (needs it installed)
CONVERTED_FORMATS = ("pdf", "doc")
FORMATS = NATIVE_FORMATS + CONVERTED_FORMATS
#: LibreOffice export filters by target format
FILTERS = {
    "pdf": "pdf:writer_pdf_Export",
    "doc": "doc:MS Word 97",
    "docx": "docx:MS Word 2007 XML",
    "odt": "odt:writer8",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
}
