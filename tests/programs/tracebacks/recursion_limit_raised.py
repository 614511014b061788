# A RecursionError under a raised recursion limit: the report keeps the innermost 1000 entries, as CPython
import sys
sys.setrecursionlimit(20000)
def f(n): return f(n+1)
f(0)
