"""Streams over sockets: open_connection, start_server, StreamReader, StreamWriter.

Spindle's own design: no transport/protocol layer; a StreamReader receives from its
non-blocking socket when a read needs more data, a StreamWriter sends at once and leaves the
rest to a writer callback of the loop.
"""

__all__ = ('StreamReader', 'StreamWriter', 'open_connection', 'start_server', 'Server')

import errno
import socket

from . import events
from . import exceptions
from . import tasks

_DEFAULT_LIMIT = 2 ** 16  # 64 KiB


def _family_for(host):
    return socket.AF_INET6 if host is not None and ':' in str(host) else socket.AF_INET


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, sock=None):
    """Connect to (host, port): return a (StreamReader, StreamWriter) pair."""
    loop = events.get_running_loop()
    if sock is None:
        sock = socket.socket(_family_for(host), socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            await _connect(loop, sock, (host, port))
        except BaseException:
            sock.close()
            raise
    else:
        sock.setblocking(False)
    reader = StreamReader(limit=limit, loop=loop)
    reader._sock = sock
    writer = StreamWriter(sock, reader, loop)
    return reader, writer


async def _connect(loop, sock, address):
    try:
        sock.connect(address)
        return
    except (BlockingIOError, InterruptedError):
        pass
    await loop._wait_fd(sock, read=False)
    try:
        sock.connect(address)
    except OSError as e:
        if e.errno != errno.EISCONN:
            raise OSError(e.errno, f'Connect call failed {address}') from None


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, backlog=100, reuse_address=True, start_serving=True):
    """Start a socket server calling client_connected_cb(reader, writer) per connection."""
    loop = events.get_running_loop()
    if host is None or host == '':
        host = '0.0.0.0'
    sock = socket.socket(_family_for(host), socket.SOCK_STREAM)
    try:
        if reuse_address:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port or 0))
        sock.listen(backlog)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    server = Server(loop, [sock], client_connected_cb, limit)
    if start_serving:
        server._start_serving()
    return server


class Server:
    """A listening server made by start_server()."""

    def __init__(self, loop, sockets, client_connected_cb, limit):
        self._loop = loop
        self._sockets = sockets
        self._cb = client_connected_cb
        self._limit = limit
        self._serving = False
        self._serving_forever_fut = None
        self._waiters = []
        self._active = 0

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            self._loop.add_reader(sock.fileno(), self._accept, sock)

    def _accept(self, sock):
        for _ in range(100):
            try:
                conn, addr = sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({'message': 'socket.accept() out of system resource',
                                                   'exception': exc, 'socket': sock})
                return
            conn.setblocking(False)
            reader = StreamReader(limit=self._limit, loop=self._loop)
            reader._sock = conn
            writer = StreamWriter(conn, reader, self._loop)
            res = self._cb(reader, writer)
            if tasks.coroutines.iscoroutine(res):
                self._loop.create_task(res)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        waiters, self._waiters = self._waiters, None
        for w in waiters or ():
            if not w.done():
                w.set_result(None)

    async def start_serving(self):
        self._start_serving()

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class StreamReader:
    """Reads from a socket: read, readline, readexactly, readuntil."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = loop if loop is not None else events.get_event_loop()
        self._buffer = bytearray()
        self._eof = False
        self._exception = None
        self._sock = None
        self._waiter = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        w = self._waiter
        if w is not None:
            self._waiter = None
            if not w.cancelled():
                w.set_exception(exc)

    def feed_eof(self):
        self._eof = True
        self._wakeup()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup()

    def _wakeup(self):
        w = self._waiter
        if w is not None:
            self._waiter = None
            if not w.cancelled():
                w.set_result(None)

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is already waiting for incoming data')
        if self._sock is None:
            self._waiter = self._loop.create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
            return
        try:
            data = await self._loop.sock_recv(self._sock, max(self._limit, 4096))
        except OSError as exc:
            self._exception = exc
            raise
        if data:
            self._buffer.extend(data)
        else:
            self._eof = True

    async def readline(self):
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + seplen]
            else:
                self._buffer.clear()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError('Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise exceptions.LimitOverrunError('Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]
        del self._buffer[:isep + seplen]
        return bytes(chunk)

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        if len(self._buffer) == n:
            data = bytes(self._buffer)
            self._buffer.clear()
        else:
            data = bytes(self._buffer[:n])
            del self._buffer[:n]
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:
    """Writes to a socket: write, writelines, drain, close, wait_closed."""

    def __init__(self, sock, reader, loop):
        self._sock = sock
        self._reader = reader
        self._loop = loop
        self._buffer = bytearray()
        self._closing = False
        self._closed = False
        self._eof_pending = False
        self._drain_waiters = []
        self._close_waiters = []

    def __repr__(self):
        info = [self.__class__.__name__, f'sock={self._sock!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        raise NotImplementedError("Spindle's asyncio streams have no transport objects")

    def get_extra_info(self, name, default=None):
        sock = self._sock
        try:
            if name == 'socket':
                return sock
            if name == 'peername':
                return sock.getpeername()
            if name == 'sockname':
                return sock.getsockname()
        except OSError:
            return default
        return default

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._closing:
            return
        if not data:
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._fatal(exc)
                return
            data = data[n:]
            if not data:
                return
            self._loop.add_writer(self._sock.fileno(), self._write_ready)
        self._buffer.extend(data)

    def _write_ready(self):
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._loop.remove_writer(self._sock.fileno())
            self._fatal(exc)
            return
        del self._buffer[:n]
        if not self._buffer:
            self._loop.remove_writer(self._sock.fileno())
            self._flushed()

    def _flushed(self):
        waiters, self._drain_waiters = self._drain_waiters, []
        for w in waiters:
            if not w.done():
                w.set_result(None)
        if self._eof_pending:
            self._eof_pending = False
            try:
                self._sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        if self._closing and not self._closed:
            self._do_close()

    def _fatal(self, exc):
        self._buffer.clear()
        waiters, self._drain_waiters = self._drain_waiters, []
        for w in waiters:
            if not w.done():
                w.set_exception(exc)
        self._closing = True
        self._do_close()

    def writelines(self, data):
        for d in data:
            self.write(d)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._buffer:
            self._eof_pending = True
        else:
            self._sock.shutdown(socket.SHUT_WR)

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._loop.call_soon(self._do_close)

    def _do_close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self._loop.remove_writer(self._sock.fileno())
        except (OSError, ValueError):
            pass
        self._sock.close()
        waiters, self._close_waiters = self._close_waiters, []
        for w in waiters:
            if not w.done():
                w.set_result(None)

    async def wait_closed(self):
        if self._closed:
            return
        w = self._loop.create_future()
        self._close_waiters.append(w)
        await w

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._closing and self._closed:
            await tasks.sleep(0)
        if not self._buffer:
            return
        w = self._loop.create_future()
        self._drain_waiters.append(w)
        await w
