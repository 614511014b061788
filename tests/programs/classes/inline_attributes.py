# Instance attributes stored inline by the class's shared keys (see object/inline_values.rs):
# insertion order, conditional attributes, deletion, __dict__ identity, non-str-exact names,
# more names than the shared keys hold, pickling/copying, shadowing methods.
class P:
    def __init__(self, a, b=None):
        if b is not None:
            self.b = b
        self.a = a
p = P(1, 2); q = P(3); r = P(5, 6)
print(vars(p), vars(q), vars(r))
q.b = 9
print(vars(q), q.b, q.a)
del p.b
print(vars(p)); p.b = 7; print(vars(p))
try:
    del p.zz
except AttributeError as e:
    print("AE", e)
try:
    print(q.zz)
except AttributeError as e:
    print("AE", e)
d = r.__dict__
d["c"] = 10
print(r.c, vars(r))
r.d = 4
print(d)
class S(str): pass
setattr(q, S("weird"), 1)
print(vars(q), getattr(q, "weird"))
class Many: pass
m = Many()
for i in range(40):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a39, m.a0)
m2 = Many(); m2.a5 = 1; m2.a1 = 2
print(vars(m2))
import pickle, copy
class C:
    def __init__(self): self.x = [1]; self.y = "s"
c = C(); c2 = copy.deepcopy(c); print(vars(c2), c2.x is c.x)
c3 = pickle.loads(pickle.dumps(c)); print(vars(c3))
print(dir(c)[-2:])
class D:
    def __init__(self): self.f = 1
    def f2(self): return self.f
for i in range(3):
    o = D()
    print(o.f2(), o.f)
    o.f = lambda: 5
    print(o.f())
class E:
    def m(self): return "m"
e = E()
for i in range(3):
    print(e.m())
    e.m = lambda: "inst"
print(hasattr(e, "m"), e.__dict__.keys())
