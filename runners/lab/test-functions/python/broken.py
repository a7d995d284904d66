"""Test-only: fails at import, to exercise /init/error."""
raise ImportError("broken on purpose")
