# sys.tracebacklimit keeps only the innermost entries of each report.
import sys
sys.tracebacklimit = 2
def a(n):
    return b(n)
def b(n):
    return c(n)
def c(n):
    try:
        return 1 / n
    except ZeroDivisionError as e:
        raise ValueError("bad n") from e
a(0)
