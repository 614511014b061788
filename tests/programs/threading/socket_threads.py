# socket: socketpair and a TCP server on localhost, served by threads (blocking calls release the GIL)
import socket, threading

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.gettimeout())
a.sendall(b"hello")
print(b.recv(64))
def echo(sock):
    while True:
        data = sock.recv(64)
        if not data:
            break
        sock.sendall(data.upper())
t = threading.Thread(target=echo, args=(b,))
t.start()
replies = []
for word in [b"one", b"two", b"three"]:
    a.sendall(word)
    replies.append(a.recv(64))
print(replies)
a.settimeout(0.05)
try:
    a.recv(10)
except TimeoutError as e:
    print("TimeoutError:", e)
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno > 0)
a.setblocking(True)
a.shutdown(socket.SHUT_WR)
t.join()
a.close(); b.close()
print(a.fileno())
try:
    a.recv(1)
except OSError as e:
    print("OSError:", e)

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, type(port) is int and port > 0)
def serve():
    conn, addr = srv.accept()
    with conn:
        total = 0
        while True:
            data = conn.recv(1024)
            if not data:
                break
            total += len(data)
        conn.sendall(str(total).encode())
st = threading.Thread(target=serve)
st.start()
with socket.create_connection((host, port)) as c:
    c.sendall(b"x" * 100000)
    c.shutdown(socket.SHUT_WR)
    print(c.recv(64))
st.join()
srv.close()
