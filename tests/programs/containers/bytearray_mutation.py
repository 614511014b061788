# bytearray mutators: insert, remove, reverse, +=, *=, slice assignment and deletion, extend.
ba = bytearray(b'hello')
ba.insert(0, 62); ba.insert(-1, 63); ba.insert(100, 33); print(ba)
ba.remove(63); print(ba)
try:
    ba.remove(200)
except ValueError as e:
    print('ValueError', e)
ba.reverse(); print(ba)
ba += b'xy'; print(ba); ba *= 2; print(ba); print(ba.pop(0), ba.pop(), ba)
ba[0:2] = b'ZZZ'; print(ba); del ba[::2]; print(ba)
ba.extend([65, 66]); ba.extend(b'C'); print(ba, len(ba))
try:
    ba.insert(0, 256)
except ValueError as e:
    print(e)
print(bytearray(b'abc').replace(b'b', b'B'), bytearray(b'x').copy(), bytearray(3), bytearray('é', 'utf-8'))
try:
    hash(bytearray(b'x'))
except TypeError as e:
    print(e)
