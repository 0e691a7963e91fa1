"""The marker layer: how values are tagged in documents so that they can be found again."""
