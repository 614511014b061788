"""The spawn start method: a child is a new interpreter (sys.executable) that receives the
preparation data and the pickled Process object over a pipe, imports the parent's main
script as __mp_main__ (so its `if __name__ == '__main__':` block does not run), and
bootstraps the Process."""

import io
import os
import sys

from . import process
from . import reduction
from . import util

__all__ = ['_main', 'freeze_support', 'set_executable', 'get_executable',
           'get_preparation_data', 'get_command_line', 'import_main_path']

WINEXE = False
WINSERVICE = False

_executable = sys.executable


def set_executable(exe):
    global _executable
    _executable = os.fsdecode(exe) if not isinstance(exe, str) else exe


def get_executable():
    return _executable


def is_forking(argv):
    """Is this command line that of a spawned child?"""
    return len(argv) >= 2 and argv[1] == '--multiprocessing-fork'


def freeze_support():
    """Nothing to do: Spindle programs are not frozen executables."""


def get_command_line(**kwds):
    """The arguments that start a spawned child (after the executable)."""
    args = ', '.join('%s=%r' % item for item in sorted(kwds.items()))
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)' % args
    return [_executable, '-c', prog, '--multiprocessing-fork']


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    """Entry point of a spawned child: read what the parent sent on pipe_handle, prepare,
    run the Process, exit with its code."""
    assert is_forking(sys.argv), "Not forking"
    exitcode = _main(pipe_handle, pipe_handle)
    sys.exit(exitcode)


def _read_exact(fd, n):
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError('the parent process ended before sending the process data')
        chunks.append(chunk)
        n -= len(chunk)
    return b''.join(chunks)


def _main(fd, parent_sentinel):
    size = int.from_bytes(_read_exact(fd, 8), 'big')
    stream = io.BytesIO(_read_exact(fd, size))
    current = process.current_process()
    current._inheriting = True
    try:
        preparation_data = reduction.pickle.load(stream)
        prepare(preparation_data)
        self = reduction.pickle.load(stream)
    finally:
        del current._inheriting
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


def get_preparation_data(name):
    """What a spawned child needs to look like this process."""
    _check_not_importing_main()
    current = process.current_process()
    d = dict(
        log_to_stderr=False,
        authkey=current.authkey,
        name=name,
        sys_path=list(sys.path),
        sys_argv=list(sys.argv),
        orig_dir=process.ORIGINAL_DIR,
        dir=os.getcwd(),
    )
    from .context import _default_context
    d['start_method'] = _default_context.get_start_method()
    main_module = sys.modules.get('__main__')
    main_path = getattr(main_module, '__file__', None)
    if main_path is not None:
        if not os.path.isabs(main_path) and process.ORIGINAL_DIR is not None:
            main_path = os.path.join(process.ORIGINAL_DIR, main_path)
        d['init_main_from_path'] = os.path.normpath(main_path)
    return d


old_main_modules = []


def prepare(data):
    """Make this (spawned) process look like its parent."""
    current = process.current_process()
    if 'name' in data:
        current.name = data['name']
    if 'authkey' in data:
        current.authkey = data['authkey']
    if 'sys_path' in data:
        sys.path = data['sys_path']
    if 'sys_argv' in data:
        sys.argv = data['sys_argv']
    if 'dir' in data:
        os.chdir(data['dir'])
    if 'orig_dir' in data:
        process.ORIGINAL_DIR = data['orig_dir']
    if 'start_method' in data:
        from .context import _force_start_method
        _force_start_method(data['start_method'])
    if 'init_main_from_path' in data:
        _fixup_main_from_path(data['init_main_from_path'])


def _fixup_main_from_path(main_path):
    """Run the parent's main script as module __mp_main__ and make it __main__ too."""
    current_main = sys.modules['__main__']
    if getattr(current_main, '__file__', None) == main_path:
        return
    old_main_modules.append(current_main)
    import_main_path(main_path)


def import_main_path(main_path):
    """Import the script main_path as __mp_main__ (also known as __main__)."""
    import types
    with open(main_path, 'rb') as f:
        source = f.read()
    code = compile(source, main_path, 'exec')
    module = types.ModuleType('__mp_main__')
    module.__file__ = main_path
    module.__builtins__ = __builtins__
    sys.modules['__main__'] = sys.modules['__mp_main__'] = module
    exec(code, module.__dict__)
