# Case mappings (title/casefold/final sigma) and character classes (isalpha...isprintable) beyond ASCII.
samples = ['abc', 'ABC', 'Abc', '123', 'a1', '', ' ', '\t\n', 'Title Case', '½', '٣', 'x_y', 'ǅungla', 'ß', 'ΣΑΣ', 'ὈΔΥΣΣΕΎΣ', 'ﬁnal', 'ǰ', 'İstanbul', 'ⅷ', '一二', '²', '\u1c90', 'Ⓐ', '\x1c', '\u200b', '\u00ad', 'x\u0301', 'ℌ', 'ᾳ', 'ŉ', 'µ', 'ſ', 'ΐ', 'Ꭰ', 'ꭰ', '𝒜', '\U0001F600', '\u0378', '\u2028', 'a\u0300b', 'hello world', "they're bill's", 'ǈx', '_x', '1x', 'x1', 'ɐ', 'ꟸ', 'ᵃ']
for t in samples:
    print(repr(t), t.upper(), t.lower(), t.casefold(), t.title(), t.capitalize(), t.swapcase())
    print(' ', t.isalpha(), t.isupper(), t.islower(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(), t.istitle(), t.isidentifier(), t.isprintable())
print('ΑΣ ΣΑ ΑΣ.'.lower(), 'Σ'.lower(), 'AΣb'.lower(), 'ΑΣ\u0301'.lower())
