print('init _pkg', __name__, __package__)
from .core import core_value
from . import util
VERSION = '1.0'
