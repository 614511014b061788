# contextvars: get/set/reset with tokens, copy_context snapshots, Context.run, per-thread contexts
import contextvars, threading, re
def clean(s):
    return re.sub(r'0x[0-9a-f]+', '0x...', str(s))
v = contextvars.ContextVar('v', default=0)
w = contextvars.ContextVar('w')
print(v.name, v.get(), w.get('fallback'), clean(repr(v)), clean(repr(w)))
try:
    w.get()
except LookupError as e:
    print('LookupError', clean(e))
t = v.set(1)
print(v.get(), t.var is v, t.old_value, clean(repr(t)), repr(contextvars.Token.MISSING))
ctx = contextvars.copy_context()
t2 = v.set(2)
print(v.get(), ctx[v], ctx.get(w, 'none'), v in ctx, w in ctx, len(ctx), list(ctx.keys()) == [v])
def inside(x):
    v.set(x)
    w.set('in')
    return v.get(), w.get()
print(ctx.run(inside, 10), ctx[v], ctx[w], v.get(), w.get('outside'))
try:
    ctx.run(ctx.run, print)
except RuntimeError as e:
    print('RuntimeError', clean(e))
v.reset(t2)
print(v.get())
for bad in [t2]:
    try:
        v.reset(bad)
    except RuntimeError as e:
        print('RuntimeError', clean(e))
tw = w.set(5)
try:
    v.reset(tw)
except ValueError as e:
    print('ValueError', clean(e))
t3 = ctx.run(v.set, 99)
try:
    v.reset(t3)
except ValueError as e:
    print('ValueError', clean(e))
v.reset(t)
print(v.get(), t.old_value is contextvars.Token.MISSING)
try:
    contextvars.ContextVar(1)
except TypeError as e:
    print('TypeError', e)
try:
    class Sub(contextvars.ContextVar): pass
except TypeError as e:
    print('TypeError', e)
try:
    ctx[1]
except TypeError as e:
    print('TypeError', e)
try:
    contextvars.Context()[v]
except KeyError as e:
    print('KeyError', clean(e))
seen = []
def worker():
    seen.append((v.get(), w.get('unset')))
    v.set(7)
    seen.append(v.get())
w.set('main')
th = threading.Thread(target=worker); th.start(); th.join()
print(seen, v.get(), w.get())
print(sorted(k.name for k in contextvars.copy_context()), contextvars.Context().items() is not None, contextvars.ContextVar[int])
