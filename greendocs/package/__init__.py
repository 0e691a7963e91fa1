"""The package layer: reading and writing zip containers and XML safely and deterministically."""
