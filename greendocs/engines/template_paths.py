"""Resolving a template's model paths once, when it is compiled.

A template reads its model through views (:mod:`greendocs.markers.model_view`) that know
where each value comes from, so that the writer can mark it: a view for every value, on
every render. Most printed expressions are paths in the model, though — ``factory.name``,
or ``row.values[years[0]]`` in ``{% for row in indicators %}`` — and where their values
are is known before any model is: the path's bookmark key, completed by the loop positions
(and the year) at render time. :func:`resolve_paths` rewrites such an expression into one
that reads the model itself and writes the value with its marker (the ``gdm`` and ``gdms``
filters); a loop over a model list goes over the list itself with each item's position
(``{% for _gdi1, row in indicators|gdpositions(true) %}``; None for a lean row). Every
other read of the model — a condition, a filter's operand, a loop over a series, a loop
over leaves it does more with than print (a narrative's blocks), a loop reading
``loop.previtem`` — gets the view it would have had (``gdat``, one per site and indices
in a render), so the document is the same, byte for byte, as the one the views give. A
template with statements the resolver does not follow (``set``, macros, calls) is not
resolved, and reads views throughout.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import attrs
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame

from ..markers.bookmark_names import PREFIX, pattern_key
from ..markers.model_view import Site
from ..model.introspection import Shape, field_map

#: what a resolved template may hold: text, output, conditions, loops and expressions;
#: anything else (``set``, macros, calls, blocks) and the template reads views
_FOLLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.For, nodes.If,
             nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Const, nodes.Filter, nodes.Test,
             nodes.Compare, nodes.Operand, nodes.And, nodes.Or, nodes.Not, nodes.Concat,
             nodes.CondExpr, nodes.Tuple, nodes.List, nodes.Dict, nodes.Pair, nodes.Keyword,
             nodes.Slice, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv,
             nodes.Mod, nodes.Pow, nodes.Neg, nodes.Pos)

#: an index of a path: a loop's position (the name holding it) or a constant
_Index = tuple[str, object]


#: the mark of a ``Getattr`` that reads a field of a record from the model itself: compiled
#: to the attribute access it is (:class:`FieldReadCompiler`), where Jinja's ``getattr``
#: would also try the value as a mapping — except in the sandbox, which checks every access
#: (Jinja allows no node types of one's own)
FIELD_READ = "gd_field_read"


def _field_read(node: nodes.Expr, attr: str) -> nodes.Getattr:
    read = nodes.Getattr(node, attr, "load")
    setattr(read, FIELD_READ, True)
    return read


class FieldReadCompiler(CodeGenerator):
    """Jinja's code generator, a field read (:data:`FIELD_READ`) an attribute access. (The
    sandbox's environments keep Jinja's: it checks every access.)"""

    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if not getattr(node, FIELD_READ, False):
            super().visit_Getattr(node, frame)
            return
        self.write("(")
        self.visit(node.node, frame)
        self.write(f").{node.attr}")


@attrs.frozen
class Resolved:
    """A template's parts with their model paths resolved."""

    #: each part's rewritten template
    parts: dict[str, nodes.Template]
    #: the model's top-level fields the parts read directly (the others as views)
    plain: frozenset[str]
    #: the sites the parts read views at (the ``gdat`` filter's first argument)
    sites: tuple[Site, ...]


@attrs.frozen
class _Path:
    """A model value an expression reads: where it is (*site*), how the model gives it
    (*node*; a year's series), its indices and, for a year of a series, the year."""

    site: Site
    node: nodes.Expr
    indices: tuple[_Index, ...]
    year: nodes.Expr | None = None

    @property
    def shape(self) -> Shape | None:
        """The value's shape (None for a year: a number)."""
        if self.site.kind == "field":
            return self.site.info.shape
        if self.site.kind == "item":
            return self.site.info.shape.item
        return None

    @property
    def kind(self) -> str:
        """``leaf``, ``model``, ``list`` or ``series``: a list's item is a record or a
        leaf, as a view of the list gives it."""
        shape = self.shape
        if shape is None:
            return "leaf"
        if self.site.kind == "item":
            return "model" if shape.kind == "model" else "leaf"
        return shape.kind

    @property
    def pattern(self) -> str:
        """The value's path pattern (``indicators[].values[]``)."""
        return self.site.pattern if self.site.kind == "field" else self.site.pattern + "[]"


