# exec and eval with globals and locals dictionaries.
print(eval('1 + 2 * 3'), eval('x * 2', {'x': 21}), eval('len(s)', {'s': 'abcd'}))
ns = {}
exec('a = 5\ndef f(n):\n    return n + a\nb = f(10)', ns)
print(ns['a'], ns['b'], ns['f'](1), sorted(k for k in ns if k != '__builtins__'))
g = {'y': 1}
l = {'y': 2}
print(eval('y', g, l), eval('y', g))
exec('z = y * 10', g, l)
print(l['z'], 'z' in g)
code = compile('3 ** 2', '<string>', 'eval')
print(eval(code), type(code).__name__)
exec(compile('print("from compiled exec")', '<s>', 'exec'))
print(exec('1 + 1'), eval('[i for i in range(3)]'))
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError:', e.msg)
try:
    eval('undefined_name')
except NameError as e:
    print('NameError:', e)
try:
    exec('raise ValueError("inside exec")')
except ValueError as e:
    print('ValueError:', e)
counter = 0
exec('counter += 1')
print(counter)
print(eval('__name__'), eval('abs(-3)', {}))
