"""Connections: message channels between processes over OS pipes, and wait().

A message is a 4-byte big-endian signed length followed by the bytes (lengths of 2 GiB and
more: -1 then an 8-byte length), as CPython's Connection writes them. A duplex Connection
holds two pipes (one per direction); a one-way one holds a single end.

Listener and Client (sockets) are not available: Spindle has no socket module yet."""

import os
import select
import time

from . import reduction

__all__ = ['Client', 'Listener', 'Pipe', 'wait', 'Connection']

_ForkingPickler = reduction.ForkingPickler

_READ_CHUNK = 1 << 20


class Connection:
    """One end of a Pipe(): send()/recv() pickled objects, send_bytes()/recv_bytes() raw
    messages, poll() for data."""

    def __init__(self, rfd=None, wfd=None):
        if rfd is None and wfd is None:
            raise ValueError('at least one of the read and write ends must be given')
        self._rfd = rfd
        self._wfd = wfd

    # ----- state -----

    def _check_closed(self):
        if self._rfd is None and self._wfd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if self._rfd is None:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if self._wfd is None:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        """True if the connection is closed."""
        return self._rfd is None and self._wfd is None

    @property
    def readable(self):
        """True if the connection is readable."""
        return self._rfd is not None

    @property
    def writable(self):
        """True if the connection is writable."""
        return self._wfd is not None

    def fileno(self):
        """The descriptor to wait on (the read end if there is one)."""
        self._check_closed()
        return self._rfd if self._rfd is not None else self._wfd

    def close(self):
        """Close the connection (both ends it holds)."""
        rfd, wfd = self._rfd, self._wfd
        self._rfd = self._wfd = None
        for fd in (rfd, wfd):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass

    def __del__(self):
        if getattr(self, '_rfd', None) is not None or getattr(self, '_wfd', None) is not None:
            self.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __repr__(self):
        return '<%s rfd=%s wfd=%s>' % (type(self).__name__, self._rfd, self._wfd)

    # ----- raw I/O -----

    def _write_all(self, data):
        fd = self._wfd
        n = len(data)
        done = os.write(fd, data)
        while done < n:
            done += os.write(fd, data[done:])

    def _read_exact(self, n, what='message'):
        fd = self._rfd
        if n <= _READ_CHUNK:
            first = os.read(fd, n)
            if len(first) == n:
                return first
            if not first:
                return None
            chunks = [first]
            got = len(first)
        else:
            chunks = []
            got = 0
        while got < n:
            chunk = os.read(fd, min(n - got, _READ_CHUNK))
            if not chunk:
                if got == 0:
                    return None
                raise EOFError('got end of file during %s' % what)
            chunks.append(chunk)
            got += len(chunk)
        return b''.join(chunks)

    def _send_bytes(self, data):
        n = len(data)
        if n > 0x7fffffff:
            header = (-1).to_bytes(4, 'big', signed=True) + n.to_bytes(8, 'big')
        else:
            header = n.to_bytes(4, 'big', signed=True)
        if n < 65536:
            self._write_all(header + data)
        else:
            self._write_all(header)
            self._write_all(data)

    def _recv_bytes(self, maxsize=None):
        header = self._read_exact(4, 'message header')
        if header is None:
            raise EOFError
        size = int.from_bytes(header, 'big', signed=True)
        if size == -1:
            big = self._read_exact(8, 'message header')
            if big is None:
                raise EOFError('got end of file during message')
            size = int.from_bytes(big, 'big')
        if maxsize is not None and size > maxsize:
            return None
        if size == 0:
            return b''
        data = self._read_exact(size)
        if data is None:
            raise EOFError('got end of file during message')
        return data

    def _poll(self, timeout):
        if timeout is not None and timeout < 0:
            timeout = 0
        r = select.select([self._rfd], [], [], timeout)[0]
        return bool(r)

    # ----- the API -----

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes of a bytes-like object (a slice of it with offset/size)."""
        self._check_closed()
        self._check_writable()
        data = bytes(buf)
        n = len(data)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        if offset or size != n:
            data = data[offset:offset + size]
        self._send_bytes(data)

    def send(self, obj):
        """Send a picklable object."""
        self._check_closed()
        self._check_writable()
        self._send_bytes(_ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receive one message as bytes (EOFError when the other end is closed)."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self.close()
            raise OSError("bad message length")
        return buf

    def recv_bytes_into(self, buf, offset=0):
        """Receive one message into a writable buffer; returns its length (BufferTooShort,
        holding the message, if it does not fit)."""
        self._check_closed()
        self._check_readable()
        if offset < 0:
            raise ValueError("negative offset")
        if offset > len(buf):
            raise ValueError("offset too large")
        data = self._recv_bytes()
        n = len(data)
        if n > len(buf) - offset:
            from . import BufferTooShort
            raise BufferTooShort(data)
        buf[offset:offset + n] = data
        return n

    def recv(self):
        """Receive a pickled object."""
        self._check_closed()
        self._check_readable()
        return _ForkingPickler.loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        """Is there data to read (or end of file)? Waits at most timeout seconds (None:
        until there is)."""
        self._check_closed()
        self._check_readable()
        return self._poll(timeout)


def Pipe(duplex=True):
    """A pair of connected Connections: (c1, c2); with duplex=False c1 can only receive and
    c2 can only send."""
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        return Connection(r1, w2), Connection(r2, w1)
    r, w = os.pipe()
    return Connection(r, None), Connection(None, w)


def wait(object_list, timeout=None):
    """Wait until some objects of object_list are ready (a Connection with data or end of
    file, a Process sentinel of a finished process, any object with fileno() or an int
    descriptor that is readable); returns the ready ones, [] after timeout seconds."""
    fds = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        fds.setdefault(fd, []).append(obj)
    if not fds:
        if timeout is not None:
            time.sleep(timeout)
        return []
    if timeout is not None and timeout < 0:
        timeout = 0
    ready = select.select(list(fds), [], [], timeout)[0]
    out = []
    for fd in ready:
        out.extend(fds[fd])
    return out


class Listener:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError('multiprocessing.connection.Listener needs sockets, which '
                                  'Spindle does not have yet')


def Client(*args, **kwargs):
    raise NotImplementedError('multiprocessing.connection.Client needs sockets, which '
                              'Spindle does not have yet')


def _reduce_connection(conn):
    rfd = reduction.DupFd(conn._rfd) if conn._rfd is not None else None
    wfd = reduction.DupFd(conn._wfd) if conn._wfd is not None else None
    return _rebuild_connection, (rfd, wfd)


def _rebuild_connection(rfd, wfd):
    return Connection(rfd, wfd)


reduction.register(Connection, _reduce_connection)
