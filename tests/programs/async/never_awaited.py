# a coroutine that never ran warns when it is freed; closing it first does not
async def job():
    print("never runs")

job()
print("after first")
c = job()
c.close()
del c
print("after close")

def helper():
    job()
    return "helper done"

print(helper())
