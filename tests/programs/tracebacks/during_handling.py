# An exception raised in an except block: both tracebacks are printed.
def load(d):
    try:
        return d['missing']
    except KeyError:
        return undefined_fallback
load({})
