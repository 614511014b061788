print('_circ_a start')
import _circ_b
A_VALUE = 'a'
def from_b():
    return _circ_b.B_VALUE
print('_circ_a end')
