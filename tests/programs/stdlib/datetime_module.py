# datetime: timedelta arithmetic/normalisation, date, time, datetime, timezone, isoformat/fromisoformat, strftime/strptime, errors
from datetime import *
import datetime as dtm
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6, microseconds=7)
print(td, repr(td), td.total_seconds(), -td, repr(-td), abs(-td), td * 2, td / 3, td // 4, td % timedelta(hours=5), divmod(td, timedelta(hours=5)), td / timedelta(minutes=1), td * 1.5, timedelta(0), timedelta(microseconds=-1), timedelta(seconds=0.5e-6), timedelta(seconds=1.5e-6), timedelta(weeks=2, days=-1))
print(timedelta.max, timedelta.min, repr(timedelta.resolution), bool(timedelta()), timedelta(hours=25) > timedelta(days=1), hash(timedelta(1)) == hash(timedelta(hours=24)))
try: timedelta(days=1e9)
except OverflowError as e: print(e)
d = date(2024, 2, 29)
print(d, repr(d), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), date.fromordinal(738945), d + timedelta(days=1), d - date(2023, 1, 1), d.replace(day=1), d.timetuple(), d.ctime(), d.strftime('%A %d %B %Y %j %U %W'), f"{d:%Y/%m/%d}", format(d), str(d))
print(date.fromisoformat('2024-03-05'), date.fromisoformat('20240305'), date.fromisoformat('2024-W10-2'), date.fromisocalendar(2024, 10, 2), date.min, date.max, d.year, d.month, d.day)
for bad in [(2023, 2, 29), (0, 1, 1), (2024, 13, 1), (2024, 1, 0)]:
    try: date(*bad)
    except ValueError as e: print(e)
try: date.fromisoformat('2024-3-5')
except ValueError as e: print(e)
t = time(13, 5, 7, 120)
print(t, repr(t), t.isoformat('milliseconds'), t.isoformat('minutes'), t.strftime('%I:%M %p'), time(), repr(time(1)), time.fromisoformat('10:11:12.5'), time.fromisoformat('T10:11+02:00'), time(23, 59, 59, 999999))
dt = datetime(2024, 1, 5, 12, 30, 15, 250000)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(' ', 'seconds'), dt.date(), dt.time(), dt.replace(tzinfo=UTC).timestamp(), dt.ctime(), dt.strftime('%Y-%m-%d %H:%M:%S.%f %a %b %c %x %X %%'), dt + timedelta(hours=12), dt - datetime(2024, 1, 1), dt - timedelta(days=10))
aw = datetime(2024, 1, 5, 12, 0, tzinfo=timezone.utc)
print(aw, repr(aw), aw.timestamp(), aw.utcoffset(), aw.tzname(), aw.astimezone(timezone(timedelta(hours=-5))), repr(timezone(timedelta(hours=5, minutes=30))), str(timezone(timedelta(hours=-3), 'X')), timezone.utc, UTC is timezone.utc, aw.strftime('%z %Z'))
print(datetime.fromisoformat('2024-01-05T12:30:00+01:00'), datetime.fromisoformat('2024-01-05 12:30'), datetime.fromisoformat('2024-01-05'), datetime.fromisoformat('2024-01-05T12:30:00Z'), datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400.5), datetime.fromtimestamp(1e9, timezone.utc))
print(datetime.strptime('2024-01-05 12:30:15', '%Y-%m-%d %H:%M:%S'), datetime.strptime('5 Jan 2024', '%d %b %Y'), datetime.strptime('12:30 PM', '%I:%M %p'), datetime.strptime('2024-01-05T12:30:00+0530', '%Y-%m-%dT%H:%M:%S%z'), datetime.strptime('20240105', '%Y%m%d'), datetime.strptime('Friday, January 05, 2024', '%A, %B %d, %Y'), datetime.strptime('1.5', '%S.%f'))
for s, f in [('2024-13-01', '%Y-%m-%d'), ('2024-01-05 extra', '%Y-%m-%d'), ('x', '%Q')]:
    try: datetime.strptime(s, f)
    except ValueError as e: print(e)
try: aw - dt
except TypeError as e: print(e)
try: aw < dt
except TypeError as e: print(e)
print(aw == dt, dt == dt.replace(), datetime.combine(date(2020, 1, 1), time(5, tzinfo=timezone.utc)), sorted([datetime(2020, 1, 2), datetime(2019, 5, 5)]), dt.replace(year=2020, tzinfo=timezone.utc), datetime.min, datetime.max)
print(dt.timetuple(), dt.toordinal(), dt.weekday(), hash(dt) == hash(datetime(2024, 1, 5, 12, 30, 15, 250000)), {date(2020, 1, 1): 1}[date(2020, 1, 1)], isinstance(dt, date), dtm.MINYEAR, dtm.MAXYEAR)
import pickle, copy; print(pickle.loads(pickle.dumps(dt)) == dt, pickle.loads(pickle.dumps(aw)), copy.deepcopy(td), pickle.loads(pickle.dumps(timezone(timedelta(hours=2), 'X'))))
print(type(datetime.now()).__name__, type(date.today()).__name__, datetime.now(timezone.utc).tzinfo, (datetime.now() - datetime.now()) < timedelta(seconds=1))
print(f"{dt:%H:%M}", "{:%Y}".format(dt), format(dt), format(td) if False else '', date(2024,1,1) < date(2024,1,2), time(1) < time(2))
try: date(2024,1,1) < dt
except TypeError as e: print(e)
