# Formatting a small report table with alignment.
rows = [('apple', 3, 0.5), ('banana', 12, 0.25), ('cherry', 100, 12.125), ('kiwi', 0, 1.0)]
header = f'{"item":<10}|{"qty":>5}|{"price":>8}|{"total":>10}'
print(header)
print('-' * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f'{name:<10}|{qty:>5}|{price:>8.2f}|{total:>10,.2f}')
print('=' * len(header))
print(f'{"TOTAL":<10}|{"":>5}|{"":>8}|{grand:>10,.2f}')
print('{:>6.1%}'.format(grand / 1000))
for i in range(1, 4):
    print('%-3d%6.2f%8s' % (i, i / 7, 'x' * i))
