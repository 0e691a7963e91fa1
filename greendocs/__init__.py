"""greendocs: the Green Manufacturing List attachments, produced and read back."""
__version__ = "0.1.0"
