# SyntaxError: an unterminated triple-quoted string.
doc = """starts here
and never
ends
