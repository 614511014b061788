# float: allocate many small Point objects, normalise them, then reduce to a maximum.
# Exercises: object allocation/deallocation, __init__ calls, instance attribute access,
# math.sin/cos/sqrt, float multiply/divide, list building, methods returning self.
import sys
import math

SCALES = {"default": 3000000, "quick": 400000, "check": 2000}


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return f"<Point: x={self.x:.6f}, y={self.y:.6f}, z={self.z:.6f}>"

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    total = 0.0
    for p in points:
        p.normalize()
        total += p.x
    return maximize(points), total


def main(scale):
    # Several batches so memory is allocated and freed repeatedly.
    batch = 50000 if scale > 50000 else scale
    done = 0
    sx = sy = sz = 0.0
    sum_x = 0.0
    while done < scale:
        size = batch if scale - done >= batch else scale - done
        best, total = benchmark(size)
        sum_x += total
        sx += best.x
        sy += best.y
        sz += best.z
        done += size
    print(best)
    print(f"checksum {sx:.6f} {sy:.6f} {sz:.6f} {sum_x:.6f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])
