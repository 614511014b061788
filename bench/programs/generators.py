# generators: lazy pipelines of generators plus list/dict/set comprehensions.
# Exercises: generator creation/resumption, yield from, generator expressions fed to
# sum/any/all/max/min, zip/enumerate/map/filter, nested comprehensions, closures in lambdas.
import sys

SCALES = {"default": 550, "quick": 80, "check": 1}


def naturals(start, stop):
    n = start
    while n < stop:
        yield n
        n += 1


def take_every(it, step):
    for i, x in enumerate(it):
        if i % step == 0:
            yield x


def collatz_length(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def running_total(it):
    total = 0
    for x in it:
        total += x
        yield total


def primes_up_to(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, is_p in enumerate(sieve) if is_p]


def one_round(seed):
    lo = 1 + seed
    hi = 3000 + seed
    # A pipeline of generators.
    lengths = (collatz_length(n) for n in take_every(naturals(lo, hi), 3))
    big = [c for c in lengths if c > 20]
    sums = [sum(c) for c in chunks(iter(big), 7)]
    last = 0
    for last in running_total(sums):
        pass
    # Comprehensions of every kind.
    squares = {i: i * i for i in range(200)}
    residues = {v % 97 for v in squares.values()}
    grid = [[(r * c + seed) % 11 for c in range(30)] for r in range(30)]
    diag = sum(grid[i][i] for i in range(30))
    transposed = [list(col) for col in zip(*grid)]
    flat = list(flatten([grid[0], [grid[1], [grid[2], [seed]]], transposed[3]]))
    evens = list(filter(lambda x: x % 2 == 0, map(lambda x: x * 3 + seed, flat)))
    primes = primes_up_to(2000 + seed % 50)
    twin = sum(1 for a, b in zip(primes, primes[1:]) if b - a == 2)
    flags = (any(x > 10 for x in flat), all(x >= 0 for x in flat))
    words = ["w" + str(i % 37) for i in range(300)]
    first_seen = {}
    for i, w in enumerate(words):
        if w not in first_seen:
            first_seen[w] = i
    return (last + len(big) + len(residues) + diag + sum(evens) + twin
            + flags[0] + 2 * flags[1] + sum(first_seen.values()) + max(flat) - min(flat))


def main(scale):
    checksum = 0
    for seed in range(scale):
        checksum = (checksum * 31 + one_round(seed)) % 1000000007
    print("checksum", checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])
