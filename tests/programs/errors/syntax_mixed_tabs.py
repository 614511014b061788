# TabError: inconsistent use of tabs and spaces.
if True:
        a = 1
	b = 2
