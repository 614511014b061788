print('loading _pkg.core', __name__, __package__)
core_value = 'core!'
def describe():
    from .util import helper
    return 'described via ' + helper()
