"""The .xlsx engine: every form as a typed sheet with one row per value, and back."""
