"""JSON token scanner: `make_scanner(context)` returns the scan_once(string, idx) function a
JSONDecoder uses (native in `_json`, with the pure-Python one as `py_make_scanner`)."""

from .decoder import make_scanner, py_make_scanner

__all__ = ['make_scanner']
