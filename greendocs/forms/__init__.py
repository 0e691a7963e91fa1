"""The built-in forms, one package each (model, layout, rules, scoring, data files, sample
and template), registered through the ``greendocs.forms`` entry points like any other
package's forms. ``_shared`` holds the pieces several forms use."""
