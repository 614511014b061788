# SyntaxError: two expressions side by side inside brackets.
values = [1, 2
          3]
