"""The engines: .docx, .odt and .xlsx writers and readers, LibreOffice conversions, and the
template check. They read forms only through :class:`~greendocs.registry.FormSpec`."""
