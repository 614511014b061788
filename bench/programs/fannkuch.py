# fannkuch: "pancake flipping" over all permutations of 1..n (fannkuch-redux).
# Exercises: list slicing and slice assignment, list reversal, index-heavy integer loops.
import sys

SCALES = {"default": 10, "quick": 9, "check": 7}


def fannkuch(n):
    perm1 = list(range(n))
    count = perm1[:]
    max_flips = 0
    checksum = 0
    perm_sign = True
    last = n - 1
    while True:
        k = perm1[0]
        if k:
            perm = perm1[:]
            flips = 1
            kk = perm[k]
            while kk:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = kk
                kk = perm[kk]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if perm_sign else -flips
        # Next permutation by an incremental change (so the sign alternates).
        if perm_sign:
            perm1[0], perm1[1] = perm1[1], perm1[0]
            perm_sign = False
        else:
            perm1[1], perm1[2] = perm1[2], perm1[1]
            perm_sign = True
            for r in range(2, last):
                if count[r]:
                    break
                count[r] = r
                first = perm1[0]
                perm1[:r + 1] = perm1[1:r + 2]
                perm1[r + 1] = first
            else:
                r = last
                if not count[r]:
                    return checksum, max_flips
            count[r] -= 1


def main(scale):
    checksum, max_flips = fannkuch(scale)
    print(f"Pfannkuchen({scale}) = {max_flips}")
    print(f"checksum {checksum} {max_flips}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])
