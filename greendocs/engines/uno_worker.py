"""A warm LibreOffice for many conversions: run by a Python that has LibreOffice's ``uno``
module (Debian's ``python3-uno`` for the system ``python3``; LibreOffice's own ``python``
on Windows and macOS), never imported by greendocs.

``python3 -P uno_worker.py SOFFICE PROFILE_URL PIPE`` starts LibreOffice headless with the
private profile *PROFILE_URL*, listening on the named pipe *PIPE*, and answers one JSON
line on stdout for each JSON line on stdin::

    {"input": "/abs/in.docx", "output": "/abs/out.pdf", "filter": "writer_pdf_Export"}
    {"ok": true}  or  {"ok": false, "error": "why"}

after a first ``{"ready": true}``. Documents are opened hidden, read-only, with macros
and links off. End of input stops LibreOffice. The caller times each answer and kills
this process group when one takes too long.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE


def _prop(name: str, value: Any) -> Any:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _answer(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _connect(soffice: str, profile: str, pipe: str) -> tuple[subprocess.Popen[bytes], Any]:
    office = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "--nolockcheck", f"-env:UserInstallation={profile}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"})
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):  # a first start makes the profile: up to a minute
        if office.poll() is not None:
            break
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return office, ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.1)
    office.kill()
    raise SystemExit(f"LibreOffice did not start (exit {office.poll()})")


def main() -> None:
    soffice, profile, pipe = sys.argv[1:4]
    office, desktop = _connect(soffice, profile, pipe)
    _answer({"ready": True})
    load: tuple[Any, ...] = (_prop("Hidden", True), _prop("ReadOnly", True),
            _prop("MacroExecutionMode", NEVER_EXECUTE), _prop("UpdateDocMode", NO_UPDATE))
    try:
        for line in sys.stdin:
            job = json.loads(line)
            doc = None
            props = load
            if job.get("input_filter"):
                props = (*load, _prop("FilterName", job["input_filter"]))
            try:
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["input"]),
                                                   "_blank", 0, props)
                if doc is None:
                    raise RuntimeError("LibreOffice could not open it")
                doc.storeToURL(uno.systemPathToFileUrl(job["output"]),
                               (_prop("FilterName", job["filter"]),))
                _answer({"ok": True})
            except Exception as exc:  # the document's problem, told to the caller
                _answer({"ok": False, "error": f"{type(exc).__name__}: {exc}"})
            finally:
                if doc is not None:
                    try:
                        doc.close(True)
                    except Exception:
                        doc.dispose()
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
