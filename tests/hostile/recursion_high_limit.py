import sys
sys.setrecursionlimit(100000)
def down(n):
    return down(n + 1) + 1
try:
    down(0)
except RecursionError:
    print('RecursionError')
sys.setrecursionlimit(10 ** 9)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
try:
    print(deep(200000))
except (RecursionError, MemoryError) as e:
    print(type(e).__name__)
