# repr() of strings picks quotes and escapes control characters.
samples = ['plain', "it's", 'say "hi"', 'it\'s "both"', 'new\nline', 'tab\t', 'bell\a', 'nul\0',
           'back\\slash', '\x1b[0m', '\u200b', '\U0001F600', 'é', '\r\n', '\x7f', '\xa0', '\ud800']
for s in samples:
    print(repr(s), len(s))
print(repr(''), repr(' '), str(repr('x')))
print('%r' % 'q', f'{"q"!r}', '{!r}'.format('q'))
