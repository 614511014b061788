"""shutil: high-level file operations (copying, moving, removing trees, finding programs).

Written for Spindle from the documented behaviour of CPython 3.11's shutil: copyfileobj,
copyfile, copymode, copystat, copy, copy2, copytree, rmtree, move, which, ignore_patterns
(shell-style patterns: '*', '?', '[seq]', '[!seq]').  Archives, chown, disk_usage and
get_terminal_size are not provided."""

import os
import sys

__all__ = ['copyfileobj', 'copyfile', 'copymode', 'copystat', 'copy', 'copy2',
           'copytree', 'move', 'rmtree', 'Error', 'SameFileError', 'which',
           'ignore_patterns']

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which is
    not supported on a special file (e.g. a named pipe)"""


class ExecError(OSError):
    """Raised when a command could not be executed"""


class ReadError(OSError):
    """Raised when an archive cannot be read"""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving
    and unpacking registries fails"""


def _is_dir_mode(mode):
    return mode & 0o170000 == 0o040000


def _is_fifo_mode(mode):
    return mode & 0o170000 == 0o010000


def copyfileobj(fsrc, fdst, length=0):
    """Copy the data of file-like object fsrc to file-like object fdst."""
    if not length:
        length = COPY_BUFSIZE
    read = fsrc.read
    write = fdst.write
    while True:
        buf = read(length)
        if not buf:
            break
        write(buf)


def _samefile(src, dst):
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents (no metadata) of the file src to the file dst; return dst."""
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    for i, fn in enumerate([src, dst]):
        try:
            st = os.stat(fn)
        except OSError:
            pass
        else:
            if _is_fifo_mode(st.st_mode):
                fn = os.fspath(fn)
                raise SpecialFileError("`%s` is a named pipe" % fn)
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, 'rb') as fsrc:
        with open(dst, 'wb') as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copy the permission bits from src to dst."""
    if not follow_symlinks and os.path.islink(src) and os.path.islink(dst):
        return  # Linux cannot change a symlink's own mode
    st = os.stat(src)
    os.chmod(dst, st.st_mode & 0o7777)


