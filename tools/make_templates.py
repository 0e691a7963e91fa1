"""Rebuild the .docx template of every built-in form from its layout, in the form's folder.

Run after changing a layout: ``.venv/bin/python tools/make_templates.py``. The templates are
generated artifacts kept in git (users copy and adapt them); a test checks that each one
equals what its layout builds.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from greendocs.engines.docx.template import prepare_docx
from greendocs.engines.docx.template_builder import build_docx_template
from greendocs.engines.template_check import reserved_names
from greendocs.engines.template_env import make_environment
from greendocs.registry import default_registry

if __name__ == "__main__":
    root = Path.cwd()
    for spec in default_registry():
        if spec.layout is None or not spec.package.startswith("greendocs."):
            continue
        target = Path(str(resources.files(spec.package).joinpath(f"{spec.id}.docx")))
        data = build_docx_template(spec.layout())
        target.write_bytes(data)
        # prepared and compiled, so that a fresh process need not prepare or compile it
        env = make_environment(sandboxed=False)  # the renderer's for the forms' own
        prepared = json.dumps(prepare_docx(data, target.name, env, model=spec.model,
                                           reserved=reserved_names(spec.context_names)),
                              ensure_ascii=False, indent=1, sort_keys=True)
        target.with_name(f"{target.name}.json").write_text(prepared + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(root) if target.is_relative_to(root) else target}")
