"""Build the .docx templates in templates/ from each registered form's layout.

Run after changing a layout: ``.venv/bin/python tools/make_templates.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from greendocs.docx.template_builder import build_docx_template  # noqa: E402
from greendocs.registry import default_registry  # noqa: E402

if __name__ == "__main__":
    for spec in default_registry():
        if spec.layout is None or "docx" not in spec.templates:
            continue
        target = ROOT / "templates" / spec.templates["docx"]
        target.write_bytes(build_docx_template(spec.layout()))
        print(f"wrote {target.relative_to(ROOT)}")