def copystat(src, dst, *, follow_symlinks=True):
    """Copy the permission bits, last access time and last modification time from src to dst."""
    follow = follow_symlinks or not (os.path.islink(src) and os.path.islink(dst))
    if follow:
        st = os.stat(src)
    else:
        st = os.lstat(src)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=follow)
    if follow:
        os.chmod(dst, st.st_mode & 0o7777)


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and mode bits ("cp src dst"); dst may be a directory. Return the new file's path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copy data and metadata ("cp -p src dst"). Return the new file's path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def _parse_pattern(pat):
    """A glob pattern as tokens: ('*',), ('?',), ('[', negate, body) or ('=', char)."""
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1] != ('*',):
                tokens.append(('*',))
        elif c == '?':
            tokens.append(('?',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            j = pat.find(']', j)
            if j < 0:
                tokens.append(('=', '['))
            else:
                body = pat[i:j]
                negate = body.startswith('!')
                tokens.append(('[', negate, body[1:] if negate else body))
                i = j + 1
        else:
            tokens.append(('=', c))
    return tokens


def _in_set(ch, body):
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == '-':
            if body[i] <= ch <= body[i + 2]:
                return True
            i += 3
        else:
            if body[i] == ch:
                return True
            i += 1
    return False


def _match(name, pat):
    """Shell-style match of name against pat ('*', '?', '[seq]', '[!seq]'), case-sensitive."""
    states = {0}
    tokens = _parse_pattern(pat)

    def close(states):
        out = set(states)
        for k in sorted(states):
            t = k
            while t < len(tokens) and tokens[t] == ('*',):
                t += 1
                out.add(t)
        return out

    states = close(states)
    for ch in name:
        nxt = set()
        for k in states:
            if k >= len(tokens):
                continue
            tok = tokens[k]
            kind = tok[0]
            if kind == '*':
                nxt.add(k)
            elif kind == '?' or (kind == '=' and tok[1] == ch) or (kind == '[' and _in_set(ch, tok[2]) != tok[1]):
                nxt.add(k + 1)
        states = close(nxt)
        if not states:
            return False
    return len(tokens) in states


def ignore_patterns(*patterns):
    """A copytree() ignore function skipping names that match any of the glob-style patterns."""
    def _ignore_patterns(path, names):
        ignored = []
        for name in names:
            for pat in patterns:
                if _match(name, pat):
                    ignored.append(name)
                    break
        return set(ignored)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy the directory tree src to dst (which must not exist unless
    dirs_exist_ok); errors are collected and raised as one Error at the end."""
    names = sorted(os.listdir(src))
    ignored = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        try:
            if os.path.islink(srcname):
                linkto = os.readlink(srcname)
                if symlinks:
                    os.symlink(linkto, dstname)
                    copystat(srcname, dstname, follow_symlinks=False)
                else:
                    if not os.path.exists(linkto) and not os.path.exists(os.path.join(os.path.dirname(srcname), linkto)):
                        if ignore_dangling_symlinks:
                            continue
                    if os.path.isdir(srcname):
                        copytree(srcname, dstname, symlinks, ignore, copy_function,
                                 ignore_dangling_symlinks, dirs_exist_ok)
                    else:
                        copy_function(srcname, dstname)
            elif os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def _rmtree_inner(path, onerror):
    try:
        names = os.listdir(path)
    except OSError:
        onerror(getattr(os, 'scandir', os.listdir), path, sys.exc_info())
        names = []
    for name in names:
        fullname = os.path.join(path, name)
        try:
            is_dir = _is_dir_mode(os.lstat(fullname).st_mode)
        except OSError:
            is_dir = False
        if is_dir:
            _rmtree_inner(fullname, onerror)
        else:
            try:
                os.unlink(fullname)
            except OSError:
                onerror(os.unlink, fullname, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Recursively delete a directory tree. Errors go to onerror(func, path, exc_info),
    are ignored with ignore_errors, and are raised otherwise."""
    if dir_fd is not None:
        raise NotImplementedError('rmtree: dir_fd is not supported by Spindle')
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        st = os.lstat(path)
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    if not _is_dir_mode(st.st_mode):
        if os.path.islink(path):
            try:
                raise OSError("Cannot call rmtree on a symbolic link")
            except OSError:
                onerror(os.path.islink, path, sys.exc_info())
            return
    _rmtree_inner(path, onerror)


rmtree.avoids_symlink_attacks = False


def _basename(path):
    sep = os.path.sep + (os.path.altsep or '')
    return os.path.basename(path.rstrip(sep))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.path.sep):
        src += os.path.sep
    if not dst.endswith(os.path.sep):
        dst += os.path.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Move a file or directory to another location ("mv"); return the destination."""
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(os.fspath(src)))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.islink(src):
            linkto = os.readlink(src)
            os.symlink(linkto, real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


def _access_check(fn, mode):
    return os.path.exists(fn) and os.access(fn, mode) and not os.path.isdir(fn)


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the program cmd as found on PATH (or path), or None."""
    use_bytes = isinstance(cmd, bytes)
    if os.path.dirname(cmd):
        if _access_check(cmd, mode):
            return cmd
        return None
    if path is None:
        path = os.environ.get('PATH', None)
        if path is None:
            path = os.defpath if hasattr(os, 'defpath') else '/bin:/usr/bin'
    if not path:
        return None
    if use_bytes:
        path = os.fsencode(path)
        path = path.split(os.fsencode(os.pathsep))
    else:
        path = os.fsdecode(path)
        path = path.split(os.pathsep)
    seen = set()
    for d in path:
        normdir = os.path.normcase(d)
        if normdir not in seen:
            seen.add(normdir)
            name = os.path.join(d, cmd)
            if _access_check(name, mode):
                return name
    return None
