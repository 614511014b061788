# csv: writer quoting modes and escapes, reader state machine (quotes, escapes, skipinitialspace, strict errors), Dict readers/writers, dialects, Sniffer
import csv, io
rows = [['a', 'b c', 'd,e', 'f"g', '', None, 1, 2.5, 'line\nbreak', ' lead']]
for q in [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]:
    s = io.StringIO(); w = csv.writer(s, quoting=q); print(w.writerow(rows[0]), repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s, quoting=csv.QUOTE_NONE, escapechar='\\'); w.writerow(['a,b', 'c"d', 'e\\f']); print(repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s, delimiter=';', lineterminator='\n', doublequote=False, escapechar='\\'); w.writerows([['x;y', 'q"q'], [''], []]); print(repr(s.getvalue()))
try: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b'])
except csv.Error as e: print('Error', e)
text = 'a,b,c\r\n1,"two, 2","th""ree"\r\n"multi\nline",,x\r\n  sp, "q" ,z\n\nlast'
print(list(csv.reader(io.StringIO(text, newline=''))))
print(list(csv.reader(text.splitlines(), skipinitialspace=True)))
print(list(csv.reader(['1,2.5,"x"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')), list(csv.reader(['a|b|c'], delimiter='|')), list(csv.reader(["'a,b',c"], quotechar="'")))
for bad in ['a,"b', 'a,"b"c', 'x\0y']:
    try: print(list(csv.reader([bad], strict=True)))
    except csv.Error as e: print('Error', e)
try: print(list(csv.reader(['a\nb'])))
except csv.Error as e: print('Error', e)
r = csv.reader(['x,y', 'z']); print(next(r), r.line_num, next(r), r.line_num, r.dialect.delimiter)
s = io.StringIO(); dw = csv.DictWriter(s, fieldnames=['name', 'age']); dw.writeheader(); dw.writerow({'name': 'ann', 'age': 3}); dw.writerows([{'name': 'bob'}]); print(repr(s.getvalue()))
try: dw.writerow({'nope': 1})
except ValueError as e: print(e)
dr = csv.DictReader(io.StringIO('name,age\r\nann,3\r\nbob\r\ncy,4,extra,more\r\n')); print(dr.fieldnames, list(dr))
dr = csv.DictReader(['1,2'], fieldnames=['a'], restkey='rest'); print(list(dr))
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL); print(csv.list_dialects()[-1], csv.get_dialect('pipes').delimiter, list(csv.reader(['"a"|"b"'], 'pipes')))
s = io.StringIO(); csv.writer(s, 'pipes').writerow([1, 'x']); print(repr(s.getvalue()))
try: csv.get_dialect('nope')
except csv.Error as e: print(e)
print(csv.excel.delimiter, csv.excel_tab.delimiter, repr(csv.unix_dialect.lineterminator), csv.QUOTE_ALL, csv.field_size_limit())
try: csv.writer(io.StringIO(), delimiter='::')
except TypeError as e: print(e)
class D(csv.Dialect):
    delimiter = ':'; quotechar = '"'; lineterminator = '\n'; quoting = csv.QUOTE_MINIMAL
print(list(csv.reader(['a:b'], D)))
print(csv.Sniffer().sniff('a;b;c\n1;2;3\n').delimiter, csv.Sniffer().has_header('name,age\nann,3\nbob,4\n'))