def resolve_paths(parts: Mapping[str, nodes.Template], model: type,
                  reserved: frozenset[str]) -> Resolved | None:
    """*parts* (parsed, and changed in place) with the paths they read in *model*
    resolved; the names in *reserved* are the context's own (never the model's). None
    when a part holds what the resolver does not follow."""
    for ast in parts.values():
        if any(not isinstance(node, _FOLLOWED) for node in ast.find_all(nodes.Node)):
            return None
    taken = {n.name for ast in parts.values() for n in ast.find_all(nodes.Name)}
    resolver = _Resolver(taken)
    root = {name: _Path(Site("field", name, info), nodes.Name(name, "load"), ())
            for name, info in field_map(model).items() if name not in reserved}
    out: dict[str, nodes.Template] = {}
    for name, ast in parts.items():
        resolver.children(ast, root)
        ast.set_lineno(1)
        out[name] = ast
    return Resolved(out, frozenset(root), tuple(resolver.sites))


def site_at(model: type, kind: str, pattern: str) -> Site:
    """The site of *kind* at the field *pattern* (``indicators[].values``) of *model*, as
    a resolved template's data names it."""
    current: type = model
    steps = pattern.split(".")
    for step in steps[:-1]:  # records, or a list's records ("indicators[]")
        info = field_map(current)[step.removesuffix("[]")]
        shape = info.shape.item if step.endswith("[]") else info.shape
        assert shape is not None and shape.kind == "model", pattern
        current = shape.type
    return Site(kind, pattern, field_map(current)[steps[-1]])


class _Resolver:
    def __init__(self, taken: set[str]) -> None:
        self.sites: list[Site] = []
        self._known: dict[tuple[str, str], int] = {}
        #: the names the template uses (the positions' names must be others)
        self._taken = taken
        self._loops = 0

    def _position_name(self) -> str:
        while True:
            self._loops += 1
            name = f"_gdi{self._loops}"
            if name not in self._taken:
                return name

    def _site_number(self, site: Site) -> int:
        key = (site.kind, site.pattern)
        number = self._known.get(key)
        if number is None:
            number = self._known[key] = len(self.sites)
            self.sites.append(site)
        return number

    def path(self, node: nodes.Node, scope: Mapping[str, _Path]) -> _Path | None:
        """The model value *node* reads, or None. (The nodes it builds are new: *node*
        is left as it is.)"""
        if isinstance(node, nodes.Name):
            found = scope.get(node.name) if node.ctx == "load" else None
            return None if found is None else \
                attrs.evolve(found, node=nodes.Name(node.name, "load"))
        if isinstance(node, nodes.Getattr) and node.ctx == "load":
            base = self.path(node.node, scope)
            if base is None or base.kind != "model":
                return None
            assert base.shape is not None
            info = field_map(base.shape.type).get(node.attr)
            if info is None:  # a property or method: the view gives it as it is
                return None
            return _Path(Site("field", f"{base.pattern}.{node.attr}", info),
                         _field_read(base.node, node.attr), base.indices)
        if isinstance(node, nodes.Getitem) and node.ctx == "load":
            base = self.path(node.node, scope)
            if base is None or base.site.kind != "field":
                return None
            info = base.site.info
            if base.kind == "series" and not isinstance(node.arg, nodes.Slice):
                return _Path(Site("year", base.pattern, info), base.node, base.indices,
                             year=node.arg)
            arg = node.arg
            if base.kind == "list" and isinstance(arg, nodes.Const) and \
                    type(arg.value) is int and arg.value >= 0:
                return _Path(Site("item", base.pattern, info),
                             nodes.Getitem(base.node, nodes.Const(arg.value), "load"),
                             (*base.indices, ("const", arg.value)))
        return None

    def visit(self, node: nodes.Node, scope: Mapping[str, _Path]) -> nodes.Node:
        if isinstance(node, nodes.For):
            return self._loop(node, scope)
        if isinstance(node, nodes.Output):
            node.nodes = [self._printed(child, scope) for child in node.nodes]
            return node
        found = self.path(node, scope)
        if found is not None:
            return self._view(found, scope)
        if isinstance(node, nodes.Getitem):  # a context's table looked up by a model value
            key = self.path(node.arg, scope)
            if key is not None and key.kind == "leaf" and key.year is None:
                # its view would find what the value finds (a marked value hashes and
                # compares as its value)
                node.node = self.expr(node.node, scope)
                node.arg = key.node
                return node
        self.children(node, scope)
        return node

    def expr(self, node: nodes.Expr, scope: Mapping[str, _Path]) -> nodes.Expr:
        return cast("nodes.Expr", self.visit(node, scope))

    def children(self, node: nodes.Node, scope: Mapping[str, _Path]) -> None:
        for field in node.fields:
            value = getattr(node, field, None)
            if isinstance(value, nodes.Node):
                setattr(node, field, self.visit(value, scope))
            elif isinstance(value, list):
                setattr(node, field, [self.visit(v, scope) if isinstance(v, nodes.Node)
                                      else v for v in value])

    def _printed(self, node: nodes.Expr, scope: Mapping[str, _Path]) -> nodes.Expr:
        """A printed expression: a model leaf written with its marker at once."""
        if isinstance(node, nodes.Filter) and node.name == "gdmark" and \
                node.node is not None and len(node.args) == 1 and not node.kwargs and \
                node.dyn_args is None and node.dyn_kwargs is None:
            found = self.path(node.node, scope)
            if found is not None and found.kind == "leaf":
                key = nodes.Const(PREFIX + pattern_key(found.pattern))
                indices = [_index_node(i) for i in found.indices]
                if found.year is not None:
                    indices.append(self.expr(found.year, scope))
                    return nodes.Filter(found.node, "gdms", [node.args[0], key, *indices],
                                        [], None, None)
                return nodes.Filter(found.node, "gdm", [node.args[0], key, *indices],
                                    [], None, None)
        return self.expr(node, scope)

    def _view(self, found: _Path, scope: Mapping[str, _Path]) -> nodes.Expr:
        """What reads the value at *found* when it is not printed at once: its view."""
        args: list[nodes.Expr] = [nodes.Const(self._site_number(found.site)),
                                  *(_index_node(i) for i in found.indices)]
        if found.year is not None:
            args.append(self.expr(found.year, scope))
        return nodes.Filter(found.node, "gdat", args, [], None, None)

    def _loop(self, node: nodes.For, scope: Mapping[str, _Path]) -> nodes.For:
        iterated: nodes.Node = node.iter
        rows = False  # a layout's table rows: `list|gdrows`
        if isinstance(node.iter, nodes.Filter) and node.iter.name == "gdrows" and \
                node.iter.node is not None and not node.iter.args:
            iterated, rows = node.iter.node, True
        listed = self.path(iterated, scope)
        bound = {n.name for n in node.target.find_all(nodes.Name)}
        if isinstance(node.target, nodes.Name):
            bound.add(node.target.name)
        inner = {k: v for k, v in scope.items() if k not in bound}
        if listed is None or listed.kind != "list" or not isinstance(node.target, nodes.Name) \
                or node.test is not None or node.recursive \
                or not _worth_binding(node, listed.site.info.shape.item):
            node.iter = self.visit(node.iter, scope)
            if node.test is not None:
                node.test = self.visit(node.test, inner)
            node.body = [self.visit(b, inner) for b in node.body]
            node.else_ = [self.visit(b, scope) for b in node.else_]
            return node
        # the loop goes over the model's list itself with each item's position (_gdiN; None
        # for a lean row of a long table, as the view's rows would be)
        position = self._position_name()
        info = listed.site.info
        lean = rows and info.shape.item is not None and info.shape.item.kind == "model"
        inner[node.target.name] = _Path(Site("item", listed.pattern, info),
                                        nodes.Name(node.target.name, "load"),
                                        (*listed.indices, ("name", position)))
        node.body = [self.visit(b, inner) for b in node.body]
        node.target = nodes.Tuple([nodes.Name(position, "store"), node.target], "store")
        node.iter = nodes.Filter(listed.node, "gdpositions", [nodes.Const(lean)], [], None,
                                 None)
        node.else_ = [self.visit(b, scope) for b in node.else_]
        return node


