# if/elif/else, while/else, for/else, break and continue.
for n in range(6):
    if n == 0:
        print(n, 'zero')
    elif n % 2:
        print(n, 'odd')
    else:
        print(n, 'even')
for n in range(3):
    pass
else:
    print('for completed, n =', n)
for n in range(10):
    if n == 4:
        break
else:
    print('not printed')
print('broke at', n)
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print('while', i)
else:
    print('while done')
while True:
    i -= 1
    if i < 2:
        break
print('i', i)
for x in []:
    print('never')
else:
    print('empty for else')
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print(a, b, end='; ')
print()
