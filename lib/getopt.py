"""getopt: command-line option parsing in the style of C's getopt() (Spindle's own
implementation of CPython 3.11's module)."""

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]

import os


class GetoptError(Exception):
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _longopts(longopts):
    return [longopts] if isinstance(longopts, str) else list(longopts)


def getopt(args, shortopts, longopts=[]):
    """Parse options at the front of args: ([(option, value)...], remaining arguments).

    shortopts: letters, each followed by ':' if it takes an argument; longopts: names,
    each followed by '=' if it takes an argument.  Parsing stops at the first non-option."""
    opts = []
    longopts = _longopts(longopts)
    while args and args[0].startswith('-') and args[0] != '-':
        if args[0] == '--':
            args = args[1:]
            break
        if args[0].startswith('--'):
            args = _do_long(opts, args[0][2:], longopts, args[1:])
        else:
            args = _do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt, but options and other arguments may be mixed (GNU style), unless
    shortopts starts with '+' or POSIXLY_CORRECT is set."""
    opts = []
    rest = []
    longopts = _longopts(longopts)
    if shortopts.startswith('+'):
        shortopts = shortopts[1:]
        options_first = True
    else:
        options_first = bool(os.environ.get("POSIXLY_CORRECT"))
    while args:
        arg = args[0]
        if arg == '--':
            rest += args[1:]
            break
        if arg[:2] == '--':
            args = _do_long(opts, arg[2:], longopts, args[1:])
        elif arg[:1] == '-' and arg != '-':
            args = _do_shorts(opts, arg[1:], shortopts, args[1:])
        elif options_first:
            rest += args
            break
        else:
            rest.append(arg)
            args = args[1:]
    return opts, rest


def _do_long(opts, opt, longopts, args):
    opt, eq, value = opt.partition('=')
    optarg = value if eq else None
    has_arg, opt = _long_has_args(opt, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError('option --%s requires argument' % opt, opt)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError('option --%s must not have an argument' % opt, opt)
    opts.append(('--' + opt, optarg or ''))
    return args


def _long_has_args(opt, longopts):
    matches = [o for o in longopts if o.startswith(opt)]
    if not matches:
        raise GetoptError('option --%s not recognized' % opt, opt)
    if opt in matches:
        return False, opt
    if opt + '=' in matches:
        return True, opt
    if len(matches) > 1:
        raise GetoptError('option --%s not a unique prefix' % opt, opt)
    match = matches[0]
    if match.endswith('='):
        return True, match[:-1]
    return False, match


def _do_shorts(opts, letters, shortopts, args):
    while letters:
        opt, letters = letters[0], letters[1:]
        if _short_has_arg(opt, shortopts):
            if not letters:
                if not args:
                    raise GetoptError('option -%s requires argument' % opt, opt)
                letters, args = args[0], args[1:]
            optarg, letters = letters, ''
        else:
            optarg = ''
        opts.append(('-' + opt, optarg))
    return args


def _short_has_arg(opt, shortopts):
    for i, c in enumerate(shortopts):
        if opt == c != ':':
            return shortopts.startswith(':', i + 1)
    raise GetoptError('option -%s not recognized' % opt, opt)
