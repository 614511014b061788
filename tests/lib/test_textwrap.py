"""Compare lib/textwrap with CPython's textwrap on ordinary text."""

import textwrap as TW
from _support import load, outcome

S = load('textwrap')

LOREM = ('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod '
         'tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, '
         'quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo '
         'consequat.  Duis aute irure dolor in reprehenderit in voluptate.')
TEXTS = [LOREM, '', '   ', 'short', 'a well-known state-of-the-art thing is here',
         'supercalifragilisticexpialidocious is a long word indeed',
         'tabs\tand\nnewlines\r\n  here   and   there', 'Hello world. How are you? Fine!  Ok.',
         '  leading and trailing  ', 'x' * 100, 'one two three four five six seven']


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(TW)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def test_wrap_fill():
    for text in TEXTS:
        for width in [1, 5, 10, 20, 35, 70, 200]:
            run(lambda m: m.wrap(text, width))
            if width > 2:  # narrower than the indent loops forever in CPython too
                run(lambda m: m.fill(text, width, initial_indent='* ', subsequent_indent='  '))
            run(lambda m: m.wrap(text, width, break_long_words=False))
            run(lambda m: m.wrap(text, width, drop_whitespace=False))
            run(lambda m: m.wrap(text, width, fix_sentence_endings=True))
            run(lambda m: m.wrap(text, width, break_on_hyphens=False))
            run(lambda m: m.wrap(text, width, replace_whitespace=False, expand_tabs=False))


def test_max_lines_and_shorten():
    for text in TEXTS:
        for width in [10, 12, 20, 40]:
            for n in [1, 2, 3]:
                run(lambda m: m.wrap(text, width, max_lines=n))
                run(lambda m: m.wrap(text, width, max_lines=n, placeholder='...'))
            run(lambda m: m.shorten(text, width))
            run(lambda m: m.shorten(text, width, placeholder='~'))
    run(lambda m: m.wrap('abc', 0))
    run(lambda m: m.shorten('hello world', 3))


def test_dedent_indent():
    samples = ['    a\n    b\n', '  a\n    b\n\n  c', '\ta\n\tb', '  a\n\tb', '   \n  x\n  y   \n',
               'no indent\n  here', '', '\n\n', '  only\n', ' \t a\n \t b', '    a\r\n    b']
    for s in samples:
        run(lambda m: m.dedent(s))
        run(lambda m: m.indent(s, '> '))
        run(lambda m: m.indent(s, '+', lambda line: True))
