# Compile-time SyntaxWarnings ("is" with a literal, calling/subscripting literals, assert on a tuple), then an always-false assert.
x = 1
if x is 1: pass
if x is not 'a': pass
if x is None or x is True or x is ...: pass
y = (1, 2)
assert (x, 'msg')
assert ()
z = [1, 2] [0]
def f():
    return (1, 2)(3)
w = 1 if x is 1 else 2 if x is 1 else 3
print('ran')
v = [(1, 2) (3, 4)]
u = 'abc'['x']
t = None[0]
s = {1: 2}(1) if 0 else 0
r = x is -1
q = x is (1,)
