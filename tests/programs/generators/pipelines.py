# Chaining generators into a lazy pipeline.
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    for n in src:
        if n % 2 == 0:
            yield n
def squared(src):
    for n in src:
        yield n * n
def take(n, src):
    for i, v in enumerate(src):
        if i >= n:
            return
        yield v
print(list(take(8, squared(evens(numbers())))))
def chunks(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(chunks(range(10), 3)))
def running_total(src):
    total = 0
    for x in src:
        total += x
        yield total
print(list(running_total([3, 1, 4, 1, 5, 9, 2, 6])))
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave('abc', [1, 2], range(10, 14))))
