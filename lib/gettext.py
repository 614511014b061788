"""gettext: message catalogs (.mo files) and plural forms (Spindle's own implementation of
CPython 3.11's module).

Language names from LANGUAGE/LC_ALL/LC_MESSAGES/LANG are expanded without the locale
module's alias table (Spindle has no locale module): 'de_DE.UTF-8' gives de_DE.UTF-8,
de_DE, de.UTF-8 and de, but a bare 'de' is not widened to 'de_DE.ISO8859-1'."""

import os
import re
import sys

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog',
           'bindtextdomain', 'find', 'translation', 'install',
           'textdomain', 'dgettext', 'dngettext', 'gettext',
           'ngettext', 'pgettext', 'dpgettext', 'npgettext',
           'dnpgettext']

_default_localedir = os.path.join(sys.base_prefix if hasattr(sys, 'base_prefix') else
                                  sys.prefix if hasattr(sys, 'prefix') else '/usr',
                                  'share', 'locale')

# ---------------------------------------------------------------- plural forms

_token_pattern = re.compile(r"""
        (?P<WHITESPACES>[ \t]+)                    | # spaces and horizontal tabs
        (?P<NUMBER>[0-9]+\b)                       | # decimal integer
        (?P<NAME>n\b)                              | # only n is allowed
        (?P<PARENTHESIS>[()])                      |
        (?P<OPERATOR>[-*/%+?:]|[><!]=?|==|&&|\|\|) | # C operators (no bitwise ones)
        (?P<INVALID>\w+|.)                           # anything else
    """, re.VERBOSE | re.DOTALL)

_BINARY = {'||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4,
           '+': 5, '-': 5, '*': 6, '/': 6, '%': 6}


def _tokens(plural):
    out = []
    for mo in _token_pattern.finditer(plural):
        kind = mo.lastgroup
        if kind == 'WHITESPACES':
            continue
        value = mo.group(kind)
        if kind == 'INVALID':
            raise ValueError('invalid token in plural form: %s' % value)
        out.append(value)
    out.append('')
    return out


def _unexpected(value):
    if value:
        return ValueError('unexpected token in plural form: %s' % value)
    return ValueError('unexpected end of plural form')


