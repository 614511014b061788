for make in [lambda: [0] * (2 ** 62), lambda: 'x' * (2 ** 62), lambda: b'x' * (2 ** 62),
             lambda: bytearray(2 ** 62), lambda: list(range(2 ** 62)), lambda: 'ab'.ljust(2 ** 62),
             lambda: [None] * (2 ** 70), lambda: (1,) * (2 ** 63)]:
    try:
        make()
        print('allocated?!')
    except (MemoryError, OverflowError, ValueError) as e:
        print(type(e).__name__)
