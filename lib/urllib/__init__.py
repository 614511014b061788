"""urllib: URL handling (only urllib.parse is provided by Spindle)."""
