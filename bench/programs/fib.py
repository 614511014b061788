# fib: naive doubly-recursive Fibonacci.
# Exercises: Python-to-Python call overhead, frame push/pop, global lookups, small ints.
import sys

SCALES = {"default": 37, "quick": 31, "check": 18}


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(scale):
    result = fib(scale)
    print("fib", scale, "=", result)
    print("checksum", result)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])
