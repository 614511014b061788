print("ok")
name = "café"
print(name)
