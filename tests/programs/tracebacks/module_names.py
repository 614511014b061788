# Exception classes with a dotted or missing __module__.
class Outer:
    class Inner(Exception):
        pass
Outer.Inner.__module__ = "pkg.mod"
try:
    raise Outer.Inner("dotted")
except Exception as e:
    err = e
class NoModule(Exception):
    pass
NoModule.__module__ = None
raise NoModule("x") from err
