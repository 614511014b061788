# shlex: split (posix/non-posix, comments), quote, join, the shlex lexer (punctuation_chars, push_token)
import shlex
for s in ['a b  c', 'echo "hello world" \'single q\' esc\\ aped', 'a="b c" d', 'x # comment', '"a\\"b" \'a\\\'', 'mixed"quo"ted\'parts\'', '  ', '', 'a\\\\b "\\$x" "\\\\"', 'tab\there\nnewline']:
    print(repr(s), shlex.split(s), shlex.split(s, comments=True), shlex.split(s, posix=False))
for bad in ['"unterminated', "'x", 'trail\\']:
    try: shlex.split(bad)
    except ValueError as e: print(repr(bad), e)
print(shlex.quote(''), shlex.quote('abc'), shlex.quote('a b'), shlex.quote("it's"), shlex.quote('$HOME'), shlex.join(['ls', '-l', 'my file', "o'k"]))
lex = shlex.shlex('a && b; c|d > out.txt', punctuation_chars=True); print(list(lex))
lex = shlex.shlex('a=1 "quoted str" foo.bar(x, y)'); print(list(lex))
lex = shlex.shlex('one two # rest\nthree', posix=True); print(list(lex), lex.lineno)
lex = shlex.shlex('x y'); lex.push_token('pushed'); print(lex.get_token(), lex.get_token(), lex.get_token(), repr(lex.get_token()))
