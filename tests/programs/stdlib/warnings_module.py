# warnings: default filters, registries (default/once/always), error, catch_warnings, formatting on stderr.
import warnings
def old():
    warnings.warn("old is deprecated", DeprecationWarning, stacklevel=2)
def f():
    warnings.warn("careful")
for i in range(2):
    f()
old()
warnings.warn("direct", RuntimeWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f(); f()
    warnings.warn(UserWarning("inst"))
    print(len(w), [str(x.message) for x in w], w[0].category.__name__, w[0].lineno, w[0].filename.endswith('w.py'))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except UserWarning as e:
        print('raised', e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="care")
    f()
    warnings.filterwarnings("error", message=".*XYZ", category=RuntimeWarning)
    try:
        warnings.warn("abc XYZ", RuntimeWarning)
    except RuntimeWarning as e:
        print('raised2', e)
print(warnings.formatwarning("m", UserWarning, "file.py", 3, "  the line  "))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    print(len(w))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
print(len(warnings.filters), warnings.filters[0][0], warnings.filters[0][2].__name__)
warnings.showwarning("shown", UserWarning, "somefile.py", 10)
import random
random.randrange(3.0)
