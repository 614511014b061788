# tests/lib/test_heapq.py's checks of the heapq module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('heapq')
