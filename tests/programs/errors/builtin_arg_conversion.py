# Argument conversion of builtins as CPython: math takes real numbers (not text), big-int logs, compile's required arguments, sys.intern, gc.collect, chr's C int.
import sys, gc, math
def t(label, f):
    try:
        r = f()
        print(label, 'OK', r if not hasattr(r, 'co_name') else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
t('compile 1', lambda: compile(''))
t('compile 2', lambda: compile('', 'f'))
t('compile fn int', lambda: compile('', 5, 'exec'))
t('compile mode int', lambda: compile('', 'f', 5))
t('compile bytes fn', lambda: compile('1', b'f', 'exec'))
t('compile 7', lambda: compile('1', 'f', 'exec', 0, False, -1, 'x'))
t('compile bogus', lambda: compile('1', 'f', 'exec', bogus=1))
t('compile dup', lambda: compile('1', 'f', 'exec', filename='g'))
t('compile kw', lambda: compile(source='1', filename='f', mode='eval'))
class S(str): pass
t('intern S', lambda: sys.intern(S('s')))
t('intern 5', lambda: sys.intern(5))
t('intern', lambda: sys.intern('abc'))
for a in [(None,), (5,), (2**70,), (1, 2), (2,), ()]:
    t('gc.collect%r' % (a,), lambda: gc.collect(*a))
t('gc.collect(generation=1)', lambda: gc.collect(generation=1))
t('gc.collect(x=1)', lambda: gc.collect(x=1))
t('chr(2**40)', lambda: chr(2 ** 40))
t('math.sqrt(str)', lambda: math.sqrt('4'))
t('math.fsum(str)', lambda: math.fsum(['1']))
t('math.log(2**2000)', lambda: math.log(2 ** 2000))
t('math.log2(2**1025-1)', lambda: math.log2(2 ** 1025 - 1))
t('math.log10(10**400)', lambda: math.log10(10 ** 400))
t('math.log(-10**400)', lambda: math.log(-10 ** 400))
t('chr(Idx)', lambda: chr(type('I', (), {'__index__': lambda s: 65})()))
t('chr(1.5)', lambda: chr(1.5))
