"""Edit documents in LibreOffice the way a person does, over UNO, and save them.

Test helper, run with the system ``python3`` (Debian's ``python3-uno``), never imported by
greendocs: ``python3 tests/uno_edit.py JOBS.json``. JOBS.json is a list of jobs::

    {"input": "in.docx", "output": "out.odt", "filter": "writer8", "edits": [...]}

with ``filter`` one of ``MS Word 2007 XML`` (.docx), ``MS Word 97`` (.doc), ``writer8``
(.odt), and these edits, each at the bookmark ``bookmark`` (``nth`` picks a copy in
document order when LibreOffice renamed copies ``<name>_Copy_N``):

- ``{"op": "type", "text": T}``: select the value and type T over it;
- ``{"op": "insert_row", "texts": {COLUMN: T}}``: Insert Rows Below the value's row and
  type the texts into its cells (columns by letter, as Writer names them: ``A``, ``B`` …);
- ``{"op": "paste_row", "texts": {COLUMN: T}}``: copy the value's row, insert a row below
  it and paste there, then type over the cells given;
- ``{"op": "delete_row"}``: Delete Rows on the value's row;
- ``{"op": "add_paragraph", "text": T}``: press Enter at the end of the value's paragraph
  and type T;
- ``{"op": "add_image", "path": FILE, "caption": T}``: press Enter at the end of the
  value's paragraph, Insert ▸ Image FILE (as a character, 80 mm wide), press Enter and
  type the caption T;
- ``{"op": "record"}``: Edit ▸ Track Changes ▸ Record (no bookmark);
- ``{"op": "type_ui", "text": T}``: select the value and type T as keystrokes do;
- ``{"op": "append_ui", "text": T}``: click at the end of the value and type T;
- ``{"op": "backspace_type", "n": N, "text": T}``: click at the end of the value, press
  Backspace N times and type T;
- ``{"op": "copy_cell", "to": BOOKMARK}``: copy the value's cell text into the cell of
  another value (``"to_down": N``: N rows below it);
- ``{"op": "insert_row_above", "texts": {COLUMN: T}}``: Insert Rows Above and type;
- ``{"op": "insert_row_merge", "texts": {COLUMN: T}, "merge": [FROM, TO]}``: Insert Rows
  Below, merge its cells FROM:TO and type (a sub-heading across the table);
- ``{"op": "merge", "merge": [FROM, TO]}``: Table ▸ Merge Cells FROM:TO in the value's row.

An edit with ``"down": N`` is made in the cell N rows below the bookmark's, in its column
(a long table's lean rows carry no bookmark of their own).

One LibreOffice process (private profile, headless) does all jobs; it prints one line
per job, ``ok OUTPUT`` or ``failed OUTPUT: why``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK
#: the running office's component context (set by main)
OFFICE: dict[str, Any] = {}


def prop(name: str, value: Any) -> Any:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office(profile: Path, pipe: str) -> tuple[subprocess.Popen[bytes], Any, Any]:
    office = shutil.which("soffice") or "/usr/bin/soffice"
    proc = subprocess.Popen(
        [office, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         f"-env:UserInstallation={profile.as_uri()}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"})
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                                   ctx)
            return proc, desktop, ctx
        except Exception:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("LibreOffice did not start")


def bookmark(doc: Any, name: str, nth: int = 0) -> Any:
    marks = doc.getBookmarks()
    found = [n for n in marks.getElementNames()  # copies are "<name> Copy N"
             if n == name or (n.startswith(name + " Copy ") and n[len(name) + 6:].isdigit())]
    # Writer keeps its marks sorted by position: the names come in document order
    ranges = [marks.getByName(n).getAnchor() for n in found]
    if nth >= len(ranges):
        raise KeyError(f"no bookmark {name} #{nth} ({len(ranges)} found)")
    return ranges[nth]


def row_of(anchor: Any) -> tuple[Any, int]:
    table = anchor.TextTable
    if table is None:
        raise ValueError("the value is not in a table")
    name = anchor.Cell.CellName  # e.g. "B3"
    digits = "".join(ch for ch in name if ch.isdigit())
    return table, int(digits) - 1


def below(anchor: Any, down: int) -> Any:
    """The text of the cell *down* rows below *anchor*'s, in its column, selected."""
    table, row = row_of(anchor)
    column = "".join(ch for ch in anchor.Cell.CellName if ch.isalpha())
    cursor = table.getCellByName(f"{column}{row + 1 + down}").createTextCursor()
    cursor.gotoStart(False)
    cursor.gotoEnd(True)
    return cursor


