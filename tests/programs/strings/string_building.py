# Building strings: join, repeated concatenation, chr/ord loops.
out = ''
for i in range(10):
    out += chr(ord('a') + i)
print(out)
caesar = ''.join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in 'hello, world xyz')
print(caesar)
words = 'The quick brown fox jumps over the lazy dog'.split()
print(' '.join(reversed(words)), ' '.join(w[::-1] for w in words))
print(''.join(sorted(set('mississippi'))))
acronym = ''.join(w[0].upper() for w in 'portable network graphics'.split())
print(acronym)
table = '\n'.join(' '.join(f'{r * c:3}' for c in range(1, 6)) for r in range(1, 6))
print(table)
vowels = sum(1 for c in 'encyclopedia' if c in 'aeiou')
print(vowels)
s = 'abc'
print(s.join('123'), '<' + s * 2 + '>')
