# "Did you mean" for NameError (locals, then globals, then builtins) and AttributeError.
import math
class Point:
    def __init__(self):
        self.horizontal = 1
        self.vertical = 2
    def norm(self):
        return math.sqrt(self.horizontal ** 2 + self.vertical ** 2)
def show(fn):
    try:
        fn()
    except (NameError, AttributeError) as e:
        # str() has no suggestion: only the printed traceback does.
        print(type(e).__name__, e, getattr(e, 'name', None))
p = Point()
show(lambda: p.horizontl)
show(lambda: math.sqr(4))
show(lambda: lenn([]))
show(lambda: Point.nrom)
total_count = 5
def use():
    local_value = 1
    return local_valeu + total_count
show(use)
e = AttributeError('custom', name='x', obj=p)
print(e.name, e.obj is p, AttributeError('plain').name)
print(NameError('n', name='q').name)
def deep():
    counter_value = 10
    return countr_value
deep()
