# from module import names, aliases and star imports.
from _helper_mod import greet, CONSTANT as C, Widget
print(greet('y'), C, Widget())
from _star_mod import *
print(exported, also)
try:
    not_exported
except NameError as e:
    print('NameError:', e)
from _nostar_mod import *
print(public)
try:
    _underscored
except NameError as e:
    print('NameError:', e)
from _nostar_mod import _underscored
print(_underscored)
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    print('ImportError:', e)
from _helper_mod import counter, bump
bump()
import _helper_mod
print(counter, _helper_mod.counter)
