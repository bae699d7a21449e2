"""The launcher's promises: one clear line for bad configuration, never a traceback."""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DUO = [sys.executable, str(ROOT / "bin" / "duo")]


def run_duo(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DUO_")}
    full_env.update(env)
    return subprocess.run([*DUO, *args], capture_output=True, text=True, env=full_env,
                          timeout=120, check=False)


def assert_one_clear_line(res, *words):
    assert res.returncode == 2, res
    assert "Traceback" not in res.stderr + res.stdout
    error_lines = [ln for ln in res.stderr.splitlines() if ln.startswith("duo: error:")]
    assert len(error_lines) == 1, res.stderr
    for word in words:
        assert word in error_lines[0], error_lines[0]


def test_unreachable_database():
    # Port 9 (discard) on loopback: nothing listens there.
    res = run_duo("reset", DUO_DB_HOST="127.0.0.1", DUO_DB_PORT="9", DUO_DB_USER="nobody")
    assert_one_clear_line(res, "cannot connect to PostgreSQL at 127.0.0.1:9", "DUO_DB_HOST")


def test_wrong_password_or_role():
    # The embedded cluster trusts its own role only; an unknown role is refused.
    started = run_duo("db", "start")
    assert started.returncode == 0, started.stderr
    sock = re.search(r"host=(\S+) port=(\d+)", started.stdout)
    res = run_duo("reset", DUO_DB_HOST=sock.group(1), DUO_DB_PORT=sock.group(2),
                  DUO_DB_USER="no_such_role", DUO_DB_PASSWORD="wrong")
    assert_one_clear_line(res, "cannot connect to PostgreSQL", "no_such_role")


def test_port_in_use():
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = run_duo("run", DUO_HTTP_PORT=str(port))
    assert_one_clear_line(res, f"port {port} is already in use", "DUO_HTTP_PORT")


def test_invalid_database_name():
    res = run_duo("reset", "-d", "duo; drop")
    assert_one_clear_line(res, "invalid database name")


def test_no_postgres_binaries():
    """Without PostgreSQL programs the launcher says what to install or to use docker."""
    code = (
        "import importlib.machinery, importlib.util, sys;"
        f"loader = importlib.machinery.SourceFileLoader('duo', {str(ROOT / 'bin' / 'duo')!r});"
        "spec = importlib.util.spec_from_loader('duo', loader);"
        "duo = importlib.util.module_from_spec(spec); loader.exec_module(duo);"
        "duo.EmbeddedPostgres._find_bindir = staticmethod(lambda: None);"
        "sys.exit(duo.main(['db', 'start']))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    assert_one_clear_line(res, "apt-get install postgresql", "docker-compose")


def test_compose_file_is_valid():
    res = subprocess.run(["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config"],
                         capture_output=True, text=True, check=False, cwd=ROOT,
                         env=dict(os.environ, DUO_ADMIN_PASSWORD="x"))
    assert res.returncode == 0, res.stderr
    for service in ("db:", "odoo:", "init:", "test:", "healthcheck:"):
        assert service in res.stdout