def edit(doc: Any, step: dict[str, Any], dispatcher: Any) -> None:
    op = step["op"]
    if op == "record":
        doc.RecordChanges = True
        return
    anchor = bookmark(doc, step["bookmark"], step.get("nth", 0))
    if step.get("down"):
        anchor = below(anchor, step["down"])
    controller = doc.getCurrentController()

    def keys(text: str) -> None:  # typing, as the macro recorder writes it down
        dispatcher.executeDispatch(controller.getFrame(), ".uno:InsertText", "", 0,
                                   (prop("Text", text),))

    if op == "type_ui":
        controller.select(anchor)
        keys(step["text"])
    elif op == "append_ui":
        controller.getViewCursor().gotoRange(anchor.getEnd(), False)
        keys(step["text"])
    elif op == "backspace_type":
        controller.getViewCursor().gotoRange(anchor.getEnd(), False)
        for _ in range(step["n"]):
            dispatcher.executeDispatch(controller.getFrame(), ".uno:SwBackspace", "", 0, ())
        keys(step["text"])
    elif op == "copy_cell":
        source = anchor.Cell.getText().createTextCursor()
        source.gotoStart(False)
        source.gotoEnd(True)
        controller.select(source)
        copied = controller.getTransferable()
        to = bookmark(doc, step["to"])
        if step.get("to_down"):
            to = below(to, step["to_down"])
        target = to.Cell.getText().createTextCursor()
        target.gotoStart(False)
        target.gotoEnd(True)
        controller.select(target)
        controller.insertTransferable(copied)
    elif op == "insert_row_above":
        table, row = row_of(anchor)
        controller.select(anchor)
        dispatcher.executeDispatch(controller.getFrame(), ".uno:InsertRowsBefore", "", 0, ())
        for col, text in step["texts"].items():
            table.getCellByName(f"{col}{row + 1}").setString(text)
    elif op in ("insert_row", "insert_row_merge"):
        # the cursor in the value's cell, Table ▸ Insert ▸ Rows Below (cells merged after)
        table, row = row_of(anchor)
        controller.select(anchor)
        dispatcher.executeDispatch(controller.getFrame(), ".uno:InsertRowsAfter", "", 0, ())
        if op == "insert_row_merge":
            first, last = step["merge"]
            cursor = table.createCursorByCellName(f"{first}{row + 2}")
            cursor.gotoCellByName(f"{last}{row + 2}", True)
            cursor.mergeRange()
        for col, text in step["texts"].items():
            table.getCellByName(f"{col}{row + 2}").setString(text)
    elif op == "merge":
        table, row = row_of(anchor)
        first, last = step["merge"]
        cursor = table.createCursorByCellName(f"{first}{row + 1}")
        cursor.gotoCellByName(f"{last}{row + 1}", True)
        cursor.mergeRange()
    elif op == "type":
        anchor.setString(step["text"])
    elif op == "paste_row":
        table, row = row_of(anchor)
        cells = [n for n in table.getCellNames()
                 if "".join(ch for ch in n if ch.isdigit()) == str(row + 1)]
        controller.select(table.getCellRangeByName(f"{cells[0]}:{cells[-1]}"))
        copied = controller.getTransferable()
        controller.select(anchor)
        dispatcher.executeDispatch(controller.getFrame(), ".uno:InsertRowsAfter", "", 0, ())
        controller.select(table.getCellByName(f"A{row + 2}").getText().getStart())
        controller.insertTransferable(copied)
        for col, text in step.get("texts", {}).items():
            table.getCellByName(f"{col}{row + 2}").setString(text)
    elif op == "delete_row":
        table, row = row_of(anchor)
        table.getRows().removeByIndex(row, 1)
    elif op == "add_paragraph":
        text = anchor.getText()
        cursor = text.createTextCursorByRange(anchor.getEnd())
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, step["text"], False)
    elif op == "add_image":
        text = anchor.getText()
        cursor = text.createTextCursorByRange(anchor.getEnd())
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        provider = OFFICE["ctx"].ServiceManager.createInstanceWithContext(
            "com.sun.star.graphic.GraphicProvider", OFFICE["ctx"])
        picture = doc.createInstance("com.sun.star.text.TextGraphicObject")
        picture.Graphic = provider.queryGraphic(
            (prop("URL", uno.systemPathToFileUrl(step["path"])),))
        picture.AnchorType = uno.Enum("com.sun.star.text.TextContentAnchorType",
                                      "AS_CHARACTER")
        size = picture.Size
        size.Width, size.Height = 8000, 5000  # 1/100 mm
        picture.Size = size
        text.insertTextContent(cursor, picture, False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, step["caption"], False)
    else:
        raise ValueError(f"unknown edit {op!r}")


def main(jobs_file: str) -> None:
    jobs = json.loads(Path(jobs_file).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="gd-uno-") as tmp:
        proc, desktop, ctx = start_office(Path(tmp) / "profile", f"gdtest{os.getpid()}")
        OFFICE["ctx"] = ctx
        dispatcher = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx)
        try:
            for job in jobs:
                try:
                    doc = desktop.loadComponentFromURL(Path(job["input"]).resolve().as_uri(),
                                                       "_blank", 0, (prop("Hidden", True),))
                    try:
                        for step in job["edits"]:
                            edit(doc, step, dispatcher)
                        doc.storeToURL(Path(job["output"]).resolve().as_uri(),
                                       (prop("FilterName", job["filter"]),))
                    finally:
                        doc.close(True)
                    print(f"ok {job['output']}", flush=True)
                except Exception as exc:  # report and go on with the next job
                    print(f"failed {job['output']}: {type(exc).__name__}: {exc}", flush=True)
        finally:
            with contextlib.suppress(Exception):
                desktop.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main(sys.argv[1])
