"""The .odt engine: documents written with odfpy from a form's layout, and read back."""
