# spectral_norm: power method for the spectral norm of an infinite matrix.
# Exercises: nested loops over range, float division/multiply, small function calls,
# list comprehensions producing float lists, zip.
import sys
import math

SCALES = {"default": 600, "quick": 250, "check": 40}


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out.append(s)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main(scale):
    n = scale
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = sum([a * b for a, b in zip(u, v)])
    vv = sum([b * b for b in v])
    result = math.sqrt(vbv / vv)
    print(f"spectral norm {result:.9f}")
    print(f"checksum {result:.9f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])
