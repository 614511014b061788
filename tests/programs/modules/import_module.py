# import of a .py file next to the script; module attributes; caching.
import sys
import _helper_mod
print(_helper_mod.CONSTANT, _helper_mod.greet('x'), _helper_mod.Widget())
print(_helper_mod.__name__, type(_helper_mod).__name__, _helper_mod.__doc__)
print(_helper_mod.__file__.endswith('_helper_mod.py'))
import _helper_mod
import _helper_mod as again
print(again is _helper_mod, sys.modules['_helper_mod'] is _helper_mod)
print(_helper_mod.bump(), again.bump(), _helper_mod.counter)
print(sorted(n for n in dir(_helper_mod) if not n.startswith('__')))
