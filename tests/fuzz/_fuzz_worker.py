# Worker of tests/fuzz/fuzz_builtins.py: runs under the interpreter being tested (spindle, or
# python3 for reference messages). Enumerates the builtin callables of the running interpreter
# and calls each with hostile arguments. Everything here is deterministic (no random module,
# no set iteration), so target and combination numbers are stable between runs of one binary.
#
#   _fuzz_worker.py enum                      print the targets, one per line
#   _fuzz_worker.py run I J [STOP]             call targets from (I, J) on; "@@ I J call" on fd 2 before each
#   _fuzz_worker.py call KIND OWNER ATTR COMBO one call, print its outcome (for comparing interpreters)
import sys
import os
import gc
import math
import time
import signal
import select
import socket
import _thread

PY = sys.implementation.name

# ---------------------------------------------------------------- argument values


class User:
    def meth(self):
        return 1


class UserSub(User):
    pass


class Weird:
    """Dunders that return the wrong thing or raise."""
    def __index__(self): return 2 ** 70
    def __int__(self): return 'x'
    def __float__(self): return 'x'
    def __len__(self): return -1
    def __iter__(self): raise ValueError('weird iter')
    def __eq__(self, o): raise ValueError('weird eq')
    def __hash__(self): return 2 ** 70
    def __str__(self): return 5
    def __repr__(self): return 5
    def __bool__(self): return 'x'
    def __getitem__(self, k): raise IndexError(k)
    def __format__(self, spec): return 5
    def __lt__(self, o): raise ValueError('weird lt')
    def __fspath__(self): return 5
    def __call__(self, *a, **k): raise ValueError('weird call')


class Idx:
    def __index__(self): return -1


class Seq:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i


class S(str): pass
class I(int): pass
class L(list): pass
class D(dict): pass


VALUE_SRC = [
    'None', 'True', '0', '-1', '7', '2**40', '2**63', '2**70', '-2**70', '-2**63-1',
    '1.5', "float('nan')", "float('inf')", '-0.0',
    "''", "'x'", "'abc\\n'", "'\\x00'", "'\\u20ac'", "b''", "b'x'", "bytearray(b'ab')",
    '[]', "[1, 'a']", '{}', '{1: 2}', '()', '(1, 2)', 'set()', 'frozenset({1})',
    'object()', 'User()', 'Weird()', 'Idx()', 'Seq()', "S('s')", 'I(3)', 'L([1])', "D(a=1)",
    'int', 'len', 'lambda *a: 0', 'range(3)', 'slice(1, 2)', '...', 'iter([1])', "ValueError('e')",
    "'%s %d %(k)s'", "'{0}{x}{}'", '-1.5', '1e300', "b'%s'", "'a' * 100",
    '2**63-1', '-2**63', '2**62', '-2**62',
]
NV = len(VALUE_SRC)
# Second (or first) argument of every two-argument set.
CORE = [VALUE_SRC.index(v) for v in ('None', '0', '-1', '7', '2**70', '-2**63-1', '2**63-1', '-2**63', '1.5', "float('nan')", "''", "'x'",
                                      "b'x'", '[]', 'object()', 'Weird()', 'Idx()')]


def make_values():
    g = globals()
    return [eval(src, g) for src in VALUE_SRC]


KWARGS = [
    {'key': None}, {'default': -1, 'x': 1}, {'encoding': 'x', 'errors': None},
    {'start': 2 ** 70}, {'sep': 5, 'end': b''},
]


def combos():
    out = [()]
    out += [(i,) for i in range(NV)]
    out += [(i, j) for i in range(NV) for j in CORE]
    out += [(i, j) for i in CORE for j in range(NV) if j not in CORE]
    seed = 12345

    def rnd():
        nonlocal seed
        seed = (seed * 1103515245 + 12345) % 2147483648
        return seed // 65536 % NV
    for n, count in ((3, 150), (5, 40)):
        for _ in range(count):
            out.append(tuple(rnd() for _ in range(n)))
    for k in range(len(KWARGS)):
        out.append(('kw', k))
        out.append(('kw', k, 15))
    return out


