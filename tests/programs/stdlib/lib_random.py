# tests/lib/test_random.py's checks of the random module, run by the module the interpreter imports.
# test_sha512 is skipped: it checks a helper of lib/random against hashlib.
import _libcheck
_libcheck.main('random', skip={'test_sha512'})
