# enum: Flag and IntFlag (composition, iteration, membership, inversion, boundaries, names)
from enum import Flag, IntFlag, auto
import enum


class P(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


print(repr(P.R | P.W), str(P.R | P.X), P(3), P(0), repr(P(0)), bool(P(0)))
print(list(P), list(P.R | P.X), P.R in (P.R | P.W), P.X in P.RW, ~P.R, len(P.R | P.X))
print(repr(P.RW), P.RW.name, (P.R | P.X).name, P(7), repr(~P.RW), P.R & P.RW, P.RW ^ P.R)
print(P.__members__.keys(), P._flag_mask_, P(7) is P(7))
try:
    P(8)
except ValueError as e:
    print(e)
try:
    P.R | 1
except TypeError as e:
    print(e)
try:
    1 in P.R
except TypeError as e:
    print(e)


class IP(IntFlag):
    R = 4
    W = 2
    X = 1


print(repr(IP.R | IP.W), str(IP.R | IP.W), IP.R | 8, repr(IP.R | 8), IP(0), repr(IP(5)))
print(IP.R + 1, format(IP.R | IP.W), repr(~IP.R), IP.R | IP.W == 6, isinstance(IP.R, int))
print(list(IP.R | IP.X), repr(IP(7)), IP.R & 6, repr(IP.W ^ IP.X), repr(1 | IP.R))


class C(Flag, boundary=enum.CONFORM):
    A = 1
    B = 2


class E(Flag, boundary=enum.EJECT):
    A = 1
    B = 2


print(repr(C(7)), E(7), type(E(7)).__name__, repr(E(3)))


class Perm(IntFlag):
    NONE = 0
    READ = auto()
    WRITE = auto()


print(list(Perm), Perm.NONE, repr(Perm.NONE), Perm(0) is Perm.NONE, repr(Perm.READ | Perm.WRITE))
print(enum.STRICT, repr(enum.KEEP), Flag.__mro__, IntFlag.__mro__)
