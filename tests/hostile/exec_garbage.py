import random
samples = ['(', ')', 'def', 'class :', 'lambda', 'if', 'else:', '@', '**', 'x = = 1', 'yield', 'return',
           'import', 'from . import', 'async def', 'await', 'f"{', '"""', "'''", '\\', '\x00', '\t\tx',
           'for in', 'while', 'try:', 'except', 'with as', 'del', 'global 1', 'nonlocal x', '[' * 300,
           '(' * 1000 + ')' * 1000, 'x' * 100000, '1' * 5000, 'b"\xff"', '\ud800', 'print(*)', 'a[::::]',
           'x := 1', '(x := 1) = 2', 'f(x for x in y, 1)', 'def f(a, a): pass', 'class A(metaclass=1): pass']
random.seed(1234)
alphabet = '()[]{}:;,.=+-*/%@<>!~^&|"\'\\\n\t #abcdefxyz0123456789lambdaifelsedefclassyield'
for _ in range(300):
    samples.append(''.join(random.choice(alphabet) for _ in range(random.randint(1, 60))))
counts = {}
for src in samples:
    try:
        exec(src, {})
        kind = 'ran'
    except BaseException as e:
        kind = type(e).__name__
    counts[kind] = counts.get(kind, 0) + 1
print(sorted(counts.items()))
