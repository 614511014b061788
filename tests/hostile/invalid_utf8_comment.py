# comment ÿþý
print(1)
