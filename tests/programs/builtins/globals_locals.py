# globals() and locals().
module_var = 'mv'
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print(globals()['module_var'], 'f' in globals(), globals() is globals())
globals()['injected'] = 'via globals()'
print(injected)
def g():
    x = 1
    loc = locals()
    loc['x'] = 999
    return x
print(g())
print(locals() is globals())
class K:
    a = 1
    names = sorted(n for n in locals() if not n.startswith('__'))
print(K.names)
print(__name__, globals()['__name__'], '__builtins__' in globals())
