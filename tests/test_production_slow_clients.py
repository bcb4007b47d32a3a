"""Clients that send their request slowly, or never finish it, cannot starve the app servers:
the shipped nginx configuration reads every request whole before a worker sees it (issue:
three half-open connections blocked /healthz for 35 s, one per sync worker)."""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.test_production_health import closed_port
from tests.test_settings import ROOT, production_env

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_conf(tmp_path, listen, app):
    for name in ["body", "proxy", "fastcgi", "uwsgi", "scgi"]:
        (tmp_path / name).mkdir(mode=0o777)
    temp_paths = "".join(
        f"    {name}_temp_path {tmp_path / name};\n"
        for name in ["proxy", "fastcgi", "uwsgi", "scgi"]
    )
    return (
        "events {}\n"
        "http {\n"
        f"    access_log off;\n    client_body_temp_path {tmp_path / 'body'};\n{temp_paths}"
        f"    upstream familientisch_app {{ server 127.0.0.1:{app}; }}\n"
        f"    server {{\n        listen 127.0.0.1:{listen};\n"
        f"        include {ROOT / 'deploy' / 'nginx-proxy.conf.example'};\n    }}\n"
        "}\n"
    )


def wait_for(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port}")


@pytest.fixture
def one_worker_behind_nginx(tmp_path):
    """gunicorn with the shipped settings and a single sync worker (the worst case), and
    nginx with the shipped proxy configuration in front of it."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed")
    app, front = closed_port(), closed_port()
    env = production_env(
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="off",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        WEB_CONCURRENCY="1",
        BIND=f"127.0.0.1:{app}",
    )
    gunicorn = subprocess.Popen(
        [str(Path(ROOT) / ".venv/bin/gunicorn"), "--config", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=os.environ | env | {"DJANGO_SETTINGS_MODULE": "familysite.settings.production"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    (tmp_path / "nginx.conf").write_text(nginx_conf(tmp_path, front, app))
    nginx = subprocess.Popen(
        [
            NGINX,
            "-p",
            str(tmp_path),
            "-c",
            str(tmp_path / "nginx.conf"),
            "-g",
            f"daemon off; pid {tmp_path / 'nginx.pid'}; error_log stderr;",
        ],
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(app)
        wait_for(front)
        yield front
    finally:
        nginx.terminate()
        gunicorn.terminate()
        nginx.wait(10)
        gunicorn.wait(10)


def test_half_open_connections_do_not_block_the_health_check(one_worker_behind_nginx):
    stalled = []
    for _ in range(5):
        connection = socket.create_connection(("127.0.0.1", one_worker_behind_nginx))
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        stalled.append(connection)
    try:
        # Through a bare sync worker this waits for the stalled ones (gunicorn's 30 s timeout).
        with urllib.request.urlopen(
            f"http://127.0.0.1:{one_worker_behind_nginx}/healthz", timeout=10
        ) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    finally:
        for connection in stalled:
            connection.close()
    assert status in (200, 503)  # answered: healthy, or naming what is down
