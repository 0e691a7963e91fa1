"""Reading form input files (YAML or JSON) and dumping models as JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import yaml

from ..errors import FieldError, ValidationError
from ..registry import FormSpec, Registry
from .converter import structure
from .images import read_images
from .package_folder import package_folder

MAX_INPUT_BYTES = 20 * 1024 * 1024
#: the longest integer an input file may hold (longer ones are refused with their line)
MAX_NUMBER_DIGITS = 40


@attrs.frozen
class FormInput:
    """A loaded input: which form, and its validated model."""

    form: FormSpec
    model: Any
    source: str


def read_data(path: str | os.PathLike[str]) -> Any:
    """Plain data from a .yaml/.yml/.json file, with a one-line error naming the file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise ValidationError([FieldError("", f"the file is {size:,} bytes; the limit is "
                                              f"{MAX_INPUT_BYTES:,}")], str(p))
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValidationError([FieldError("", f"cannot read the file ({exc.strerror})")],
                              str(p)) from None
    except UnicodeDecodeError:
        raise ValidationError([FieldError("", "is not UTF-8 text")], str(p)) from None
    return parse_data(text, str(p), json_only=p.suffix.lower() == ".json")


def parse_data(text: str, source: str, *, json_only: bool = False) -> Any:
    """Plain data from YAML or JSON text."""
    try:
        return json.loads(text) if json_only else yaml.load(text, Loader=_Loader)
    except ValueError as exc:  # JSON: an integer too long for Python to convert
        if isinstance(exc, json.JSONDecodeError):
            raise _syntax_error(exc, source, json_only) from None
        raise ValidationError([FieldError("", "not valid JSON: a number has more than 4,300 "
                                          f"digits; figures have at most {MAX_NUMBER_DIGITS}")],
                              source) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, source, json_only) from None


def _syntax_error(exc: Exception, source: str, json_only: bool) -> ValidationError:
    """The one-line error of a YAML or JSON file that cannot be read, with its place."""
    where = ""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        where = f" at line {mark.line + 1}, column {mark.column + 1}"
    elif isinstance(exc, json.JSONDecodeError):
        where = f" at line {exc.lineno}, column {exc.colno}"
    problem = getattr(exc, "problem", None) or getattr(exc, "msg", str(exc))
    return ValidationError([FieldError("", f"not valid {'JSON' if json_only else 'YAML'}"
                                       f"{where}: {problem}")], source)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML where dates stay text (our converter reads them) and years stay numbers;
    libyaml's parser where PyYAML has it (a tenth of the time of the pure-Python one)."""


def _bounded_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """YAML integers, refused with their line when longer than any figure can be."""
    text = str(loader.construct_scalar(node))
    digits = sum(c.isdigit() for c in text)
    if digits > MAX_NUMBER_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"a number of {digits} digits ({text[:12]}…); figures have at most "
            f"{MAX_NUMBER_DIGITS}", node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


# Keep timestamps as strings: the converter accepts 2022-09-16 and 2022年9月16日 alike.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:int", _bounded_int)


#: the keys ``validate --json`` and ``parse --json`` write beside the form's data (its rule
#: findings, the reader's notes); an input may carry them, and they are ignored
REPORTED = ("findings", "notes")


def load_input(data: Any, registry: Registry, source: str = "<data>",
               form_id: str | None = None, *, base: str | os.PathLike[str] | None = None
               ) -> FormInput:
    """Validate plain data of the shape ``{form: ID, data: {...}}`` (or bare fields with
    *form_id*) into a model; raises :class:`ValidationError` listing every problem. The
    photos of its narratives are read from files relative to the folder *base* (the
    current one when not given), and must be inside it."""
    if isinstance(data, dict) and "form" in data and "data" in data:
        # what ``validate --json`` and ``parse --json`` say beside the data: read, not used
        extra = set(data) - {"form", "data", *REPORTED}
        if extra:
            raise ValidationError([FieldError(k, "is not expected beside 'form' and 'data'")
                                   for k in sorted(extra)], source)
        form_id = str(data["form"])
        data = data["data"]
    if form_id is None:
        raise ValidationError([FieldError("form", "is missing: say which form the data is "
                                          "for, e.g. 'form: factory-dynamic'")], source)
    spec = registry.get(form_id)
    model: Any = structure(data, spec.model, source=source)
    model = read_images(model, Path(base) if base is not None else Path.cwd(), source)
    return FormInput(spec, model, source)


def load_file(path: str | os.PathLike[str], registry: Registry, form_id: str | None = None
              ) -> FormInput:
    """Read and validate an input file (its photos' files relative to its folder)."""
    return load_input(read_data(path), registry, str(path), form_id,
                      base=Path(path).resolve().parent)


def load_sample(spec: FormSpec, registry: Registry) -> FormInput:
    """The sample input a form ships (``<id>.yaml`` in its package, its photos beside it),
    validated."""
    source = f"{spec.package}/{spec.id}.yaml"
    return load_input(parse_data(spec.sample_text(), source), registry, source,
                      base=Path(str(package_folder(spec.package))))
