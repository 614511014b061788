"""atexit: functions to run when the interpreter exits normally.

The runtime calls the registered functions (last registered first) after the main module has
finished and non-daemon threads have been joined; an exception in one is reported
("Exception ignored in atexit callback: ...") and the others still run.  Not run when the
process ends by a signal or os._exit()."""

# (func, args, kwargs) in registration order; the runtime pops from the end.
_exithandlers = []


def register(func, *args, **kwargs):
    """Register func(*args, **kwargs) to be called at exit; returns func (a decorator)."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Remove every registration of func (no error if there is none)."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    """Call and forget the registered functions now (last registered first)."""
    import sys
    import traceback
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            print('Exception ignored in atexit callback: %r' % (func,), file=sys.stderr)
            traceback.print_exception(exc)
