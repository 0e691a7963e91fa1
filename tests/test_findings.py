"""Every message a Chinese reader can be shown has its Chinese text: the rules' findings,
field errors of the models and the forms' scoring, and why a document cannot be read —
all of which Attachment 1's problem list prints."""

from __future__ import annotations

import ast
from pathlib import Path

import greendocs

#: the constructors of messages, and where their Chinese text goes (keyword, position)
MESSAGES = {"Finding": ("message_zh", 4), "FieldError": ("message_zh", 2),
            "FieldValueError": ("zh", 99), "Problem": ("message_zh", 5),
            "ParseError": ("zh", 99), "NotAFormError": ("zh", 99),
            "UnsafeDocumentError": ("zh", 99)}

#: modules whose messages are about the user's own data files (indicator systems,
#: standards, benchmark tables) and YAML/JSON input: the console shows them, and in a
#: roll-up they are summed up in Chinese as "数据文件…有误"
CONSOLE_ONLY = {"model/data_io.py", "model/data_files.py", "forms/factory/indicator_system.py",
                "forms/park/indicator_system.py", "forms/supply_chain/indicator_system.py",
                "forms/product/standard.py"}


def untranslated() -> list[str]:
    root = Path(greendocs.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).as_posix() in CONSOLE_ONLY:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in MESSAGES:
                continue
            keyword, position = MESSAGES[name]
            if len(node.args) <= position and not any(k.arg == keyword for k in node.keywords):
                found.append(f"{path.relative_to(root)}:{node.lineno}: {name}")
    return found


def test_every_message_has_its_chinese_text() -> None:
    assert untranslated() == []
