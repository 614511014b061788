# calendar: text month/year calendars, HTML calendar, isleap/leapdays/weekday/monthrange, timegm
import calendar, io, contextlib
print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=2))
print(calendar.calendar(2024))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2021, 8))
print(calendar.TextCalendar(6).formatyear(1999, w=3, l=1, c=2, m=4))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.leapdays(1900, 2025))
print(calendar.weekday(2024, 7, 4), calendar.weekday(10000, 1, 1), calendar.monthrange(2024, 2), calendar.monthrange(2023, 12))
for bad in [13, 0]:
    try:
        calendar.monthrange(2024, bad)
    except calendar.IllegalMonthError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
try:
    calendar.setfirstweekday(9)
except ValueError as e:
    print(e)
print(calendar.monthcalendar(2024, 3))
print(list(calendar.day_name), list(calendar.day_abbr), calendar.month_name[1:4], calendar.month_abbr[12], len(calendar.month_name))
print(calendar.weekheader(2), calendar.weekheader(3), calendar.weekheader(9))
print(calendar.timegm((2024, 1, 2, 3, 4, 5, 0, 0, 0)), calendar.timegm((1969, 12, 31, 23, 59, 59)))
cal = calendar.Calendar(firstweekday=3)
print(list(cal.iterweekdays()), list(cal.itermonthdays2(2024, 2))[:9], cal.monthdatescalendar(2024, 2)[0])
print(list(cal.itermonthdays4(2024, 12))[-3:], cal.yeardayscalendar(2024, 4)[0][0][0], cal.getfirstweekday())
h = calendar.HTMLCalendar()
print(h.formatmonth(2024, 1))
print(h.formatyear(2023, width=4)[:300])
print(h.formatyearpage(2023)[:200])
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    calendar.prmonth(2000, 1)
    calendar.prcal(2001, m=6)
    calendar.format(['a', 'b'])
print(buf.getvalue())
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.month(2024, 6))
