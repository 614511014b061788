n = 3000
src = 'def f(' + ', '.join('a%d' % i for i in range(n)) + '):\n    return ' + ' + '.join('a%d' % i for i in range(n)) + '\n'
ns = {}
exec(src, ns)
print(ns['f'](*range(n)))
body = '\n'.join('    v%d = %d' % (i, i) for i in range(20000))
exec('def g():\n' + body + '\n    return v19999\n', ns)
print(ns['g']())
print(len({('k%d' % i): i for i in range(100000)}))
args = list(range(100000))
print(max(*args), len(dict.fromkeys(args)))
