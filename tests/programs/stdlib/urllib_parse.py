# urllib.parse: urlparse/urlsplit/urlunparse/urljoin/urldefrag, quoting, query strings
from urllib.parse import *
import urllib.parse as up
for u in ['http://user:pw@Example.COM:8080/a/b;p?q=1&r=2#frag', 'https://[::1]:443/x', 'ftp://h/f.txt',
          '//netloc/only', 'mailto:someone@example.com', 'file:///etc/passwd', 'path/only?x#y', 'HTTP://h',
          ' \thttp://h/a\nb', 'http://[fe80::1%25eTh0]/', 'x:y', '1http://h', 'http://h:0/', 'data:text/plain;base64,SGk=']:
    p = urlparse(u)
    s = urlsplit(u)
    print(repr(p))
    print(' ', s.geturl(), p.geturl(), p.hostname, p.username, p.password, p.port)
print(urlparse('/p', scheme='https'), urlsplit('a#b', allow_fragments=False))
for bad in ['http://[::1/x', 'http://h]/', 'http://[1.2.3.4]/', 'http://[vX]/', 'http://[zz::1]/']:
    try:
        urlsplit(bad)
    except ValueError as e:
        print('ValueError', e)
for bad in ['http://h:99999/', 'http://h:x/']:
    try:
        urlsplit(bad).port
    except ValueError as e:
        print('ValueError', e)
print(urlunparse(('http', 'h', '/p', 'a', 'q', 'f')), urlunsplit(('https', '', 'p', '', '')), urlunsplit(('', '', '//p', '', '')))
base = 'http://a/b/c/d;p?q'
for rel in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'http:g', 'https://other/x']:
    print(repr(rel), urljoin(base, rel))
print(urljoin('', 'a'), urljoin('http://h/a', ''), urljoin('mailto:a', 'b'), urljoin(b'http://h/a/b', b'../c'))
print(urldefrag('http://h/p?q#f'), urldefrag('http://h/p'), urldefrag('http://h/p#f').geturl())
print(quote('a b/c?d=é&€'), quote('a b/c', safe=''), quote(b'\x00\xff '), quote_plus('a b&c/d'), quote_plus(b'x y', safe='/'))
print(quote('~_.-'), quote(''), quote_from_bytes(b'abc'), quote('é', encoding='latin-1'), quote('é€', errors='ignore', encoding='ascii'))
print(unquote('a%20b%2Fc%C3%A9%zz%4'), unquote('%E9', encoding='latin-1'), unquote('%FF'), unquote(b'%41%42'), unquote('noescape'), unquote_plus('a+b%2B'))
print(unquote_to_bytes('a%20%C3%A9'), unquote_to_bytes(''), unquote('é%41'))
print(urlencode({'a': 1, 'b': 'x y', 'c': 'é/&'}), urlencode([('k', [1, 2]), ('z', b'b y')], doseq=True), urlencode([('k', [1, 2])]))
print(urlencode({'p': 'a/b c'}, quote_via=quote, safe='/'), urlencode({}), urlencode({'k': (1,)}, doseq=True))
try:
    urlencode('abc')
except TypeError as e:
    print('TypeError', e)
print(parse_qs('a=1&b=2&a=3&c=&d'), parse_qs('a=1&c=&d', keep_blank_values=True))
print(parse_qsl('x=a+b&y=%C3%A9;z=1', separator=';'), parse_qsl(b'a=1&b=%41'), parse_qsl('a=%E9', encoding='latin-1'))
for kw in [dict(strict_parsing=True), dict(max_num_fields=1), dict(separator='')]:
    try:
        parse_qsl('a=1&b&', **kw)
    except ValueError as e:
        print('ValueError', e)
r = urlparse(b'http://h:80/p?q')
print(r, r.hostname, r.port, r.decode(), urlsplit('http://x/y').encode())
try:
    urljoin('http://h', b'x')
except TypeError as e:
    print('TypeError', e)
print(up.uses_netloc[:3], up.scheme_chars[-4:], SplitResult('a', 'b', 'c', 'd', 'e')._replace(path='/z').geturl())
