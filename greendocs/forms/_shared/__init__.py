"""The form kit: pieces that several forms share (report skeleton, dynamic-table base)."""
