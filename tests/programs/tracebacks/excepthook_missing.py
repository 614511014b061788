# No sys.excepthook at all, then one set to None.
import sys
del sys.excepthook
try:
    {}["k"]
except KeyError:
    pass
raise ValueError("no hook")
