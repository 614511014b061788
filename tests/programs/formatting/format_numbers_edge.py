# Edge cases: rounding in formatting, large ints, negative zero, alignment with signs.
print(format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'), format(-0.5, '.0f'))
print(format(2 ** 100, ','), format(-2 ** 70, '_x'), format(10 ** 30, 'e'))
print(format(-0.0, '+.1f'), format(0.0, '+.1f'), format(-1e-10, '.2f'))
print(format(-5, '=8'), format(-5, '08'), format(5, '+08'), format(-5.5, '=+10.2f'))
print(format(1e100, '.3g'), format(1.23456789e-7, '.4'), format(123.0, 'g'), format(123.0, ''))
print(format(12345.6789, '.10g'), format(0.0001, ''), format(100000000.0, ''))
print('%.0f %.0f %.0f' % (0.5, 1.5, 2.5), '%.15g' % 0.1, '%.17g' % 0.1)
print(str(1e16), str(1.5e-7), str(123456789.123456789))
