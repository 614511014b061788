# printf-style % formatting.
print('%d %i %s %r' % (42, -7, 'str', 'repr'))
print('%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %#x %o %#o' % (255, 255, 255, 8, 8))
print('%f %.2f %10.3f %-10.1f| %e %.2E %g %G' % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 12345.678, 0.00001234, 1e20))
print('%s %s %s' % (None, [1, 2], (3,)))
print('%(name)s is %(age)d years' % {'name': 'Bo', 'age': 7})
print('%c%c %%' % (65, 'b'))
print('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159))
print('%s' % 'single', '%s' % ('tuple-single',), '%s' % ([1],))
print('%.3s|%5.2s|' % ('abcdef', 'xyz'))
print(b'%d bytes %s' % (5, b'raw'))
try:
    '%d' % 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    '%s %s' % ('one',)
except TypeError as e:
    print('TypeError:', e)
try:
    '%s' % ('a', 'b')
except TypeError as e:
    print('TypeError:', e)
try:
    '%z' % 1
except ValueError as e:
    print('ValueError:', e)
print('%d' % 3.99, '%s' % 3.0, '%r' % 1e100)
