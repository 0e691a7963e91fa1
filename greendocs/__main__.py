"""``python -m greendocs`` runs the command line."""

from .cli import main

main()
