print('_circ_b start')
import _circ_a
B_VALUE = 'b'
print('_circ_b sees _circ_a has A_VALUE:', hasattr(_circ_a, 'A_VALUE'))
