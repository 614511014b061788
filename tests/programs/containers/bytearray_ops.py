# bytearray: a mutable bytes sequence.
ba = bytearray(b'hello')
ba[0] = ord('J')
print(ba, len(ba))
ba.append(33); ba.extend(b'??'); print(ba)
ba[1:3] = b'EE'; print(ba)
del ba[-2:]; print(ba)
ba.insert(0, 62); print(ba, ba.pop(), ba)
print(bytearray(3), bytearray([1, 2]), bytearray('abc', 'ascii'), bytes(ba))
print(ba.upper(), ba.find(b'l'), ba.decode(), ba == b'>JEllo', ba.reverse(), ba)
try:
    ba[0] = 300
except ValueError as e:
    print('ValueError:', e)
ba2 = bytearray(b'abc')
ba2 += b'def'
ba2 *= 2
print(ba2, ba2.count(b'a'), ba2.replace(b'a', b'A'))
print(type(ba2[0:2]).__name__, ba2[0], list(ba2[:3]))
try:
    hash(ba2)
except TypeError as e:
    print('TypeError:', e)
ba2.clear(); print(ba2, bool(ba2))
