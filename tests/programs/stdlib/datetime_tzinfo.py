# datetime: a custom tzinfo subclass, astimezone between fixed offsets, aware arithmetic and comparison, subclasses
from datetime import datetime, date, time, timedelta, timezone, tzinfo


class FixedTZ(tzinfo):
    def __init__(self, minutes, name):
        self._off = timedelta(minutes=minutes)
        self._name = name

    def utcoffset(self, dt):
        return self._off

    def tzname(self, dt):
        return self._name

    def dst(self, dt):
        return timedelta(0)

    def __repr__(self):
        return f"FixedTZ({self._name})"


ist = FixedTZ(330, "IST")
est = timezone(timedelta(hours=-5), "EST")
a = datetime(2024, 3, 10, 8, 0, tzinfo=ist)
print(a, repr(a), a.utcoffset(), a.tzname(), a.dst(), a.strftime("%H:%M %Z %z"))
b = a.astimezone(est)
print(b, b.tzname(), a == b, a - b, b.astimezone(timezone.utc), a.astimezone(ist) is a)
print(sorted([b, a, datetime(2024, 3, 9, tzinfo=timezone.utc)]))
print(a.timetz(), a.timetz().utcoffset(), time(12, tzinfo=ist).isoformat(), time(12, tzinfo=est) < time(12, tzinfo=timezone.utc))
print(timezone(timedelta(hours=2, minutes=30)), timezone(-timedelta(minutes=90)).tzname(None), timezone.min, timezone.max, timezone(timedelta(0)) is timezone.utc)
for bad in [lambda: timezone(timedelta(hours=24)), lambda: timezone(5), lambda: datetime(2024, 1, 1, tzinfo=5), lambda: date(2024, 1, 1.5), lambda: time(24)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class MyDate(date):
    def label(self):
        return f"<{self.isoformat()}>"


m = MyDate(2024, 5, 6)
print((m + timedelta(days=1)).label(), type(m - timedelta(1)).__name__, MyDate.fromordinal(1).label(), repr(m), m.replace(day=7).label())
print(timedelta(hours=-1), timedelta(days=-1, seconds=1), timedelta(microseconds=1) / 3, timedelta(microseconds=3) / 2, timedelta(seconds=1) * 0.5000001, -timedelta(seconds=1.5))
print(timedelta(1) // timedelta(hours=7), timedelta(hours=1) / 1.5, timedelta(hours=1) // 7, sum([timedelta(minutes=20)] * 5, timedelta()))
print(date(2021, 1, 3).isocalendar(), date(2020, 12, 31).isocalendar(), date(2026, 1, 1).isocalendar().week, date(2024, 12, 30).isocalendar())
print(datetime(2024, 1, 1, 23, 59, 59, 999999) + timedelta(microseconds=1), datetime(2000, 2, 28) + timedelta(days=1), datetime(1900, 3, 1) - timedelta(days=1))
try:
    datetime.max + timedelta(1)
except OverflowError as e:
    print(e)
