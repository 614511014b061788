# Four threads apply random operations (seeded) to one shared list, dict, set, a class and its
# instances, with a tiny switch interval. Errors a racing program can legitimately get are
# caught; the runtime must neither crash nor corrupt anything. Also run under -X gil=0.
import threading, random, sys
sys.setswitchinterval(1e-5)
L = list(range(50)); D = {i: i for i in range(50)}; S = set(range(50))
class C:
    x = 1
    def m(self): return self.x
objs = [C() for _ in range(8)]
G = 0
def chaos(seed):
    global G
    r = random.Random(seed)
    for it in range(20000):
        op = r.randrange(30)
        k = r.randrange(60)
        try:
            if op == 0: L.append(k)
            elif op == 1: L.pop()
            elif op == 2: L.insert(k, k)
            elif op == 3: L.remove(k)
            elif op == 4: L.sort()
            elif op == 5: L.reverse()
            elif op == 6: L.index(k)
            elif op == 7: L[k % 10:k % 10 + 3] = [k] * (k % 4)
            elif op == 8: del L[k % 7::3]
            elif op == 9: D.update({k: k, k + 1: k})
            elif op == 10: D.setdefault(k, [])
            elif op == 11: D.popitem()
            elif op == 12: D.copy()
            elif op == 13:
                if len(D) > 200: D.clear()
            elif op == 14:
                for x in D: pass
            elif op == 15: S.add(k); S.discard(k + 1)
            elif op == 16: S | {k}; S & {k}; S.pop()
            elif op == 17: setattr(objs[k % 8], "a%d" % (k % 5), k)
            elif op == 18: delattr(objs[k % 8], "a%d" % (k % 5))
            elif op == 19: C.x = k
            elif op == 20: objs[k % 8].m()
            elif op == 21: G += 1
            elif op == 22: sorted(S); list(D.items()); tuple(L)
            elif op == 23: L.extend(L[:5])
            elif op == 24:
                if len(L) > 300: del L[:200]
            elif op == 25: str(L[:10]); repr(D) if len(D) < 100 else None
            elif op == 26: L.count(k); k in L; k in D; k in S
            elif op == 27: D.pop(k, None); D[k] = k
            elif op == 28: C.y = k; del C.y
            elif op == 29: max(L) if L else 0
        except (IndexError, KeyError, ValueError, RuntimeError, AttributeError, TypeError):
            pass
ts = [threading.Thread(target=chaos, args=(s,)) for s in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("survived", isinstance(G, int))
