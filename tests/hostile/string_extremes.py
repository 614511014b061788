s = 'x' * 10_000_000
print(len(s), s.count('x'), len(s.replace('x', 'yz')), s.find('y'))
print(len(s.split('x')), len(s.upper()), s[::-1][:3], len(s.encode()))
t = '\U0010ffff' * 100000 + '\ud800'
print(len(t), repr(t[-3:]), len(t.encode('utf-8', 'surrogatepass')))
try:
    t.encode('utf-8')
except UnicodeEncodeError:
    print('UnicodeEncodeError')
print(t[-1:].encode('utf-8', 'replace'))
b = bytes(range(256)) * 1000
print(len(b.decode('latin-1')), len(b.decode('utf-8', 'replace')))
print('%s' % ('a' * 1000000) == 'a' * 1000000, len(f'{s:>{10 ** 7 + 5}}'))
