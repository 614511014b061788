# format() with the format-spec mini-language for ints, floats and strings.
for spec in ['', 'd', '5d', '<5d', '^5d', '>5d', '05d', '+d', ' d', 'x', 'X', '#x', 'o', '#o', 'b', '#b', ',', '_', '_b', 'c', 'n', '=+8d']:
    print(repr(spec), repr(format(255, spec)), repr(format(-42, spec)) if spec != 'c' else '')
for spec in ['', 'f', '.2f', '10.3f', '<10.1f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', '+.1f', ',.2f', '010.2f', '.0f', '#.0f']:
    print(repr(spec), repr(format(1234.5678, spec)), repr(format(-0.000123, spec)))
for spec in ['', 's', '10', '<10', '>10', '^10', '*^11', '.2', '10.3']:
    print(repr(spec), repr(format('hello', spec)))
print(format(float('inf'), 'f'), format(float('nan'), '.2f'), format(float('-inf'), 'e'), format(-0.0, 'f'))
print(format(1e16, 'g'), format(1e-5, 'g'), format(123456789, 'g'), format(0.1, '.20f'))
print(format(True, 'd'), format(True), format(3, 'f'), format(2.5, '.0f'), format(3.5, '.0f'))
try:
    format('abc', 'd')
except ValueError as e:
    print('ValueError:', e)
try:
    format(1.5, 'd')
except ValueError as e:
    print('ValueError:', e)
