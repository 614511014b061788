# weakref containers: WeakValueDictionary, WeakKeyDictionary, WeakSet; proxy; finalize
import weakref

class C:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'C(%d)' % self.n
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, C) and other.n == self.n
    def add(self, k):
        return self.n + k

objs = [C(i) for i in range(5)]
wvd = weakref.WeakValueDictionary()
for o in objs:
    wvd['k%d' % o.n] = o
print(len(wvd), sorted(wvd.keys()), wvd['k2'], 'k3' in wvd, wvd.get('zz', 'dflt'))
del objs[1]
print(len(wvd), sorted(wvd), 'k1' in wvd)
try:
    wvd['k1']
except KeyError as e:
    print('KeyError', e)
for k, v in sorted(wvd.items()):
    if k == 'k2':
        del objs[1]
print(len(wvd), sorted(wvd))
print(wvd.pop('k0'), wvd.setdefault('k9', objs[0]), len(wvd.copy()))
wkd = weakref.WeakKeyDictionary()
keys = [C(i) for i in range(4)]
for k in keys:
    wkd[k] = k.n * 100
print(len(wkd), wkd[C(2)], C(3) in wkd, wkd.get(C(7)), sorted(wkd.values()))
del keys[0]
print(len(wkd), sorted(k.n for k in wkd.keys()))
keys.clear()
print(len(wkd), list(wkd.items()))
ws = weakref.WeakSet()
items = [C(i) for i in range(3)]
for it in items:
    ws.add(it)
print(len(ws), C(1) in ws, 5 in ws)
items.pop()
print(len(ws), sorted(x.n for x in ws))
ws2 = weakref.WeakSet(items)
print(ws == ws2, len(ws | ws2), len(ws - ws2))
ws.discard(items[0])
print(len(ws))
p = weakref.proxy(items[0])
print(p.n, p.add(5), p == items[0], str(p))
cp = weakref.proxy(len)
print(cp([1, 2, 3]), type(p).__name__, type(cp).__name__)
items.clear()
try:
    p.n
except ReferenceError as e:
    print('ReferenceError:', e)
try:
    hash(p)
except TypeError as e:
    print(e)
def cleanup(name, *, tag):
    print('cleanup', name, tag)
    return 'result'
obj = C(10)
fin = weakref.finalize(obj, cleanup, 'obj10', tag='x')
print(fin.alive, fin.peek()[1] is cleanup, fin.atexit)
del obj
print(fin.alive, fin(), fin.peek(), fin.detach())
obj2 = C(11)
fin2 = weakref.finalize(obj2, cleanup, 'obj11', tag='y')
print(fin2(), fin2.alive, fin2())
obj3 = C(12)
fin3 = weakref.finalize(obj3, cleanup, 'obj12', tag='z')
det = fin3.detach()
print(det[0] is obj3, fin3.alive)
obj4 = C(13)
weakref.finalize(obj4, cleanup, 'at exit', tag='exit')
obj5 = C(14)
weakref.finalize(obj5, cleanup, 'not at exit', tag='no').atexit = False
print('end of program')
