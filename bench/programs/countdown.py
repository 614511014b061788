# countdown: the tightest possible loop -- a local int compared and decremented.
# Exercises: LOAD_FAST / COMPARE / INPLACE_SUBTRACT / backward jump, small-int arithmetic.
import sys

SCALES = {"default": 100000000, "quick": 20000000, "check": 200000}


def countdown(n):
    while n > 0:
        n -= 1
    return n


def main(scale):
    # Split the work over a few calls so the result depends on every call.
    total = 0
    parts = 4
    for i in range(parts):
        total += countdown(scale // parts) + i
    print("checksum", total + scale)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])
