# A circular import sees the partially initialised module.
import _circ_a
print(_circ_a.A_VALUE, _circ_a.from_b())
import _circ_b
print(_circ_b._circ_a is _circ_a)
