# csv with files: writer/reader round trip with newline='', DictReader, Sniffer on samples
import csv, os
path = 'csv_files.tmp.csv'
with open(path, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['id', 'name', 'note'])
    for i in range(3):
        w.writerow([i, 'n%d' % i, 'has, comma' if i == 1 else 'multi\nline' if i == 2 else 'plain'])
with open(path, newline='') as f:
    print(repr(f.read()))
with open(path, newline='') as f:
    for row in csv.DictReader(f):
        print(row)
with open(path, newline='') as f:
    r = csv.reader(f); print([row for row in r], r.line_num)
os.remove(path)
print(csv.Sniffer().sniff('"a","b"\n"c","d"\n').quotechar, csv.Sniffer().sniff('x\ty\tz\n1\t2\t3\n4\t5\t6').delimiter, csv.Sniffer().has_header('1,2\n3,4\n'))
