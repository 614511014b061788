print('_raises_mod starting')
partial = 'set before error'
raise ValueError('module failed during import')
