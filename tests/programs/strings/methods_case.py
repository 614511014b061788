# Case conversion and classification methods.
s = 'Hello, World! ßtraße ǅ'
print(s.upper(), s.lower(), s.casefold())
print(s.title(), s.capitalize(), s.swapcase())
print('hello world'.title(), "they're bill's".title())
for t in ['abc', 'ABC', 'Abc', '123', 'a1', '', ' ', '\t\n', 'Title Case', '½', '٣', 'x_y']:
    print(repr(t), t.isalpha(), t.isupper(), t.islower(), t.isdigit(), t.isdecimal(),
          t.isnumeric(), t.isalnum(), t.isspace(), t.istitle(), t.isidentifier(), t.isprintable())
print('abc'.isascii(), 'héllo'.isascii())
