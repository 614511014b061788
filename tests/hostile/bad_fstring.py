x = 1
s = f"{x"
t = f"{"
u = f"{x!z}"
