# Lazy infinite generators combined with itertools.
import itertools
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
print(list(itertools.islice(primes(), 15)))
print(list(itertools.takewhile(lambda p: p < 30, primes())))
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(6)))
counter = itertools.count(1)
print(next(counter), next(counter), list(itertools.islice(counter, 3)))
print(list(zip('abc', itertools.count(10, 5))))
gen = (i * i for i in itertools.count())
print([next(gen) for _ in range(6)])
