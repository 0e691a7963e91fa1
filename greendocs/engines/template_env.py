"""The Jinja environment that .docx templates and layout expressions (for .odt) run in."""

from __future__ import annotations

import jinja2

from .docx.filters import mark_filter, text_filter


def make_environment() -> jinja2.Environment:
    """A new environment: undefined names are errors, and every value is escaped by the
    marker filters that each output expression is rewritten to pass through (see
    :func:`~greendocs.engines.docx.template.inject_markers`), the same guarantee as
    autoescape without escaping each value twice."""
    env = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, auto_reload=False)
    env.filters["gdmark"] = mark_filter
    env.filters["gdtext"] = text_filter
    return env
