"""Page layouts as data: the one definition a form's .docx template and its .odt come from."""
