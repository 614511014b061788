# find/index/count/startswith/endswith/in.
s = 'the rain in spain stays mainly in the plain'
print(s.find('ain'), s.find('ain', 10), s.find('xyz'), s.rfind('ain'), s.find(''))
print(s.index('in'), s.rindex('in'), s.count('ain'), s.count('in', 20), s.count(''))
try:
    s.index('zzz')
except ValueError as e:
    print('ValueError:', e)
print(s.startswith('the'), s.startswith(('a', 'th')), s.endswith('plain'), s.startswith('rain', 4))
print('ain' in s, 'AIN' in s, '' in s)
print('aaaa'.count('aa'), 'abcabc'.find('c', -2), 'abc'.endswith(('x', 'bc')))
print(s.find('the', 5, 40), s.rfind('the', 0, 10))
print('hello'.removeprefix('he'), 'hello'.removesuffix('lo'), 'hello'.removeprefix('x'))
