"""Python part of the warnings subsystem, for Spindle.

Written for Spindle from the documented behaviour of CPython 3.11's warnings
module: warn/warn_explicit, the filters list (simplefilter, filterwarnings,
resetwarnings), the "default"/"once"/"module"/"always"/"ignore"/"error"
actions with their registries, showwarning/formatwarning and catch_warnings.

filterwarnings() patterns are matched with a small regular-expression subset
(literal text, ".", "*", "+", "?", "^", "$" and backslash escapes), as the
runtime has no `re` module yet; other regular-expression syntax raises
NotImplementedError.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


# ----- pattern matching (a subset of re.match) -----

class _Pattern:
    """A compiled pattern: match() anchors at the start, like re.match."""

    def __init__(self, pattern, ignorecase):
        self.pattern = pattern
        self._ic = ignorecase
        self._items = self._parse(pattern)

    @staticmethod
    def _parse(p):
        items = []  # (kind, char, quantifier)
        i = 0
        while i < len(p):
            c = p[i]
            if c == '\\':
                if i + 1 >= len(p):
                    raise ValueError('bad escape (end of pattern)')
                atom = ('lit', p[i + 1])
                i += 2
            elif c == '.':
                atom = ('any', None)
                i += 1
            elif c == '^' and i == 0:
                i += 1
                continue
            elif c == '$' and i == len(p) - 1:
                atom = ('end', None)
                i += 1
            elif c in '()[]{}|':
                raise NotImplementedError(
                    "warnings filter pattern %r: only literal text, '.', '*', '+', '?', "
                    "'^', '$' and escapes are supported by Spindle" % p)
            elif c in '*+?':
                raise ValueError('nothing to repeat at position %d' % i)
            else:
                atom = ('lit', c)
                i += 1
            q = ''
            if i < len(p) and p[i] in '*+?':
                q = p[i]
                i += 1
            items.append((atom[0], atom[1], q))
        return items

    def match(self, text):
        if self._ic:
            text = text.lower()
        return self._match(0, text, 0)

    def _one(self, item, text, pos):
        kind, ch = item[0], item[1]
        if pos >= len(text):
            return False
        if kind == 'any':
            return text[pos] != '\n'
        if self._ic:
            return text[pos] == ch.lower()
        return text[pos] == ch

    def _match(self, k, text, pos):
        if k == len(self._items):
            return True
        item = self._items[k]
        if item[0] == 'end':
            return pos == len(text) or (pos == len(text) - 1 and text[pos] == '\n')
        q = item[2]
        if q == '':
            return self._one(item, text, pos) and self._match(k + 1, text, pos + 1)
        if q == '?':
            if self._one(item, text, pos) and self._match(k + 1, text, pos + 1):
                return True
            return self._match(k + 1, text, pos)
        least = 1 if q == '+' else 0
        n = 0
        while self._one(item, text, pos + n):
            n += 1
        while n >= least:
            if self._match(k + 1, text, pos + n):
                return True
            n -= 1
        return False


# ----- filters -----

filters = []
defaultaction = "default"
onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    msg = _Pattern(message, True) if message else None
    mod = _Pattern(module, False) if module else None
    _add_filter(action, msg, category, mod, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


# CPython's defaults (release build): DeprecationWarning shown in __main__ only.
filters.extend([
    ("default", None, DeprecationWarning, _Pattern("__main__", False), 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
])


# ----- showing -----

def _source_line(filename, lineno):
    try:
        with open(filename, encoding='utf-8') as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    return ''


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        s += "  %s\n" % line.strip()
    return s


def _showwarning_orig(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = formatwarning(message, category, filename, lineno, line)
    try:
        file.write(text)
    except OSError:
        pass


showwarning = _showwarning_orig


class WarningMessage(object):
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename,
                                self.lineno, self.line))


def _showwarnmsg(msg):
    if msg.source is not None and showwarning is _showwarning_orig:
        # CPython's _formatwarnmsg_impl: Spindle has no tracemalloc, so the allocation
        # traceback of the source object is never known.
        file = msg.file if msg.file is not None else sys.stderr
        if file is None:
            return
        text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
        text += "%s: Enable tracemalloc to get the object allocation traceback\n" % msg.category.__name__
        try:
            file.write(text)
        except OSError:
            pass
        return
    showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def _warn_unawaited_coroutine(coro):
    # Called by the runtime when a coroutine that never started is freed.
    msg_lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
    msg = "".join(msg_lines).rstrip("\n")
    warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


# ----- warning -----

def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    try:
        frame = sys._getframe(stacklevel)
    except ValueError:
        globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals.get('__name__', "<string>")
    registry = globals.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry, globals, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and issubclass(category, cat)
                and (mod is None or mod.match(module)) and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        # Like the registries, the once-registry starts afresh when the filters change.
        if onceregistry.get('version', 0) != _filters_version:
            onceregistry.clear()
            onceregistry['version'] = _filters_version
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon
    exiting the context, and optionally records the warnings shown."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules[__name__] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules[__name__]:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg = self._showwarnmsg_impl
