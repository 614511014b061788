# Struct sequences: sys.version_info/float_info/int_info, time.struct_time (gmtime, strftime, asctime).
import sys, time
vi = sys.version_info
print(vi[:3], vi.major, vi.minor, vi.releaselevel, len(vi), vi == tuple(vi), isinstance(vi, tuple))
print(type(vi).__name__, sys.float_info.mant_dig, sys.float_info.dig, sys.float_info.min, sys.int_info.bits_per_digit)
print(repr(sys.float_info)[:40])
t = time.gmtime(1234567890)
print(t)
print(t.tm_year, t.tm_yday, t.tm_wday, t.tm_zone, t.tm_gmtoff, len(t), t[:3], list(t)[-3:])
print(time.strftime('%Y-%m-%d %H:%M:%S %j %a %b %%', t), time.asctime(t))
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0), time.gmtime(-86400)[:3])
st = time.struct_time((2001, 2, 3, 4, 5, 6, 5, 34, 0))
print(st, st.tm_zone)
for bad in [lambda: time.struct_time((1, 2)), lambda: time.strftime('%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.strftime(1), lambda: time.gmtime('x'), lambda: time.asctime((1, 2))]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(time.localtime()).__name__, type(time.mktime(time.localtime())).__name__, type(time.timezone).__name__)