COMBOS = combos()
# FUZZ_OUTCOMES=1: write each call's outcome ("=> OK type" / "=> Exc: message") after its
# marker, and only run the 0- and 1-argument sets and the keyword sets (for comparing
# interpreters: tests/fuzz/fuzz_builtins.py --diff).
OUTCOMES = os.environ.get('FUZZ_OUTCOMES') == '1'
SMALL = set(range(1 + NV)) | {j for j, c in enumerate(COMBOS) if c and c[0] == 'kw'}


def describe_combo(c):
    if c and c[0] == 'kw':
        pos = [VALUE_SRC[i] for i in c[2:]]
        kw = ['%s=%r' % (k, v) for k, v in KWARGS[c[1]].items()]
        return ', '.join(pos + kw)
    return ', '.join(VALUE_SRC[i] for i in c)


# ---------------------------------------------------------------- instances of each type

TMP = 'fuzz.tmp'


def tmpfile():
    if not os.path.exists(TMP):
        f = open(TMP, 'w')
        f.write('line1\nline2\n')
        f.close()
    return TMP


def _gen():
    yield 1


def _cell():
    x = 1
    def f():
        return x
    return f.__closure__[0] if f.__closure__ else None


def _tb():
    try:
        raise ValueError('t')
    except ValueError as e:
        return e.__traceback__


# Factory expressions for bound calls, by type key. A fresh instance per call.
FACTORIES = {
    'builtins.int': '7', 'builtins.bool': 'True', 'builtins.float': '1.5', 'builtins.complex': '1+2j',
    'builtins.str': "'aBc'", 'builtins.bytes': "b'aBc'", 'builtins.bytearray': "bytearray(b'aBc')",
    'builtins.list': "[3, 1, 2]", 'builtins.tuple': "(1, 'a')", 'builtins.dict': "{1: 'a', 'b': 2}",
    'builtins.set': '{1, 2}', 'builtins.frozenset': 'frozenset({1, 2})', 'builtins.range': 'range(1, 10, 2)',
    'builtins.slice': 'slice(1, 5, 2)', 'builtins.memoryview': "memoryview(b'ab')", 'builtins.object': 'object()',
    'builtins.type': 'User', 'builtins.property': 'property(lambda s: 1)', 'builtins.staticmethod': 'staticmethod(len)',
    'builtins.classmethod': 'classmethod(len)', 'builtins.super': 'super(UserSub, UserSub())',
    'builtins.dict_keys': '{1: 2}.keys()', 'builtins.dict_values': '{1: 2}.values()', 'builtins.dict_items': '{1: 2}.items()',
    'builtins.list_iterator': 'iter([1, 2])', 'builtins.tuple_iterator': 'iter((1, 2))', 'builtins.range_iterator': 'iter(range(3))',
    'builtins.str_ascii_iterator': "iter('ab')", 'builtins.str_iterator': "iter('\\u20ac')", 'builtins.bytes_iterator': "iter(b'ab')",
    'builtins.bytearray_iterator': "iter(bytearray(b'ab'))", 'builtins.dict_keyiterator': 'iter({1: 2})',
    'builtins.dict_valueiterator': 'iter({1: 2}.values())', 'builtins.dict_itemiterator': 'iter({1: 2}.items())',
    'builtins.dict_reversekeyiterator': 'reversed({1: 2})', 'builtins.dict_reversevalueiterator': 'reversed({1: 2}.values())',
    'builtins.dict_reverseitemiterator': 'reversed({1: 2}.items())', 'builtins.set_iterator': 'iter({1})',
    'builtins.list_reverseiterator': 'reversed([1, 2])', 'builtins.longrange_iterator': 'iter(range(2**70))',
    'builtins.reversed': 'reversed(Seq())', 'builtins.enumerate': 'enumerate([1])', 'builtins.zip': 'zip([1], [2])',
    'builtins.map': "map(len, ['a'])", 'builtins.filter': 'filter(None, [1])', 'builtins.callable_iterator': 'iter(lambda: 1, 2)',
    'builtins.iterator': 'iter(Seq())', 'builtins.function': 'lambda x=1: x', 'builtins.builtin_function_or_method': 'len',
    'builtins.method': 'User().meth', 'builtins.generator': '_gen()', 'builtins.code': '(lambda: 0).__code__',
    'builtins.frame': 'sys._getframe()', 'builtins.traceback': '_tb()', 'builtins.cell': '_cell()',
    'builtins.module': "type(sys)('m')", 'builtins.NoneType': 'None', 'builtins.NotImplementedType': 'NotImplemented',
    'builtins.ellipsis': '...', 'builtins.mappingproxy': 'User.__dict__',
    '_io.TextIOWrapper': 'open(tmpfile())', '_io.BufferedReader': "open(tmpfile(), 'rb')",
    '_io.BufferedWriter': "open(TMP + '.w', 'wb')", '_io.FileIO': "open(tmpfile(), 'rb', buffering=0)",
    '_thread.lock': '_thread.allocate_lock()', '_thread.RLock': '_thread.RLock()', '_thread._local': '_thread._local()',
    'select.poll': 'select.poll()', 'socket.socket': 'socket.socket()',
    'time.struct_time': 'time.gmtime(0)', 'os.stat_result': "os.stat('.')",
}
EXC_ARGS = {
    'OSError': "(2, 'x', 'f')", 'UnicodeDecodeError': "('utf-8', b'x', 0, 1, 'r')",
    'UnicodeEncodeError': "('utf-8', 'x', 0, 1, 'r')", 'UnicodeTranslateError': "('x', 0, 1, 'r')",
    'SyntaxError': "('m', ('f', 1, 2, 'x', 1, 2))", 'BaseExceptionGroup': "('g', [ValueError(1)])",
    'ExceptionGroup': "('g', [ValueError(1)])",
}

