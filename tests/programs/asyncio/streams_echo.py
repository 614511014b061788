# asyncio streams: an echo server (start_server) and a client (open_connection) over TCP
import asyncio

async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for word in [b"hello\n", b"async\n", b"world\n"]:
            writer.write(word)
            await writer.drain()
            print(await reader.readline())
        writer.write(b"x" * 60000 + b"\n")
        data = await reader.readexactly(60001)
        print(len(data), data[:3], data[-1:])
        writer.write_eof()
        print(await reader.read(), reader.at_eof())
        writer.close()
        await writer.wait_closed()
    print("server closed", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        print("connection refused")

asyncio.run(main())