def _worth_binding(loop: nodes.For, item: Shape | None) -> bool:
    """Whether *loop* reads its list's items better from the list itself than from its
    view: records (their fields are paths), or leaves it only prints — an item the loop
    tests or filters (a narrative's block: ``b|gdkind``, ``b|gdrich``) would need a view
    at each use, where the view's loop makes one."""
    if _reads_neighbours(loop):
        return False
    if item is not None and item.kind == "model":
        return True
    assert isinstance(loop.target, nodes.Name)
    name = loop.target.name
    printed = sum(1 for out in loop.find_all(nodes.Output) for child in out.nodes
                  if isinstance(child, nodes.Filter) and child.name == "gdmark"
                  and isinstance(child.node, nodes.Name) and child.node.name == name)
    used = sum(1 for n in loop.find_all(nodes.Name) if n.name == name and n.ctx == "load")
    return used == printed


#: what a loop's ``loop`` tells that a loop over positions and items tells as well
_LOOP_COUNTS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last",
                          "length", "depth", "depth0"})


def _reads_neighbours(loop: nodes.For) -> bool:
    """Whether *loop* (or a loop in it) reads ``loop`` other than for its counts: its
    ``previtem`` or ``nextitem`` would be a position and an item."""
    counted = {id(g.node) for g in loop.find_all(nodes.Getattr)
               if isinstance(g.node, nodes.Name) and g.node.name == "loop"
               and g.attr in _LOOP_COUNTS}
    return any(n.name == "loop" and id(n) not in counted for n in loop.find_all(nodes.Name))


def _index_node(index: _Index) -> nodes.Expr:
    kind, value = index
    return nodes.Name(str(value), "load") if kind == "name" else nodes.Const(value)


__all__ = ["FIELD_READ", "FieldReadCompiler", "Resolved", "resolve_paths", "site_at"]