# Never called: they block, exit, kill, fork, or change process state the run depends on.
SKIP = {
    'builtins.input', 'builtins.breakpoint', 'builtins.exit', 'builtins.quit', 'builtins.help',
    'sys.exit', 'sys.setrecursionlimit', 'sys.settrace', 'sys.setprofile', 'sys.breakpointhook',
    'sys.__breakpointhook__', 'sys._exit', 'sys.setswitchinterval',
    'sys.addaudithook', 'sys.set_asyncgen_hooks', 'sys.setdlopenflags', 'sys.set_coroutine_origin_tracking_depth',
    'sys.activate_stack_trampoline', 'os.eventfd_read', 'os.login_tty', 'os.unshare', 'os.setns', 'os.tcsetpgrp',
    'os.setpriority', 'os.sched_setscheduler', 'os.sched_setparam', 'os.plock',
    'os._exit', 'os.abort', 'os.kill', 'os.killpg', 'os.fork', 'os.forkpty', 'os.execv', 'os.execve',
    'os.execl', 'os.execle', 'os.execlp', 'os.execlpe', 'os.execvp', 'os.execvpe', 'os._spawnv_passfds',
    'os.spawnv', 'os.spawnve', 'os.spawnl', 'os.spawnle', 'os.posix_spawn', 'os.posix_spawnp',
    'os.close', 'os.closerange', 'os.dup2', 'os.setsid', 'os.setpgid', 'os.setpgrp', 'os.setuid', 'os.setgid',
    'os.seteuid', 'os.setegid', 'os.setreuid', 'os.setregid', 'os.setresuid', 'os.setresgid', 'os.setgroups',
    'os.chroot', 'os.system', 'os.popen', 'os.wait', 'os.waitpid', 'os.wait3', 'os.wait4', 'os.waitid',
    'os.mkfifo', 'os.mknod', 'os.pipe', 'os.pipe2', 'os.read', 'os.lockf', 'os.sync', 'os.sched_setaffinity',
    'os.register_at_fork', 'os.makedirs',
    'signal.pause', 'signal.alarm', 'signal.setitimer', 'signal.raise_signal', 'signal.pthread_kill',
    'signal.sigwait', 'signal.sigwaitinfo', 'signal.sigtimedwait', 'signal.sigsuspend', 'signal.pthread_sigmask',
    'signal.signal', 'signal.set_wakeup_fd',
    'time.sleep',
    '_thread.interrupt_main', '_thread.start_new_thread', '_thread.start_new', '_thread.exit', '_thread.exit_thread',
    'select.select', 'select.poll.poll', '_posixsubprocess.fork_exec', '_signal.pause', '_signal.alarm',
    '_signal.setitimer', '_signal.raise_signal', '_signal.pthread_kill', '_signal.sigwait', '_signal.sigwaitinfo',
    '_signal.sigtimedwait', '_signal.sigsuspend', '_signal.pthread_sigmask', '_signal.signal', '_signal.set_wakeup_fd',
    'socket.create_connection', 'socket.getaddrinfo', 'socket.gethostbyname', 'socket.gethostbyname_ex',
    'socket.gethostbyaddr', 'socket.getnameinfo', 'socket.socket.accept', 'socket.socket.recv',
    'socket.socket.recv_into', 'socket.socket.recvfrom', 'socket.socket.connect', 'socket.socket.connect_ex',
    'socket.socket.sendto', 'socket.socket.sendall', 'socket.socket.send',
    '_io.TextIOWrapper.read', '_io.BufferedReader.read',  # on fd-backed files these are fine, but keep
    # stdin-like reads out in case a fuzzed fd argument lands on a pipe.
}
# Legitimately slow (CPython too) when an argument is 2**40: skip those argument sets.
SLOW_WITH_BIG = {'math.perm', 'math.comb', 'math.factorial'}
BIG = {VALUE_SRC.index(v) for v in ('2**40', '2**62', '2**63-1')}
MODULES = ['builtins', 'sys', 'os', 'posixpath', 'math', 'time', '_thread', 'gc', 'select', 'signal', '_signal', 'socket',
           '_json', '_multiprocessing', '_traceback', '_posixsubprocess', '_io', '_sre']


