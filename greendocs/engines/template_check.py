"""Checking a template against a form's model: every name it uses must exist."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import nodes

from ..markers.bookmark_names import MARKER_VAR
from ..model.introspection import Shape, field_map

#: the names a template may use besides the model's fields and the form's context: what
#: every render's context has (the title, whether it is a draft, the 目录's entries) and
#: Jinja's own
BUILTIN_NAMES = frozenset({"loop", MARKER_VAR, "form_title", "draft", "contents", "true",
                           "false", "none", "True", "False", "None"})


def reserved_names(extras: Iterable[str]) -> frozenset[str]:
    """The names a render's context gives besides the model's fields: a form's *extras*
    (its ``context_names``) and every render's own."""
    return BUILTIN_NAMES.union(extras)


#: statements a template may not use: there is nothing to include or import
_REFUSED = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import",
            nodes.Extends: "extends"}
_ANY = Shape("leaf", Any, True)


def check_template_ast(ast: nodes.Template, model: type, extra_names: frozenset[str],
                       where: str) -> list[str]:
    """Problems with the names and fields that the template *ast* uses, as messages."""
    problems: list[str] = []
    scope: dict[str, Shape] = {f.name: f.shape for f in field_map(model).values()}
    scope.update({n: _ANY for n in extra_names})

    def resolve(node: nodes.Node, scope: dict[str, Shape]) -> Shape:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name not in BUILTIN_NAMES:
                known = ", ".join(sorted(scope))
                problems.append(f"{where}: uses {node.name!r}, which the "
                                f"{model.__name__} model does not have (it has: {known})")
            return _ANY
        if isinstance(node, nodes.Getattr):
            if node.attr.startswith("_"):
                problems.append(f"{where}: uses '.{node.attr}'; a template may use the "
                                "model's fields only, never names starting with '_'")
                return _ANY
            base = resolve(node.node, scope)
            if base.kind == "model":
                info = field_map(base.type).get(node.attr)
                if info is not None:
                    return info.shape
                if not hasattr(base.type, node.attr):
                    known = ", ".join(field_map(base.type))
                    problems.append(f"{where}: uses '.{node.attr}' on {base.type.__name__}, "
                                    f"which has no such field (it has: {known})")
            return _ANY
        if isinstance(node, nodes.Getitem):
            base = resolve(node.node, scope)
            visit(node.arg, scope)
            if base.kind == "list" and base.item is not None:
                return base.item
            return _ANY
        if isinstance(node, nodes.Filter) and node.name == "gdrows" and node.node is not None:
            return resolve(node.node, scope)  # a table's rows: the list itself
        visit(node, scope)
        return _ANY

    def visit(node: nodes.Node, scope: dict[str, Shape]) -> None:
        refused = next((word for kind, word in _REFUSED.items() if isinstance(node, kind)), None)
        if refused is not None:
            problems.append(f"{where}: uses {{% {refused} %}}; a template is one document and "
                            "may not include, import or extend others")
            return
        if isinstance(node, nodes.For):
            it = resolve(node.iter, scope)
            inner = dict(scope)
            item = it.item if it.kind == "list" and it.item is not None else _ANY
            for target in _names(node.target):
                inner[target.name] = item if isinstance(node.target, nodes.Name) else _ANY
            for child in [*node.body, *([node.test] if node.test else [])]:
                visit(child, inner)
            for child in node.else_:
                visit(child, scope)
            return
        if isinstance(node, nodes.Assign):
            visit(node.node, scope)
            for target in _names(node.target):
                scope[target.name] = _ANY
            return
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            visit(child, scope)

    visit(ast, scope)
    return list(dict.fromkeys(problems))


def _names(target: nodes.Node) -> list[nodes.Name]:
    """The names a loop or assignment target binds (the target itself, or a tuple's)."""
    if isinstance(target, nodes.Name):
        return [target]
    return list(target.find_all(nodes.Name))


__all__ = ["BUILTIN_NAMES", "check_template_ast", "reserved_names"]
