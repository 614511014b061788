# NameError / AttributeError / UnboundLocalError messages, caught and printed.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: undefined_variable)
show(lambda: [].no_such_method)
show(lambda: None.attr)
show(lambda: (5).real.imag.foo)
show(lambda: object().__dict__)
show(lambda: type.nothing)
import math
show(lambda: math.not_there)
class K:
    __slots__ = ()
show(lambda: setattr(K(), 'x', 1))
def ub():
    print(v)
    v = 1
show(ub)
def free():
    def inner():
        return w
    inner_result = inner()
    w = 1
    return inner_result
show(free)