def modules():
    out = []
    for m in MODULES:
        try:
            out.append((m, __import__(m)))
        except ImportError:
            pass
    return out


def key_of(t):
    return '%s.%s' % (getattr(t, '__module__', '?'), getattr(t, '__qualname__', getattr(t, '__name__', '?')))


def is_native(v):
    t = type(v).__name__
    return t in ('builtin_function_or_method', 'method_descriptor', 'wrapper_descriptor', 'method-wrapper',
                 'classmethod_descriptor', 'getset_descriptor', 'member_descriptor')


def sample_objects():
    objs = make_values()
    for src in FACTORIES.values():
        try:
            objs.append(eval(src, globals()))
        except BaseException:
            pass
    try:
        objs += [sys.stdout, sys.stderr, sys.stdin, sys.version_info, sys.float_info, sys.int_info, sys.hash_info,
                 sys.implementation, os.environ, os.scandir('.'), math.pi, _thread.get_ident]
    except BaseException:
        pass
    return objs


def find_types():
    """Builtin types reachable from the builtins, the native modules and sample objects."""
    found = []
    keys = []

    def add(t):
        if not isinstance(t, type) or t in found:
            return
        mod = getattr(t, '__module__', '')
        if mod not in MODULES and mod not in ('_io', '_thread', 'builtins', 'time', 'os', 'posix', 'select', '_socket', '_signal', 're'):
            return
        found.append(t)
        for b in getattr(t, '__mro__', ()):
            add(b)
    for m, mod in modules():
        for n in dir(mod):
            v = getattr(mod, n, None)
            add(v if isinstance(v, type) else type(v))
    for o in sample_objects():
        add(type(o))
    # types of the attributes of the types found (descriptors, method wrappers, ...)
    i = 0
    while i < len(found):
        t = found[i]
        i += 1
        for n in sorted(dir(t)):
            try:
                add(type(getattr(t, n)))
            except BaseException:
                pass
    for t in found:
        k = key_of(t)
        while k in keys:
            k += '#'
        keys.append(k)
    return found, keys


