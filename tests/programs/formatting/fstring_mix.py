# f-strings (=, conversions, nested specs), %-formatting with mappings, str.format, float repr and format types.
x = 3.14159; n = 42; s = 'hi'
print(f'{x=}', f'{n=:>5}', f'{s=!r}', f'{x = :.2f}', f'{n!r:>4}', f'{s!a}', f'{"é"!a}')
print(f'{n:{"<" if n else ">"}{8}}', f'{x:{n}.{2}}', f'{{literal}}', f'{n:#b} {n:#o} {n:#X}')
width = 10; prec = 3
print(f'{x:{width}.{prec}f}|', f'{s:*^{width}}|', f'{n:+,}', f'{-n:=+8}')
print('%(a)s-%(b)05.1f' % {'a': 'x', 'b': 2.25}, '%-5s|%5s|' % ('ab', 'cd'), '%x %X %o %e %g %%' % (255, 255, 8, 12345.678, 0.0001))
print('{0}{1}{0}'.format('a', 'b'), '{:,}'.format(1234567), '{:_x}'.format(2**32), '{!r:^10}'.format('q'))
print(format(1e100, '.3e'), format(123.456, 'g'), format(0.0000123, 'g'), format(1e21, 'f')[:10], format(float('inf'), '+f'), format(-float('nan'), 'F'))
print(repr(1e22), repr(1.0e-7), str(2.5e-5), 1e16, 123456789012345678.0, 0.1 + 0.7, 1.1 * 3, 100.0, -0.0)
print(f'{1e-10:.0%}', f'{0.5:.0%}', f'{1/3:.3%}', f'{12:c}', f'{0x1F600:c}', f'{True:d}', f'{True}', f'{None!s:>6}')
