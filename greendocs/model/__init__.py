"""The model layer: field declarations, model introspection, plain data ⇄ models
(converter), JSON Schema, flat values, value text, input files and data files."""