def targets():
    """(kind, owner key, attribute) for every native callable, in a fixed order."""
    out = []
    for m, mod in modules():
        for n in sorted(dir(mod)):
            v = getattr(mod, n, None)
            if callable(v) and not isinstance(v, type) and is_native(v) and m + '.' + n not in SKIP:
                out.append(('func', m, n))
    types, keys = find_types()
    for t, k in zip(types, keys):
        base = k.split('#')[0]
        if base in SKIP:
            continue
        out.append(('type', k, ''))  # calling the type itself
        for n in sorted(dir(t)):
            if base + '.' + n in SKIP or n in ('__class__',):
                continue
            try:
                v = getattr(t, n)
            except BaseException:
                continue
            if not callable(v) or isinstance(v, type):
                continue
            out.append(('unbound', k, n))
            if base in FACTORIES or issubclass(t, BaseException):
                out.append(('bound', k, n))
    return out


_TYPES = None


def type_by_key(k):
    global _TYPES
    if _TYPES is None:
        _TYPES = find_types()
    types, keys = _TYPES
    return types[keys.index(k)]


def instance_of(k):
    base = k.split('#')[0]
    if base in FACTORIES:
        return eval(FACTORIES[base], globals())
    t = type_by_key(k)
    return eval('t' + EXC_ARGS.get(t.__name__, "('a', 1)"), globals(), {'t': t})


def resolve(kind, owner, attr):
    if kind == 'func':
        return getattr(__import__(owner), attr)
    if kind == 'type':
        return type_by_key(owner)
    if kind == 'unbound':
        return getattr(type_by_key(owner), attr)
    return getattr(instance_of(owner), attr)


def do_call(f, c, vals):
    if c and c[0] == 'kw':
        return f(*[vals[i] for i in c[2:]], **KWARGS[c[1]])
    return f(*[vals[i] for i in c])


def mark(s):
    os.write(2, (s + '\n').encode('utf-8', 'replace'))


def run(start_i, start_j, stop):
    tl = targets()
    if stop < 0 or stop > len(tl):
        stop = len(tl)
    for i in range(start_i, stop):
        kind, owner, attr = tl[i]
        slow = owner.split('#')[0] + '.' + attr in SLOW_WITH_BIG
        vals = make_values()
        for j in range(start_j if i == start_i else 0, len(COMBOS)):
            c = COMBOS[j]
            pos = c[2:] if c and c[0] == 'kw' else c
            if slow and any(k in BIG for k in pos):
                continue
            if OUTCOMES and j not in SMALL:
                continue
            if j % 25 == 0:
                vals = make_values()
            mark('@@ %d %d %s %s %s %s' % (i, j, kind, owner, attr, describe_combo(c)))
            try:
                f = resolve(kind, owner, attr)
                r = do_call(f, c, vals)
                if OUTCOMES:
                    mark('=> OK ' + type(r).__name__)
                try:
                    repr(r)
                except BaseException:
                    pass
            except BaseException as e:
                if OUTCOMES:
                    try:
                        msg = str(e)
                    except BaseException:
                        msg = '?'
                    mark('=> %s: %s' % (type(e).__name__, msg.replace('\n', ' ')[:200]))
            r = f = None
    mark('@@ done %d' % len(tl))


def one(kind, owner, attr, combo):
    c = COMBOS[int(combo)] if combo.isdigit() else eval(combo)
    vals = make_values()
    try:
        f = resolve(kind, owner, attr)
        r = do_call(f, c, vals)
        print('OK', type(r).__name__)
    except BaseException as e:
        print('%s: %s' % (type(e).__name__, e))


def main():
    os.chdir(os.environ.get('FUZZ_DIR', '.'))
    cmd = sys.argv[1]
    if cmd == 'enum':
        for t in targets():
            print('%s %s %s' % (t[0], t[1], t[2] or '-'))
        print('combos', len(COMBOS))
    elif cmd == 'run':
        run(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else -1)
    elif cmd == 'call':
        one(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else '', sys.argv[5] if len(sys.argv) > 5 else '0')


main()
