# nqueens: count and fingerprint all solutions of the N-queens puzzle.
# Exercises: recursive generators with `yield from`, set membership/add/remove,
# list append/pop, tuple building, closures over enclosing variables.
import sys

SCALES = {"default": 800, "quick": 150, "check": 3}


def solve(n):
    cols = set()
    diag_down = set()
    diag_up = set()
    placed = []

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for col in range(n):
            if col in cols or (row - col) in diag_down or (row + col) in diag_up:
                continue
            cols.add(col)
            diag_down.add(row - col)
            diag_up.add(row + col)
            placed.append(col)
            yield from place(row + 1)
            placed.pop()
            cols.remove(col)
            diag_down.remove(row - col)
            diag_up.remove(row + col)

    return place(0)


def fingerprint(solution):
    h = 0
    for col in solution:
        h = (h * 31 + col + 1) % 1000000007
    return h


def main(scale):
    # `scale` rounds; each round solves every board size from 1 to 8
    # (n=2 and n=3 have no solutions).
    total = 0
    count = 0
    for rnd in range(scale):
        for n in range(1, 9):
            found = 0
            for sol in solve(n):
                found += 1
                total = (total * 7 + fingerprint(sol) + rnd) % 1000000007
            if rnd == 0:
                print(f"{n}-queens: {found} solutions")
            count += found
    print(f"checksum {count} {total}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])
