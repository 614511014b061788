"""Conversion between binary data and ASCII (Spindle's own implementation of CPython
3.11's `binascii`; the conversions are native in `_binascii`)."""

from _binascii import (a2b_base64, b2a_base64, a2b_hex, b2a_hex, hexlify, unhexlify,
                       crc32, crc_hqx)


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = 'binascii'
Incomplete.__module__ = 'binascii'
