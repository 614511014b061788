"""timeit: measure the execution time of small code snippets (Spindle's own implementation
of CPython 3.11's module).

Command line: python -m timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [statement ...]
  -n/--number N   how many times to execute the statement (default: until 0.2 s)
  -r/--repeat N   how many times to repeat the timer (default 5)
  -s/--setup S    statement executed once first (default 'pass'; may be repeated)
  -p/--process    measure process time (time.process_time) instead of wall time
  -u/--unit U     the unit of the result: nsec, usec, msec or sec
  -v/--verbose    print the raw timings (repeat for more digits)
  -h/--help       print this message and exit

Timer.print_exc prints the traceback without the source lines of the timed code (Spindle
has no linecache)."""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals

# The timed function: the setup, then the statement in a loop between two timer reads.
_TEMPLATE = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def _indent(src, n):
    return src.replace("\n", "\n" + " " * n)


class Timer:
    """Times stmt (a string of code or a callable) after running setup once per timing.

    Code strings run in a function whose globals are `globals` (this module's namespace
    when None)."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        init = ''
        if isinstance(setup, str):
            compile(setup, dummy_src_name, "exec")
            prefix = setup + '\n'
            setup = _indent(setup, 4)
        elif callable(setup):
            local_ns['_setup'] = setup
            init += ', _setup=_setup'
            prefix = ''
            setup = '_setup()'
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(prefix + stmt, dummy_src_name, "exec")
            stmt = _indent(stmt, 8)
        elif callable(stmt):
            local_ns['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError("stmt is neither a string nor callable")
        self.src = _TEMPLATE.format(stmt=stmt, setup=setup, init=init)
        exec(compile(self.src, dummy_src_name, "exec"), global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled (raised by the timed code)."""
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken by number executions of the statement (garbage collection off)."""
        it = itertools.repeat(None, number)
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            return self.inner(it, self.timer)
        finally:
            if gc_was_on:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of repeat timings of number executions each."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """(number, time taken) for the first number in 1, 2, 5, 10, 20, 50... whose timing
        takes at least 0.2 seconds; callback(number, time_taken) after each timing."""
        i = 1
        while True:
            for j in (1, 2, 5):
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number,
           globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)"""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)"""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


def main(args=None, *, _wrap_timer=None):
    """The command line (see the module docstring); returns an exit status or None."""
    import getopt
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = getopt.getopt(args, "n:u:s:r:tcpvh",
                                   ["number=", "setup=", "repeat=", "time", "clock",
                                    "process", "verbose", "unit=", "help"])
    except getopt.error as err:
        print(err)
        print("use -h/--help for command line help")
        return 2
    timer = default_timer
    stmt = "\n".join(args) or "pass"
    number = 0
    setup = []
    repeat = default_repeat
    verbose = 0
    time_unit = None
    units = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}
    precision = 3
    for o, a in opts:
        if o in ("-n", "--number"):
            number = int(a)
        if o in ("-s", "--setup"):
            setup.append(a)
        if o in ("-u", "--unit"):
            if a in units:
                time_unit = a
            else:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.",
                      file=sys.stderr)
                return 2
        if o in ("-r", "--repeat"):
            repeat = max(int(a), 1)
        if o in ("-p", "--process"):
            timer = time.process_time
        if o in ("-v", "--verbose"):
            if verbose:
                precision += 1
            verbose += 1
        if o in ("-h", "--help"):
            print(__doc__, end=' ')
            return 0
    setup = "\n".join(setup) or "pass"
    import os
    sys.path.insert(0, os.curdir)
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)
    t = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                print("{num} loop{s} -> {secs:.{prec}g} secs".format(
                    num=number, s='s' if number != 1 else '', secs=time_taken,
                    prec=precision))
        try:
            number, _ = t.autorange(callback)
        except:
            t.print_exc()
            return 1
        if verbose:
            print()
    try:
        raw_timings = t.repeat(repeat, number)
    except:
        t.print_exc()
        return 1

    def format_time(dt):
        unit = time_unit
        if unit is not None:
            scale = units[unit]
        else:
            for unit, scale in sorted(units.items(), key=lambda kv: kv[1], reverse=True):
                if dt >= scale:
                    break
        return "%.*g %s" % (precision, dt / scale, unit)

    if verbose:
        print("raw times: %s" % ", ".join(map(format_time, raw_timings)))
        print()
    timings = [dt / number for dt in raw_timings]
    best = min(timings)
    print("%d loop%s, best of %d: %s per loop"
          % (number, 's' if number != 1 else '', repeat, format_time(best)))
    worst = max(timings)
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit("The test results are likely unreliable. "
                               "The worst time (%s) was more than four times "
                               "slower than the best time (%s)."
                               % (format_time(worst), format_time(best)),
                               UserWarning, '', 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
