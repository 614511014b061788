# Loop-based algorithms: gcd, collatz, primes, fibonacci.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 12)], collatz(27))
primes = []
n = 2
while len(primes) < 20:
    if all(n % p for p in primes if p * p <= n):
        primes.append(n)
    n += 1
print(primes)
a, b = 0, 1
fib = []
while a < 1000:
    fib.append(a)
    a, b = b, a + b
print(fib)
total = 0
for i in range(1, 101):
    total += i * i
print(total)
