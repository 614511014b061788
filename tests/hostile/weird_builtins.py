import builtins
saved = builtins.print
del builtins.len
try:
    len([1])
except NameError:
    saved('len is gone')
builtins.print = None
try:
    print('x')
except TypeError:
    saved('print is None')
builtins.print = saved
__builtins__ = {}
print('still printing')
import sys
sys.modules['sys'] = None
try:
    import sys as again
except ImportError:
    print('ImportError')
sys.stdout = None
print('to nowhere')
sys.stdout = sys.__stdout__
sys.stderr = None
raise ValueError('no stderr')
