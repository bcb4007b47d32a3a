"""Local stand-ins for the outside parts of mail delivery: an SMTP server on a free loopback
port, and the task worker's step for each task that is due."""

import email
import socketserver
import threading
from collections import Counter

from django.test import TestCase
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

TASK_BACKENDS = {
    "worker": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def queued_mail(server, tasks="worker", retry_delays=(0.5, 0.5)):
    """Settings that send the site's mail through the queue to `server`, with the tasks run by a
    worker (the database backend, as in production) or at once (the embedded default)."""
    return {
        "EMAIL_BACKEND": "operations.mail.QueuedEmailBackend",
        "MAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": server.port,
        "EMAIL_TIMEOUT": 2,
        "MAIL_RETRY_DELAYS": list(retry_delays),
        "TASKS": {"default": {"BACKEND": TASK_BACKENDS[tasks]}},
    }


class SMTPServer:
    """Refuses every connection with 421, as a mail server that is down, until `refusing` is
    set to False; then it takes mail and keeps each message in `messages`."""

    def __init__(self):
        self.refusing = True
        self.messages = []
        owner = self

        class Conversation(socketserver.StreamRequestHandler):
            def handle(self):
                owner.converse(self.rfile, self.wfile)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Conversation)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self._server.shutdown()
        self._server.server_close()

    def converse(self, rfile, wfile):
        def reply(line):
            wfile.write(f"{line}\r\n".encode())
            wfile.flush()

        if self.refusing:
            reply("421 Service not available, closing transmission channel")
            return
        reply("220 localhost ESMTP")
        for line in rfile:
            verb = line[:4].decode().upper()
            if verb in ("EHLO", "HELO"):
                reply("250 localhost")
            elif verb == "DATA":
                reply("354 End data with <CR><LF>.<CR><LF>")
                self.messages.append(email.message_from_bytes(self._read_data(rfile)))
                reply("250 OK")
            elif verb == "QUIT":
                reply("221 Bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                reply("250 OK")

    @staticmethod
    def _read_data(rfile):
        lines = []
        for line in rfile:
            if line.rstrip(b"\r\n") == b".":
                break
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)


def run_due_tasks():
    """What `manage.py db_worker` does with each task that is due, one after the other. (Its
    loop also recycles database connections, which would end the test's transaction.)"""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while (due := DBTaskResult.objects.ready().get_locked()) is not None:
        due.claim(worker.worker_id)
        # The worker runs outside any transaction, where on_commit callbacks (a mail the task
        # queues) run at once; inside the test's transaction they are run here.
        with TestCase.captureOnCommitCallbacks(execute=True):
            worker.run_task(due)


def task_states():
    return dict(Counter(DBTaskResult.objects.values_list("status", flat=True)))


def recipients(server):
    return sorted(message["To"] for message in server.messages)
