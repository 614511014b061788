# f-string expressions, conversions, nesting and debugging '='.
name, n, pi = 'Ada', 42, 3.14159265
print(f'{name} has {n} items')
print(f'{n + 1} {n * 2:5} {name.upper()!r} {name!s} {name!a}')
print(f'{"é"!a} {[1, 2]!r} {n:{"x"}} {pi:.{n // 20}f}')
width = 10
print(f'[{name:>{width}}] [{name:<{width}}] [{name:^{width}}]')
print(f'{n=} {pi=:.2f} {name = }')
print(f'{{literal}} {{{n}}}')
items = {'a': 1}
print(f"{items['a']} {'nested ' + f'{n}'}")
print(f'{3 if n > 40 else 4} {(lambda x: x * 2)(n)}')
print(f'{n:#x} {n:#o} {n:#b} {n:08.3f} {-n:+d} {n:,}')
print(f'''triple {n}
second line''')
x = 1234567.891
print(f'{x:,.2f} {x:_.1f} {x:e} {x:.3g} {x:%}')
print(f'{"left":*<8}|{"right":*>8}|{"mid":*^9}|')
