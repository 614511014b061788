# gettext: plural-form expressions, a .mo catalog (plurals, contexts, fallbacks), find/translation/install
import gettext, os, struct, builtins
exprs = ['n != 1', 'n>1', '(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2', 'n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2',
         '!n', '!n == 1', '!n + 1', '!n && 1', 'n / 2', 'n % 3 + n * 2 - 1', '1 < n < 3', '0', 'n==0 ? 0 : n==1 ? 1 : 2']
for e in exprs:
    f = gettext.c2py(e)
    print(repr(e), [f(n) for n in (0, 1, 2, 3, 5, 11, 21, 22, 101)])
for bad in ['n ** 2', 'n +', '(n', 'n)', 'x', 'n ? 1', 'n & 1', '-1', '1 2', 'n' * 1001, '(' * 25 + 'n' + ')' * 25]:
    try:
        gettext.c2py(bad)
    except ValueError as e:
        print('ValueError', str(e)[:60])
try:
    gettext.c2py('n != 1')('3')
except TypeError as e:
    print('TypeError', e)
def mo(entries, path):
    keys = sorted(entries)
    ids = b''; strs = b''; offsets = []
    for k in keys:
        offsets.append((len(ids), len(k), len(strs), len(entries[k])))
        ids += k + b'\0'; strs += entries[k] + b'\0'
    n = len(keys)
    keystart = 7 * 4 + 16 * n
    valuestart = keystart + len(ids)
    koffsets = []; voffsets = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]; voffsets += [l2, o2 + valuestart]
    data = struct.pack('Iiiiiii', 0x950412de, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
    data += struct.pack('%di' % len(koffsets), *koffsets) + struct.pack('%di' % len(voffsets), *voffsets) + ids + strs
    with open(path, 'wb') as f:
        f.write(data)
here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, 'gettext_module.tmp.d')
for lang in ('fr', 'de'):
    os.makedirs(os.path.join(base, lang, 'LC_MESSAGES'), exist_ok=True)
header = 'Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n > 1);\nLanguage: fr\n'.encode()
mo({b'': header, b'Hello': 'Bonjour'.encode(), b'apple\0apples': 'pomme\0pommes'.encode(), b'menu\x04Open': 'Ouvrir'.encode(), b'caf\xc3\xa9': 'caf\xc3\xa9!'.encode('latin-1')},
   os.path.join(base, 'fr', 'LC_MESSAGES', 'app.mo'))
mo({b'': b'Content-Type: text/plain; charset=UTF-8\n', b'Only German': b'Nur Deutsch', b'Hello': b'Hallo'}, os.path.join(base, 'de', 'LC_MESSAGES', 'app.mo'))
try:
    t = gettext.translation('app', base, languages=['fr_FR.UTF-8', 'de'])
    print(t.gettext('Hello'), t.gettext('Only German'), t.gettext('Missing'), t.ngettext('apple', 'apples', 1), t.ngettext('apple', 'apples', 0), t.ngettext('apple', 'apples', 2))
    print(t.pgettext('menu', 'Open'), t.pgettext('other', 'Open'), t.npgettext('menu', 'x', 'xs', 3), t.gettext('café'))
    print(sorted(t.info().items()), t.charset(), type(t).__name__)
    print([os.path.relpath(p, base) for p in gettext.find('app', base, ['de_DE.UTF-8', 'fr'], all=True)], gettext.find('app', base, ['it']), gettext.find('app', base, ['C', 'fr']))
    try:
        gettext.translation('app', base, languages=['it'])
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror, e.filename)
    nt = gettext.translation('app', base, languages=['it'], fallback=True)
    print(type(nt).__name__, nt.gettext('Hello'), nt.ngettext('a', 'b', 2), nt.info(), nt.charset())
    t.install(names=['ngettext'])
    print(_('Hello'), builtins.ngettext('apple', 'apples', 5))
    gettext.bindtextdomain('app', base)
    gettext.textdomain('app')
    print(gettext.textdomain(), gettext.dgettext('app', 'Hello') in ('Hello', 'Bonjour'), gettext.gettext('zzz'), gettext.ngettext('one', 'many', 1), gettext.dngettext('nodomain', 'a', 'b', 2))
    with open(os.path.join(base, 'bad.mo'), 'wb') as f:
        f.write(b'\x00' * 28)
    try:
        gettext.GNUTranslations(open(os.path.join(base, 'bad.mo'), 'rb'))
    except OSError as e:
        print('OSError', e.args[:2])
finally:
    import shutil
    shutil.rmtree(base)
    del builtins._, builtins.ngettext
