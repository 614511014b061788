"""os.scandir, os.DirEntry and os.walk for Spindle, after CPython 3.11's documented behaviour.

The native `os` module loads this on the first call of os.scandir / os.walk.  Entries come
in the directory's own order (os.listdir's), as CPython's readdir-based scandir."""

import os


class DirEntry:
    """One entry of os.scandir(): name, path, and cached type tests and stat results."""

    def __init__(self, dirpath, name):
        self.name = name
        if isinstance(dirpath, bytes):
            self.path = dirpath + name if dirpath.endswith(b'/') else dirpath + b'/' + name
        else:
            self.path = os.path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __fspath__(self):
        return self.path

    def _get_lstat(self):
        if self._lstat is None:
            self._lstat = os.lstat(self.path)
        return self._lstat

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            return self._get_lstat()
        if self._stat is None:
            if self.is_symlink():
                self._stat = os.stat(self.path)
            else:
                self._stat = self._get_lstat()
        return self._stat

    def inode(self):
        return self._get_lstat().st_ino

    def is_symlink(self):
        try:
            return self._get_lstat().st_mode & 0o170000 == 0o120000
        except FileNotFoundError:
            return False

    def _is_type(self, bits, follow_symlinks):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return st.st_mode & 0o170000 == bits

    def is_dir(self, *, follow_symlinks=True):
        return self._is_type(0o040000, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is_type(0o100000, follow_symlinks)


class ScandirIterator:
    """The iterator os.scandir() returns; also a context manager (close())."""

    def __init__(self, path, names):
        self._path = path
        self._names = iter(names)
        self._closed = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed:
            raise StopIteration
        for name in self._names:
            return DirEntry(self._path, name)
        self._closed = True
        raise StopIteration

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def scandir(path='.'):
    """An iterator of DirEntry objects for the entries of the directory path."""
    if path is None:
        path = '.'
    if isinstance(path, int):
        raise NotImplementedError('os.scandir() of a file descriptor is not supported by Spindle')
    path = os.fspath(path)
    as_bytes = isinstance(path, bytes)
    text = os.fsdecode(path)
    names = os.listdir(text)
    if as_bytes:
        return ScandirIterator(path, [os.fsencode(n) for n in names])
    return ScandirIterator(text, names)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) for top and every directory
    below it, top-down (dirnames may be pruned in place) or bottom-up."""
    top = os.fspath(top)
    dirs = []
    nondirs = []
    walk_dirs = []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    with scandir_it:
        for entry in scandir_it:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        walk_into = not entry.is_symlink()
                    except OSError:
                        walk_into = False
                if walk_into:
                    walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = os.path.join(top, dirname)
            if followlinks or not os.path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs
