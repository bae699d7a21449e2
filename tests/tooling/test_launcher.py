"""The launcher's promises: one clear line for bad configuration, never a traceback."""

import configparser
import os
import re
import socket
import subprocess
import sys
import types
from pathlib import Path

import pytest

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


# --------------------------------------------------------------------------------------------
# The launcher's parts, imported (no database, no Odoo)
# --------------------------------------------------------------------------------------------
def load_launcher():
    """bin/duo (a script without .py) as a module, executed once."""
    path = ROOT / "bin" / "duo"
    module = types.ModuleType("duo_launcher")
    module.__file__ = str(path)
    exec(compile(path.read_text(), path, "exec"), module.__dict__)  # noqa: S102 - our own file
    return module


duo = load_launcher()


def write_addon(folder, name, **manifest):
    (folder / name).mkdir(parents=True)
    (folder / name / "__manifest__.py").write_text(repr({"name": name, **manifest}))
    (folder / name / "__init__.py").write_text("")


def test_discover_modules(tmp_path):
    write_addon(tmp_path, "duo", depends=["duo_mentoring", "duo_matching"])
    write_addon(tmp_path, "duo_mentoring")
    write_addon(tmp_path, "duo_matching", installable=True)
    write_addon(tmp_path, "duo_old", installable=False)
    (tmp_path / "docs").mkdir()  # no manifest: not an add-on
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "__manifest__.py").write_text("{'name': ")  # Odoo reports it
    assert duo.discover_modules(tmp_path) == ["broken", "duo", "duo_matching", "duo_mentoring"]
    assert duo.alone_modules(["duo", "duo_matching", "duo_mentoring"]) == [
        "duo_matching", "duo_mentoring"]
    assert duo.discover_modules(tmp_path / "missing") == []


def test_the_tree_has_its_addons():
    """The real tree: every add-on under addons/ and tests/addons/ is found, no list to keep."""
    found = duo.duo_modules()
    assert found == sorted(p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py"))
    assert "duo_mentoring" in found
    assert "duo_e2e" in duo.test_only_modules()


def test_pytest_folders_are_the_plain_python_ones(tmp_path):
    odoo_tests = tmp_path / "duo_matching" / "tests"
    engine_tests = tmp_path / "duo_matching" / "matching_engine" / "tests"
    deeper = tmp_path / "duo_x" / "lib" / "sub" / "tests"
    empty = tmp_path / "duo_x" / "other" / "tests"
    for folder in (odoo_tests, engine_tests, deeper, empty):
        folder.mkdir(parents=True)
    (odoo_tests / "test_session.py").write_text("")
    (engine_tests / "test_engine.py").write_text("")
    (deeper / "test_deep.py").write_text("")
    (empty / "helpers.py").write_text("")
    assert duo.pytest_folders(tmp_path) == [engine_tests, deeper]


def settings_from(monkeypatch, tmp_path, local_conf="", **env):
    for var in duo.SETTING_VARIABLES.values():
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    (tmp_path / "local.conf").write_text(local_conf)
    monkeypatch.setattr(duo, "LOCAL_CONFIG", tmp_path / "local.conf")
    return duo.load_settings()


def test_gevent_port_follows_the_http_port(monkeypatch, tmp_path):
    assert duo.ports(settings_from(monkeypatch, tmp_path)) == (8069, 8072)
    assert duo.ports(settings_from(monkeypatch, tmp_path, DUO_HTTP_PORT="8169")) == (8169, 8172)
    assert duo.ports(settings_from(monkeypatch, tmp_path, DUO_HTTP_PORT="8169",
                                   DUO_GEVENT_PORT="9000")) == (8169, 9000)
    local = "[options]\nhttp_port = 8269\ngevent_port = 8300\n"
    assert duo.ports(settings_from(monkeypatch, tmp_path, local)) == (8269, 8300)
    assert duo.ports(settings_from(monkeypatch, tmp_path, local,
                                   DUO_GEVENT_PORT="8400")) == (8269, 8400)


def test_bad_ports_are_one_clear_error(monkeypatch, tmp_path):
    with pytest.raises(duo.UserError, match="DUO_HTTP_PORT .* must be a port number"):
        duo.ports(settings_from(monkeypatch, tmp_path, DUO_HTTP_PORT="http"))
    with pytest.raises(duo.UserError, match="set DUO_GEVENT_PORT"):
        duo.ports(settings_from(monkeypatch, tmp_path, DUO_HTTP_PORT="9000",
                                DUO_GEVENT_PORT="9000"))


def busy_port_with_free_neighbour(offset):
    """A listening socket on port P with P - offset free."""
    for _attempt in range(50):
        busy = socket.socket()
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        if port - offset > 1024 and duo.port_is_free(port - offset):
            return busy, port
        busy.close()
    raise AssertionError("no free port pair found")


def test_gevent_port_in_use_unit():
    busy, port = busy_port_with_free_neighbour(3)
    with busy:
        with pytest.raises(duo.UserError, match=f"port {port} .*in use.*DUO_GEVENT_PORT="):
            duo.check_ports_free(port - 3, port, workers=2)
        duo.check_ports_free(port - 3, port, workers=0)  # no workers: no gevent server


def test_gevent_port_in_use():
    """A second clone on another HTTP port: the derived websocket port is checked too."""
    busy, port = busy_port_with_free_neighbour(3)
    with busy:
        res = run_duo("run", DUO_HTTP_PORT=str(port - 3), DUO_WORKERS="2")
    assert_one_clear_line(res, f"port {port}", "already in use", "DUO_GEVENT_PORT")


def test_runtime_config_per_database_and_port(monkeypatch, tmp_path):
    monkeypatch.setattr(duo, "LOCAL", tmp_path)
    assert duo.runtime_config_path("duo", 8069) == tmp_path / "odoo-duo-8069.conf"
    assert duo.runtime_config_path("duo", 8169) != duo.runtime_config_path("duo", 8069)
    assert duo.runtime_config_path("demo", 8069) != duo.runtime_config_path("duo", 8069)
    target = duo.write_runtime_config({"db_host": "/tmp/sock"}, duo.runtime_config_path(
        "duo", 8169), http_port=8169, gevent_port=8172, db_name="duo")
    options = configparser.ConfigParser(interpolation=None)
    options.read(target)
    assert options["options"]["http_port"] == "8169"
    assert options["options"]["gevent_port"] == "8172"
    assert options["options"]["db_host"] == "/tmp/sock"
    assert target.stat().st_mode & 0o077 == 0  # it holds the master password


def test_free_ports_never_repeat():
    ports = duo.free_ports(3) + duo.free_ports(3)
    assert len(set(ports)) == 6


def log(level, message, db="duo_test_1_duo_matching"):
    return f"2026-12-01 11:30:57,017 4242 {level} {db} {message}"


PASSING_LOG = [
    "Running as user 'root' is a security risk.",
    log("INFO", "odoo.modules.loading: loading 1 modules..."),
    log("INFO", "odoo.addons.duo_matching.tests.test_x: Starting TestX.test_a ..."),
    log("INFO", "odoo.tests.stats: duo_matching: 12 tests 3.21s 1200 queries"),
    log("INFO", "odoo.tests.result: 0 failed, 0 error(s) of 12 tests when loading database "
                "'duo_test_1_duo_matching'"),
]

FAILING_LOG = [
    log("INFO", "odoo.addons.duo_matching.tests.test_x: Starting TestX.test_a ..."),
    log("INFO", "odoo.addons.duo_matching.tests.test_x: " + "=" * 70),
    log("ERROR", "odoo.addons.duo_matching.tests.test_x: FAIL: TestX.test_a"),
    "Traceback (most recent call last):",
    '  File "/addons/duo_matching/tests/test_x.py", line 9, in test_a',
    "    self.assertEqual(1, 2)",
    "AssertionError: 1 != 2",
    log("INFO", "odoo.addons.duo_matching.tests.test_x: Starting TestX.test_b ..."),
    log("ERROR", "odoo.addons.duo_matching.tests.test_x: ERROR: TestX.test_b"),
    "Traceback (most recent call last):",
    "KeyError: 'duo.volunteer'",
    log("WARNING", "odoo.models: a warning, not shown"),
    log("ERROR", "odoo.tests.result: 1 failed, 1 error(s) of 12 tests when loading database "
                 "'duo_test_1_duo_matching'"),
]


def test_parse_a_passing_run():
    assert duo.parse_odoo_log(PASSING_LOG, 0) == (12, 0)


def test_parse_a_failing_run_and_show_only_what_failed():
    assert duo.parse_odoo_log(FAILING_LOG, 1) == (10, 2)
    excerpt = duo.failure_excerpt(FAILING_LOG)
    assert "FAIL: TestX.test_a" in excerpt
    assert "AssertionError: 1 != 2" in excerpt
    assert "ERROR: TestX.test_b" in excerpt and "KeyError: 'duo.volunteer'" in excerpt
    assert "Starting" not in excerpt and "a warning" not in excerpt
    assert "security risk" not in excerpt


def test_long_tracebacks_are_cut():
    noisy = [log("ERROR", "odoo.tests: FAIL: tour"), *(f"console {i}" for i in range(500))]
    excerpt = duo.failure_excerpt(noisy, record_lines=10).splitlines()
    assert len(excerpt) == 11 and "491 more lines" in excerpt[-1]


def test_a_crash_at_install_is_a_failure():
    crashed = [
        log("INFO", "odoo.modules.loading: loading duo_matching/views/x.xml"),
        log("CRITICAL", "odoo.service.server: Failed to initialize database `duo_test_1`."),
        "Traceback (most recent call last):",
        "odoo.tools.convert.ParseError: while parsing duo_matching/views/x.xml:3",
    ]
    assert duo.parse_odoo_log(crashed, 255) == (0, 1)
    assert "ParseError" in duo.failure_excerpt(crashed)
    # Killed before the summary, exit code 0 or not: still a failure, and the log's end shown.
    assert duo.parse_odoo_log(PASSING_LOG[:3], 0) == (0, 1)
    assert "Starting TestX.test_a" in duo.failure_excerpt(PASSING_LOG[:3])
    # Tests failed and Odoo exited non-zero: the failures, not one more.
    assert duo.parse_odoo_log(FAILING_LOG, 255) == (10, 2)


def test_parse_pytest_output():
    assert duo.parse_pytest_output("....\n4 passed in 0.12s\n", 0) == (4, 0)
    assert duo.parse_pytest_output("F.\n=== 1 failed, 1 passed, 2 skipped in 1.50s ===\n",
                                   1) == (1, 1)
    assert duo.parse_pytest_output("E\n1 error in 0.30s\n", 2) == (0, 1)
    assert duo.parse_pytest_output("\nno tests ran in 0.01s\n", 5) == (0, 0)
    assert duo.parse_pytest_output("Killed\n", 137) == (0, 1)


def test_results_add_up_to_the_last_line():
    results = [
        duo.Result("lint (ruff, pylint-odoo)", 1, 0),
        duo.Result("pytest tests/tooling", 20, 0, 3.2),
        duo.Result("duo_matching alone", 10, 2, 95.4, "FAIL: ...", ".local/test-duo_matching.log"),
        duo.Result("all together", 300, 1, 600.0),
    ]
    assert duo.total_line(results) == "331 passed, 3 failed"
    assert results[2].line() == ("duo_matching alone: 10 passed, 2 failed "
                                 "(95s, log .local/test-duo_matching.log)")


def test_longest_runs_start_first():
    durations = {"duo_mentoring": 300, "duo_matching": 120, "duo_volunteers": 200}
    order = duo.longest_first(["duo_matching", "duo_new", "duo_mentoring", "duo_volunteers"],
                              durations)
    assert order == ["duo_new", "duo_mentoring", "duo_volunteers", "duo_matching"]


def test_test_jobs_setting(monkeypatch):
    monkeypatch.delenv("DUO_TEST_JOBS", raising=False)
    assert duo.test_jobs() == 2
    monkeypatch.setenv("DUO_TEST_JOBS", "1")
    assert duo.test_jobs() == 1
    monkeypatch.setenv("DUO_TEST_JOBS", "0")
    with pytest.raises(duo.UserError, match="DUO_TEST_JOBS"):
        duo.test_jobs()


def test_together_run_takes_at_install_tests_of_addons_and_all_of_test_only_ones():
    tags = duo.together_tags(["duo", "duo_mentoring", "duo_event"], ["duo_e2e"]).split(",")
    assert tags == ["at_install/duo_mentoring", "at_install/duo_event", "/duo", "/duo_e2e"]


DEMO_WARNING = ("2026-12-04 12:43:20,489 556 WARNING duo_demo odoo.modules.loading: Module "
                "duo_mentoring demo data failed to install, installed without demo data")
INFO_LINE = "2026-12-04 12:43:20,489 556 INFO duo_demo odoo.modules.loading: Modules loaded."
ERROR_LINE = "2026-12-04 12:43:20,489 556 ERROR duo_demo odoo.sql_db: bad query"


def test_demo_run_fails_on_a_demo_warning_an_error_or_an_exit_code():
    assert duo.parse_demo_log([INFO_LINE], 0) == (1, 0)
    assert duo.parse_demo_log([INFO_LINE, DEMO_WARNING], 0) == (0, 1)
    assert duo.parse_demo_log([ERROR_LINE], 0) == (0, 1)
    assert duo.parse_demo_log([INFO_LINE], 1) == (0, 1)


def test_install_progress_shows_add_on_counts_and_problems_only():
    loading = ("2026-12-04 12:43:01,111 556 INFO duo odoo.modules.loading: "
               "Loading module duo_event (61/74)")
    assert duo.progress_line(loading) == "[duo]   add-on 61/74: duo_event"
    assert duo.progress_line(INFO_LINE) is None
    assert duo.progress_line(ERROR_LINE) == ERROR_LINE
    root = "2026-12-04 12:43:01,111 556 WARNING ? odoo: Running as user 'root' is a security risk."
    assert duo.progress_line(root) is None


EXTERNALLY_MANAGED = {"version": [3, 11], "in_venv": False, "externally_managed": True,
                      "pip": True, "venv": True, "odoo": None}


def test_externally_managed_python_gets_a_venv_of_duo():
    assert duo.python_plan(EXTERNALLY_MANAGED, venv_exists=False) == "create"
    assert duo.python_plan(EXTERNALLY_MANAGED, venv_exists=True) == "venv"
    assert duo.VENV == duo.ROOT / ".local" / "venv"


def test_python_without_pip_gets_a_venv_and_without_venv_module_a_clear_error():
    no_pip = dict(EXTERNALLY_MANAGED, externally_managed=False, pip=False)
    assert duo.python_plan(no_pip, venv_exists=False) == "create"
    with pytest.raises(duo.UserError, match="no pip.*apt-get install python3-venv"):
        duo.python_plan(dict(no_pip, venv=False), venv_exists=False)
    with pytest.raises(duo.UserError, match=r"PEP 668.*python3-venv"):
        duo.python_plan(dict(EXTERNALLY_MANAGED, venv=False), venv_exists=False)


def test_python_with_odoo_or_an_active_venv_or_pip_is_used_as_it_is():
    assert duo.python_plan(dict(EXTERNALLY_MANAGED, odoo="19.0"), venv_exists=False) == "self"
    assert duo.python_plan(dict(EXTERNALLY_MANAGED, in_venv=True), venv_exists=False) == "self"
    free = dict(EXTERNALLY_MANAGED, externally_managed=False)
    assert duo.python_plan(free, venv_exists=False) == "self"
    with pytest.raises(duo.UserError, match="too old"):
        duo.python_plan(dict(free, version=[3, 8]), venv_exists=False)


def test_pip_failures_name_their_cause():
    assert "PEP 668" in duo.pip_failure("error: externally-managed-environment", "x")
    assert "network or proxy" in duo.pip_failure("Connection timed out", "x")
    assert "no release" in duo.pip_failure("No matching distribution found for y", "x")


def test_probe_reads_the_running_python():
    probe = duo.probe_python(sys.executable)
    assert probe["version"] == list(sys.version_info[:2])
    assert isinstance(probe["externally_managed"], bool)


def test_make_run_serves_in_one_process_unless_workers_are_asked_for(monkeypatch):
    monkeypatch.delenv("DUO_WORKERS", raising=False)
    monkeypatch.setattr(duo, "LOCAL_CONFIG", duo.ROOT / "no-such-local.conf")
    assert duo.run_workers({"workers": "2"}) == "0"
    monkeypatch.setenv("DUO_WORKERS", "4")
    assert duo.run_workers({"workers": "2"}) == "4"


def test_pip_progress_counts_collected_packages_and_reports_the_summary():
    count, shown, running = duo.pip_progress(
        "Collecting lxml==4.9.3 (from -r reqs.txt (line 35))", 4)
    assert (count, shown, running) == (5, "[duo]   5 packages collected (lxml==4.9.3)", True)
    count, shown, running = duo.pip_progress("Successfully installed a-1 b-2 c-3", 5)
    assert (count, shown, running) == (5, "[duo]   3 packages installed", False)
    assert duo.pip_progress("  Downloading lxml.whl (7 MB)", 5) == (5, None, False)


def test_an_odoo_copy_without_its_translations_is_said(monkeypatch, tmp_path):
    def odoo_at(root):
        return lambda *args, **kwargs: types.SimpleNamespace(returncode=0, stdout=f"{root}\n")

    monkeypatch.setattr(duo, "run", odoo_at(tmp_path))
    assert "stay in English" in duo.odoo_translations_note()
    (tmp_path / "addons" / "web" / "i18n").mkdir(parents=True)
    (tmp_path / "addons" / "web" / "i18n" / "fr.po").write_text("")
    assert duo.odoo_translations_note() is None
