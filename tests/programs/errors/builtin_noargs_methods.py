# Plain builtin methods that take no arguments (METH_NOARGS on every CPython type) refuse arguments centrally.
import _thread
def t(label, f):
    try:
        r = f()
        print(label, 'OK', r)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
t('upper(1)', lambda: 'a'.upper(1))
t('str.upper(a, 1)', lambda: str.upper('a', 1))
t('keys(1)', lambda: {}.keys(1))
t('copy(x=1)', lambda: [].copy(x=1))
t('clear(1)', lambda: set().clear(1))
t('bit_length(1)', lambda: (5).bit_length(1))
t('lock.release(1)', lambda: _thread.allocate_lock().release(1))
t('lock.locked(1)', lambda: _thread.allocate_lock().locked(1))
t('ValueError.__init_subclass__(None)', lambda: ValueError.__init_subclass__(None))
t('object.__subclasshook__(k=1)', lambda: object.__subclasshook__(k=1))
t('gen.close(1)', lambda: (x for x in []).close(1))
t('upper()', lambda: 'aB'.upper())
t('bit_length()', lambda: (5).bit_length())
class Sub(str): pass
t('Sub.upper(1)', lambda: Sub('x').upper(1))
t('bound upper', lambda: getattr('a', 'upper')(1))
