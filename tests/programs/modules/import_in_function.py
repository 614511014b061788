# Imports inside functions and the scope they bind in; __import__ and importlib.
def use():
    import _helper_mod as h
    from _pkg.util import helper
    return h.CONSTANT, helper()
print(use())
print('h' in globals(), '_helper_mod' in globals())
import sys
print('_helper_mod' in sys.modules)
m = __import__('_star_mod')
print(m.exported)
import importlib
u = importlib.import_module('_pkg.util')
print(u.helper(), u is sys.modules['_pkg.util'])
