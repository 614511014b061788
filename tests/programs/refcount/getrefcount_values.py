# sys.getrefcount values as CPython reports them: locals, arguments, self, containers, temporaries.
import sys
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
def f():
    x = R('x')
    print('local', sys.getrefcount(x))
    y = [x, x]
    print('in list twice', sys.getrefcount(x))
    d = {'k': x}
    print('in dict too', sys.getrefcount(x))
    del y
    print('list gone', sys.getrefcount(x))
    return 'done'
print(f())
o = object()
print('global', sys.getrefcount(o))
def g(arg):
    return sys.getrefcount(arg)
print('temporary argument', g(R('tmp')))
z = R('z')
print('global argument', g(z))
class C:
    def m(self):
        return sys.getrefcount(self)
c = C()
print('self', c.m())
print('temporary', sys.getrefcount(C()))
t = (z,)
print('in tuple', sys.getrefcount(z))
del t
print('tuple gone', sys.getrefcount(z))
print('end of program: z is freed at shutdown')
