# weak references in odd situations: callbacks that keep the reference, resurrect, raise,
# re-enter; references to types, modules, weakrefs of dying objects, proxies of dead objects
import weakref, sys
keep = []
class C:
    pass
class D:
    def __del__(self):
        keep.append(self)
for i in range(200):
    c = C()
    r = weakref.ref(c, lambda w: keep.append(w))
    r2 = weakref.ref(c, lambda w: weakref.ref(C()))
    del c
d = D()
rd = weakref.ref(d, lambda w: keep.append(w()))
del d
print(rd() is keep[-1] if keep else None)
chain = None
for i in range(10000):
    n = C()
    n.next = chain
    weakref.ref(n, lambda w: None)
    keep.append(weakref.ref(n))
    chain = n
del chain, n
print(sum(1 for r in keep if isinstance(r, weakref.ref) and r() is not None))
try:
    weakref.ref(weakref.ref(C()))
except TypeError as e:
    print(e)
p = weakref.proxy(C())
for op in [lambda: p + 1, lambda: len(p), lambda: p(), lambda: str(p), lambda: p.x, lambda: bool(p)]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__)
class R(weakref.ref):
    def __del__(self):
        print('R dies')
x = C()
rr = R(x, lambda w: print('R callback'))
del x
del rr
wvd = weakref.WeakValueDictionary()
for i in range(100):
    wvd[i] = C()
print(len(wvd))
for k in wvd.keys():
    wvd[k + 1000] = C()
print(len(wvd))
try:
    weakref.ref(1, 2, 3, 4)
except TypeError as e:
    print(e)
weakref.ref(sys)
weakref.ref(int)
weakref.getweakrefcount(5)
weakref.getweakrefs(None)
