from ..core import core_value
from .. import VERSION
from . import sibling
print('loading _pkg.sub.leaf', __name__, __package__)
def info():
    return (core_value, VERSION, sibling.NAME)
