# Traceback through a function defined in a support module.
import _tb_helper
print('calling helper')
_tb_helper.explode(3)
