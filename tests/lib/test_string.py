"""Compare lib/string with CPython's string."""

import string as ST
from _support import load, outcome

S = load('string')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(ST)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def test_constants():
    for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
                 'octdigits', 'printable', 'punctuation', 'whitespace']:
        assert getattr(S, name) == getattr(ST, name), name


def test_capwords():
    for s in ['  hello   world  ', 'a-b c-d', "it's O'NEIL", '', 'ABC def\tghi\nJKL']:
        run(lambda m: m.capwords(s))
        run(lambda m: m.capwords(s, '-'))
        run(lambda m: m.capwords(s, ' '))


TEMPLATES = ['$a ${b} $$ $', '$a\n  $1x', 'x ${a', '$', 'a$$', '${ a}', '$_x9é', '$a$b${a}',
             'no placeholders', '$who likes $what', '${a}bc$ab', '$a\n$', 'x\r\n$!', '$$$a',
             '${a', '$a.b', '$missing', '${missing}', '€$a€', '$A_1z']


def test_template():
    for t in TEMPLATES:
        for meth in ['substitute', 'safe_substitute']:
            run(lambda m: getattr(m.Template(t), meth)(a=1, b='two', _x9=3, A_1z=[4]))
            run(lambda m: getattr(m.Template(t), meth)({'a': 'map', 'who': 'tim'}, a='kw'))
        run(lambda m: m.Template(t).is_valid())
        run(lambda m: m.Template(t).get_identifiers())
        run(lambda m: m.Template(t).template)


def test_template_delimiter():
    def s(m):
        class T(m.Template):
            delimiter = '%'
        return [T('%a %% $a %{a} %').safe_substitute(a=1), T('%a').substitute({'a': 2})]
    run(s)
