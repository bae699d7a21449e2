"""What the Odoo benchmarks of bench/ share: the launcher, the database, the phases.

The benchmarks run in two kinds of process: the parent, which starts the database through
``bin/duo`` (imported as a module), writes a runtime Odoo configuration and creates the
database; and children (``--phase populate`` / ``--phase measure``), the same script run
again, which open the Odoo registry. This module imports only the standard library; Odoo is
imported inside the functions that need it, so the parent never has to.
"""

import argparse
import importlib.machinery
import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------------------------
# Parent process: launcher, configuration, database
# ---------------------------------------------------------------------------------------------
def load_source(name, path):
    """A Python file of the project as a module, without importing its package."""
    loader = importlib.machinery.SourceFileLoader(name, str(path))
    spec = importlib.util.spec_from_loader(name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def load_launcher():
    """``bin/duo`` as a module: db_options, write_runtime_config, odoo_cmd, drop_database..."""
    return load_source("duo_launcher", ROOT / "bin" / "duo")


def runtime_config(launcher, conn, name, db, **overrides):
    """Write ``.local/<name>`` for a run on `db` alone and return its path.

    By default: no HTTP worker, no cron, free HTTP and gevent ports, warnings only; any
    option can be overridden (``workers=4``, ``http_port=port``, ``addons_path=...``).
    """
    http_port, gevent_port = launcher.free_ports(2)
    options = {"workers": 0, "max_cron_threads": 0, "http_port": http_port,
               "gevent_port": gevent_port}
    options.update(db_name=db, dbfilter=f"^{db}$", log_level="warn")
    options.update(overrides)
    return launcher.write_runtime_config(conn, launcher.LOCAL / name, **options)


def database_ready(launcher, conn, db, key, marker, modules=()):
    """True when `db` exists, has `modules` installed and the ``ir.config_parameter`` `key`
    (written at the end of the population) equals `marker`."""
    try:
        with launcher.pg_connect(conn, db) as cnx, cnx.cursor() as cr:
            cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL "
                       "AND to_regclass('ir_config_parameter') IS NOT NULL")
            if not cr.fetchone()[0]:
                return False
            if modules:
                cr.execute("SELECT count(*) FROM ir_module_module WHERE name = ANY(%s) "
                           "AND state = 'installed'", [list(modules)])
                if cr.fetchone()[0] != len(modules):
                    return False
            cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", [key])
            row = cr.fetchone()
            return bool(row and row[0] == marker)
    except launcher.UserError:
        return False


def create_database(launcher, conn, config, db, modules, failure):
    """Drop `db` and create it again with `modules` (no demo data); exit with `failure` if
    the installation fails. Returns the seconds the installation took."""
    print(f"creating database {db} with {', '.join(modules)} (no demo data)", flush=True)
    launcher.drop_database(conn, db)
    started = time.time()
    res = subprocess.run(launcher.odoo_cmd(config, "-d", db, "-i", ",".join(modules),
                                           "--stop-after-init", "--log-level=warn"),
                         check=False, cwd=ROOT)
    if res.returncode:
        sys.exit(failure)
    return time.time() - started


def add_phase_options(parser):
    """The hidden options with which `run_phase` starts a child: ``--phase``, ``--config``."""
    parser.add_argument("--phase", choices=["populate", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)


def run_phase(script, name, phase, config, db, options=()):
    """Run `script` again in a fresh process for `phase` (``--phase``, ``--config``, ``--db``
    and the script's own `options`); exit if it fails."""
    cmd = [sys.executable, str(script), "--phase", phase, "--config", str(config), "--db", db,
           *options]
    if subprocess.run(cmd, check=False, cwd=ROOT).returncode:
        sys.exit(f"{name}: phase {phase} failed (see above)")


# ---------------------------------------------------------------------------------------------
# Child process (a phase): the Odoo registry
# ---------------------------------------------------------------------------------------------
def open_registry(config, db):
    """Odoo's registry of `db`, configured from the runtime configuration `config`."""
    from odoo.modules.registry import Registry  # noqa: PLC0415 - Odoo only in the phases
    from odoo.tools import config as odoo_config  # noqa: PLC0415

    odoo_config.parse_config(["-c", config, "-d", db, "--log-level=warn"])
    return Registry(db)


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------
def p95(values):
    """95th percentile, nearest rank on the sorted values (one of the measured values)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def p95_interpolated(values):
    """95th percentile interpolated between values (``statistics.quantiles``, exclusive
    method); the value itself when there is only one."""
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