class _Parser:
    """Precedence climbing over the tokens into a tree: ('n',), ('num', v), ('not', x),
    (op, a, b), ('?', cond, a, b); depth counts nested parentheses and conditionals."""

    def __init__(self, tokens):
        self.toks = tokens
        self.pos = 0
        self.depth = 0
        self.max_depth = 0

    def next(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t

    def nest(self, delta):
        self.depth += delta
        self.max_depth = max(self.max_depth, self.depth)

    @staticmethod
    def negate(node, nots):
        for _ in range(nots):
            node = ('not', node)
        return node, 0

    def parse(self, priority=-1):
        nots = 0
        tok = self.next()
        while tok == '!':
            nots += 1
            tok = self.next()
        if tok == '(':
            self.nest(1)
            node, tok = self.parse()
            self.nest(-1)
            if tok != ')':
                raise ValueError('unbalanced parenthesis in plural form')
        elif tok == 'n':
            node = ('n',)
        else:
            try:
                node = ('num', int(tok, 10))
            except ValueError:
                raise _unexpected(tok) from None
        tok = self.next()
        # '!' is Python's 'not' in CPython's translation: it covers the comparisons and
        # arithmetic that follow, but not '&&' and '||'.
        while tok in _BINARY:
            prio = _BINARY[tok]
            if prio < priority:
                break
            if prio <= 2:
                node, nots = self.negate(node, nots)
            right, next_tok = self.parse(prio + 1)
            node = (tok, node, right)
            tok = next_tok
        node, nots = self.negate(node, nots)
        if tok == '?' and priority <= 0:
            self.nest(1)
            if_true, tok = self.parse(0)
            if tok != ':':
                raise _unexpected(tok)
            if_false, tok = self.parse()
            self.nest(-1)
            node = ('?', node, if_true, if_false)
        return node, tok


def _eval(node, n):
    kind = node[0]
    if kind == 'n':
        return n
    if kind == 'num':
        return node[1]
    if kind == 'not':
        return not _eval(node[1], n)
    if kind == '?':
        return _eval(node[2], n) if _eval(node[1], n) else _eval(node[3], n)
    a = _eval(node[1], n)
    if kind == '||':
        return a or _eval(node[2], n)
    if kind == '&&':
        return a and _eval(node[2], n)
    b = _eval(node[2], n)
    if kind == '==':
        return a == b
    if kind == '!=':
        return a != b
    if kind == '<':
        return a < b
    if kind == '>':
        return a > b
    if kind == '<=':
        return a <= b
    if kind == '>=':
        return a >= b
    if kind == '+':
        return a + b
    if kind == '-':
        return a - b
    if kind == '*':
        return a * b
    if kind == '/':
        return a // b
    return a % b


def _as_int(n):
    try:
        round(n)
    except TypeError:
        raise TypeError('Plural value must be an integer, got %s'
                        % (n.__class__.__name__,)) from None
    import warnings
    warnings.warn('Plural value must be an integer, got %s' % (n.__class__.__name__,),
                  DeprecationWarning, 4)
    return n


def c2py(plural):
    """A function of n computing the plural form index of a C expression (as in PO files)."""
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    try:
        parser = _Parser(_tokens(plural))
        tree, tok = parser.parse()
    except RecursionError:
        raise ValueError('plural form expression is too complex') from None
    if tok:
        raise _unexpected(tok)
    if parser.max_depth > 20:
        raise ValueError('plural form expression is too complex')

    def func(n):
        if not isinstance(n, int):
            n = _as_int(n)
        return int(_eval(tree, n))
    return func


# ---------------------------------------------------------------- languages

def _expand_lang(loc):
    """The names to try for a locale name, most specific first."""
    pos = loc.find('@')
    modifier = loc[pos:] if pos >= 0 else ''
    loc = loc[:pos] if pos >= 0 else loc
    pos = loc.find('.')
    codeset = loc[pos:] if pos >= 0 else ''
    loc = loc[:pos] if pos >= 0 else loc
    pos = loc.find('_')
    territory = loc[pos:] if pos >= 0 else ''
    language = loc[:pos] if pos >= 0 else loc
    COMPONENT_CODESET, COMPONENT_TERRITORY, COMPONENT_MODIFIER = 1, 2, 4
    mask = ((COMPONENT_MODIFIER if modifier else 0) | (COMPONENT_TERRITORY if territory else 0)
            | (COMPONENT_CODESET if codeset else 0))
    result = []
    for i in range(mask + 1):
        if not (i & ~mask):
            val = language
            if i & COMPONENT_TERRITORY:
                val += territory
            if i & COMPONENT_CODESET:
                val += codeset
            if i & COMPONENT_MODIFIER:
                val += modifier
            result.append(val)
    result.reverse()
    return result


# ---------------------------------------------------------------- translations

class NullTranslations:
    """Translations that return the messages unchanged (or ask a fallback)."""

    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            allowed = {'gettext', 'ngettext', 'npgettext', 'pgettext'}
            for name in allowed & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    """Translations read from a GNU .mo file."""

    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495
    CONTEXT = "%s\x04%s"
    VERSIONS = (0, 1)

    def _get_versions(self, version):
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        from struct import unpack
        filename = getattr(fp, 'name', '')
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)
        buf = fp.read()
        buflen = len(buf)
        magic = unpack('<I', buf[:4])[0]
        if magic == self.LE_MAGIC:
            version, msgcount, masteridx, transidx = unpack('<4I', buf[4:20])
            ii = '<II'
        elif magic == self.BE_MAGIC:
            version, msgcount, masteridx, transidx = unpack('>4I', buf[4:20])
            ii = '>II'
        else:
            raise OSError(0, 'Bad magic number', filename)
        major_version, minor_version = self._get_versions(version)
        if major_version not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(major_version), filename)
        for i in range(msgcount):
            mlen, moff = unpack(ii, buf[masteridx:masteridx + 8])
            mend = moff + mlen
            tlen, toff = unpack(ii, buf[transidx:transidx + 8])
            tend = toff + tlen
            if mend < buflen and tend < buflen:
                msg = buf[moff:mend]
                tmsg = buf[toff:tend]
            else:
                raise OSError(0, 'File is corrupt', filename)
            if mlen == 0:
                # the header: metadata lines "Name: value"
                lastk = None
                for b_item in tmsg.split(b'\n'):
                    item = b_item.decode().strip()
                    if not item:
                        continue
                    if item.startswith('#-#-#-#-#') and item.endswith('#-#-#-#-#'):
                        continue
                    k = v = None
                    if ':' in item:
                        k, v = item.split(':', 1)
                        k = k.strip().lower()
                        v = v.strip()
                        self._info[k] = v
                        lastk = k
                    elif lastk:
                        self._info[lastk] += '\n' + item
                    if k == 'content-type':
                        self._charset = v.split('charset=')[1]
                    elif k == 'plural-forms':
                        v = v.split(';')
                        plural = v[1].split('plural=')[1]
                        self.plural = c2py(plural)
            charset = self._charset or 'ascii'
            if b'\x00' in msg:
                msgid1, msgid2 = msg.split(b'\x00')
                tmsg = tmsg.split(b'\x00')
                msgid1 = str(msgid1, charset)
                for i, x in enumerate(tmsg):
                    catalog[(msgid1, i)] = str(x, charset)
            else:
                catalog[str(msg, charset)] = str(tmsg, charset)
            masteridx += 8
            transidx += 8

    def gettext(self, message):
        missing = object()
        tmsg = self._catalog.get(message, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((message, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        try:
            return self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.ngettext(msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        ctxt_msg_id = self.CONTEXT % (context, message)
        missing = object()
        tmsg = self._catalog.get(ctxt_msg_id, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((ctxt_msg_id, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        ctxt_msg_id = self.CONTEXT % (context, msgid1)
        try:
            return self._catalog[ctxt_msg_id, self.plural(n)]
        except KeyError:
            if self._fallback:
                return self._fallback.npgettext(context, msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2


def find(domain, localedir=None, languages=None, all=False):
    """The .mo file(s) of domain for the languages (from the environment by default)."""
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for envar in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            val = os.environ.get(envar)
            if val:
                languages = val.split(':')
                break
        if 'C' not in languages:
            languages.append('C')
    nelangs = []
    for lang in languages:
        for nelang in _expand_lang(lang):
            if nelang not in nelangs:
                nelangs.append(nelang)
    result = [] if all else None
    for lang in nelangs:
        if lang == 'C':
            break
        mofile = os.path.join(localedir, lang, 'LC_MESSAGES', '%s.mo' % domain)
        if os.path.exists(mofile):
            if all:
                result.append(mofile)
            else:
                return mofile
    return result


_translations = {}


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    """The translations of domain (several .mo files chain as fallbacks)."""
    if class_ is None:
        class_ = GNUTranslations
    mofiles = find(domain, localedir, languages, all=True)
    if not mofiles:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT, 'No translation file found for domain', domain)
    result = None
    for mofile in mofiles:
        key = (class_, os.path.abspath(mofile))
        t = _translations.get(key)
        if t is None:
            with open(mofile, 'rb') as fp:
                t = _translations.setdefault(key, class_(fp))
        import copy
        t = copy.copy(t)
        if result is None:
            result = t
        else:
            result.add_fallback(t)
    return result


def install(domain, localedir=None, *, names=None):
    translation(domain, localedir, fallback=True).install(names)


_localedirs = {}
_current_domain = 'messages'


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def _domain_translation(domain):
    try:
        return translation(domain, _localedirs.get(domain, None))
    except OSError:
        return None


def dgettext(domain, message):
    t = _domain_translation(domain)
    return message if t is None else t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    t = _domain_translation(domain)
    return message if t is None else t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


Catalog = translation
