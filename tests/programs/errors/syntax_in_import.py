# A SyntaxError in an imported module is raised at the import.
print('before import')
import _bad_syntax_mod
print('never')
