# SyntaxErrors found after parsing (symtable and compiler): scopes, __debug__, comprehensions, await.
srcs = ['def f(a, a): pass', 'def f(a, *, a): pass', 'lambda a, a: 1', 'def f():\n  x = 1\n  global x', 'def f():\n  print(x)\n  global x', 'def f():\n  global x\n  x = 1\n  global x',
 'def f(x):\n  global x', 'def f():\n  x = 1\n  def g():\n    nonlocal x\n    global x', 'def f():\n  nonlocal x', 'nonlocal x', 'def f(x):\n  nonlocal x', 'def f():\n  x: int = 1\n  global x',
 'class C:\n  nonlocal x', '__debug__ = 1', 'def f(__debug__): pass', 'del __debug__', 'def __debug__(): pass', 'x.__debug__ = 1', 'import __debug__', 'for __debug__ in x: pass',
 'def f():\n  from x import *', '[*a for a in b]', '{**a for a in b}', '{*a for a in b}', '(*a for a in b)', 'x = {**a for a in b}', '[x for x in y if (x := 1)]', '[i := 0 for i in range(3)]', '[(i := 0) for i in range(3)]',
 'class C:\n  [(y := 1) for x in z]', 'def f():\n  yield\n  return 1', 'yield', 'return', 'await x', 'x = [(yield) for y in z]', 'def f(): x = [(yield) for y in z]', 'f(**a, *b)', 'f(a=1, a=2)', 'f(x for x in y, z)',
 'def f():\n  global x\n  nonlocal x', 'break', 'continue', 'for x in y:\n  def f():\n    break', 'while 1:\n  class C:\n    continue', 'try:\n  pass\nfinally:\n  continue', 'def f(*a, **a): pass', 'def f(a, b=1, /, c): pass',
 'a: int = 1; global a', 'x = 1\ndel x\nglobal x', 'def f():\n  x = 1\n  nonlocal x', '@x\nclass C: pass', 'with a as (b, c): pass', 'def f(): await x', 'x: int += 1', 'True: int = 1']
for s in srcs:
    try:
        compile(s, '<src>', 'exec')
        print(repr(s), 'compiled')
    except SyntaxError as e:
        print(repr(s), type(e).__name__, '|', e.msg, '|', e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
