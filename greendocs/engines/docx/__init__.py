"""The .docx engine: template compilation, rendering with markers, reading back."""
