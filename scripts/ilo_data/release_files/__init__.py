"""Release build: one writer module per download format, orchestrated by `command.py`."""
