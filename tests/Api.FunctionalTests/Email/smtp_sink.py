"""A real SMTP server (aiosmtpd) for tests: stores each received message as a .eml file.

Usage: /usr/bin/python3 smtp_sink.py PORT DIRECTORY  (prints "ready" once listening on 127.0.0.1).
"""
import os
import sys
import time
import uuid

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.directory, f"{time.time_ns()}-{uuid.uuid4().hex}.eml")
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name)
        return "250 OK"


controller = Controller(Store(sys.argv[2]), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
while True:
    time.sleep(3600)
