#!/usr/bin/env python3
"""Loading the DUO programme dashboard's data next to opening the duo kanban.

Usage: python3 bench/bench_dashboard.py [--reuse] [--records 5000] [--meetings 20000]
       [--repeat 20] [--addons PATH]

1. Creates the throw-away database ``duo_bench_dashboard`` with ``duo_dashboard`` (and
   ``duo_event``, whose training the population uses), no demo data, on the embedded cluster
   of ``bin/duo`` (or the ``DUO_DB_*`` server), unless ``--reuse`` finds it populated.
2. Fills it (seeded) as ``bench_kanban.py`` does: 2,500 mentees, 1,000 mentors, ``--records``
   duos (~20 % open), then tops the meetings up to ``--meetings``, with follow-ups of the
   closed duos, relationship pulses of the mentoring ones and concerns on a few.
3. In a fresh process, times what the spreadsheet asks when the dashboard opens: one
   ``formatted_read_group`` per pivot of ``duo_programme_dashboard.json`` (its domain, row
   groupings and measures, no filter), as a coordinator of the centre and as a manager; next
   to it, the duo kanban's ``web_read_group`` + ``read_progress_bar`` as bench_kanban measures
   them. "warm": ORM caches warm, empty record cache. Reports median and p95 wall time and SQL
   queries; the queries are the same at 50 duos (``--records 50``) as at 5,000.
"""

import argparse
import ast
import json
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

import bench_kanban
import benchlib

from odoo import SUPERUSER_ID, api

ROOT = benchlib.ROOT
DB_NAME = "duo_bench_dashboard"
MODULES = ["duo_dashboard", "duo_event"]
SEED = 11
DASHBOARD = "duo_dashboard.spreadsheet_dashboard_duo_programme"


def runtime_config(launcher, args):
    conn = launcher.db_options()
    extra = {"addons_path": str(Path(args.addons).resolve())} if args.addons else {}
    path = benchlib.runtime_config(launcher, conn, "odoo-bench-dashboard.conf", args.db,
                                   **extra)
    return conn, path


def setup_marker(args):
    addons = Path(args.addons) if args.addons else ROOT / "addons"
    manifest = ast.literal_eval((addons / "duo_dashboard" / "__manifest__.py").read_text())
    return (f"{args.records} duos, {args.meetings} meetings, seed {SEED}, duo_dashboard "
            f"depends {','.join(sorted(manifest['depends']))}")


def run_phase(phase, args, config_path):
    options = ["--records", str(args.records), "--meetings", str(args.meetings),
               "--repeat", str(args.repeat)]
    if args.addons:
        options += ["--addons", args.addons]
    benchlib.run_phase(__file__, "bench_dashboard", phase, config_path, args.db, options)


# ---------------------------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------------------------
def top_up(env, rng, pairs, n_meetings, coordinators):
    """Meetings up to `n_meetings`, follow-ups, pulses and concerns."""
    met = [pair for pair in pairs if pair.start_date]
    missing = max(0, n_meetings - env["duo.meeting"].search_count([]))
    bench_kanban.create_batched(env["duo.meeting"], [{
        "pair_id": pair.id, "duration": 1.0, "topics": "Applications",
        "date": pair.start_date + timedelta(days=rng.randint(0, 170)),
    } for pair in (rng.choice(met) for _i in range(missing))])
    situations = ["open_ended", "fixed_term_long", "short_job", "training", "job_seeking"]
    closed = [p for p in pairs if p.stage_code in ("completed", "ended") and p.end_date]
    bench_kanban.create_batched(env["duo.followup"], [{
        "pair_id": pair.id, "months": months, "due_date": pair.end_date + timedelta(days=30 * k),
        "date": pair.end_date + timedelta(days=30 * k), "situation": rng.choice(situations),
    } for pair in closed for k, months in ((3, "3"), (6, "6"), (12, "12"))])
    pulse = env.ref("duo_survey.survey_duo_pulse")
    mentoring = [p for p in pairs if p.stage_code == "mentoring"]
    bench_kanban.create_batched(env["survey.user_input"], [{
        "survey_id": pulse.id, "duo_evaluation": "pulse", "duo_pair_id": pair.id,
        "duo_role": role, "duo_due_date": pair.start_date + timedelta(days=30),
        "state": "done", "duo_negative": rng.random() < 0.15,
    } for pair in mentoring for role in ("mentee", "mentor")])
    concern = env.ref("duo_portal.mail_activity_type_duo_concern")
    model_id = env["ir.model"]._get_id("duo.pair")
    bench_kanban.create_batched(env["mail.activity"], [{
        "res_model_id": model_id, "res_id": pair.id, "activity_type_id": concern.id,
        "summary": "Worried", "user_id": rng.choice(coordinators).id,
        "date_deadline": pair.start_date + timedelta(days=40),
    } for pair in rng.sample(mentoring, len(mentoring) // 10)])


def phase_populate(args):
    registry = benchlib.open_registry(args.config, args.db)
    rng = random.Random(SEED)
    started = time.time()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {
            "tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True,
            "mail_activity_quick_update": True, "mail_create_nosubscribe": True,
        })
        Users = env["res.users"].with_context(no_reset_password=True)
        centre = env.ref("duo_mentoring.duo_centre_brussels")
        coordinators = Users.create([{
            "name": f"Bench Coordinator {k}", "login": f"bench_coordinator_{k}",
            "group_ids": [(6, 0, env.ref("duo_mentoring.group_duo_user").ids)],
            "duo_centre_ids": [(6, 0, centre.ids)],
        } for k in range(5)])
        n_mentees = max(10, args.records // 2)
        mentees, mentors = bench_kanban.make_people(env, rng, n_mentees,
                                                    max(5, args.records // 5))
        pairs = bench_kanban.make_pairs(env, rng, args.records, mentees, mentors, coordinators)
        top_up(env, rng, pairs, args.meetings, coordinators)
        env.flush_all()
        print(f"  {len(pairs)} duos, {env['duo.meeting'].search_count([])} meetings "
              f"({time.time() - started:.0f}s)", flush=True)
        env["ir.config_parameter"].set_param("bench_dashboard.done", setup_marker(args))
    with registry.cursor() as cr:
        cr.execute("ANALYZE")


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------
def dashboard_requests(env):
    """(model, domain, groupby, aggregates) of every pivot of the programme dashboard."""
    data = json.loads(env.ref(DASHBOARD).sudo().spreadsheet_data)
    return [(p["model"], p["domain"], [r["fieldName"] for r in p["rows"]],
             [m["id"] for m in p["measures"]]) for p in data["pivots"].values()]


def load_dashboard(registry, uid, requests):
    with registry.cursor() as cr:
        env = api.Environment(cr, uid, {"lang": "en_US", "tz": "Europe/Brussels"})
        start_count = cr.sql_log_count
        start = time.perf_counter()
        rows = 0
        for model, domain, groupby, aggregates in requests:
            rows += len(env[model].formatted_read_group(domain, groupby, aggregates))
        elapsed = time.perf_counter() - start
        queries = cr.sql_log_count - start_count
        cr.rollback()
    return elapsed, queries, rows


def open_kanban(registry, uid, plan):
    elapsed, queries, pb_elapsed, pb_queries, *_rest = bench_kanban.one_call(
        registry, uid, "duo.pair", plan, cold=False)
    return elapsed + pb_elapsed, queries + pb_queries, 0


def measure(registry, cases, repeat):
    for _i in range(3):
        for func, *params in cases:
            func(registry, *params)
    runs = [[] for _case in cases]
    for i in range(repeat):
        order = range(len(cases)) if i % 2 == 0 else reversed(range(len(cases)))
        for k in order:
            func, *params = cases[k]
            runs[k].append(func(registry, *params))
    return [{"median": statistics.median(r[0] * 1000 for r in run),
             "p95": benchlib.p95([r[0] * 1000 for r in run]),
             "queries": statistics.median(r[1] for r in run), "rows": run[0][2]}
            for run in runs]


def phase_measure(args):
    registry = benchlib.open_registry(args.config, args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
        coordinator = env["res.users"].search([("login", "=", "bench_coordinator_0")]).id
        admin = env.ref("base.user_admin").id
        requests = dashboard_requests(env)
        n_pairs = env["duo.pair"].search_count([])
        n_meetings = env["duo.meeting"].search_count([])
        plan_env = api.Environment(cr, coordinator, {"lang": "en_US"})
        spec, aggregates, progressbar, _view = bench_kanban.kanban_read_spec(plan_env,
                                                                             "duo.pair")
        context = bench_kanban.action_context(plan_env, "duo_mentoring.duo_pair_action",
                                              coordinator)
    plan = {"spec": spec, "aggregates": aggregates, "progressbar": progressbar,
            "context": context, "domain": [("is_open", "=", True)]}
    print(f"{n_pairs:,} duos, {n_meetings:,} meetings; {len(requests)} pivots")
    cases = [(load_dashboard, coordinator, requests), (load_dashboard, admin, requests),
             (open_kanban, coordinator, plan), (open_kanban, admin, plan)]
    labels = [("dashboard data", "coordinator"), ("dashboard data", "manager"),
              ("duo kanban", "coordinator"), ("duo kanban", "manager")]
    results = measure(registry, cases, args.repeat)
    print("| load | user | median ms | p95 ms | SQL queries |")
    print("|---|---|---:|---:|---:|")
    for (what, who), r in zip(labels, results, strict=True):
        print(f"| {what} | {who} | {r['median']:.1f} | {r['p95']:.1f} | {r['queries']:.0f} |")
    for who, dash, kanban in (("coordinator", results[0], results[2]),
                              ("manager", results[1], results[3])):
        print(f"dashboard / kanban ({who}): {dash['median'] / kanban['median']:.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the populated database if it exists")
    parser.add_argument("--records", type=int, default=5000, help="duos (5000)")
    parser.add_argument("--meetings", type=int, default=20000, help="meetings (20000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed loads per case (20)")
    parser.add_argument("--db", default=DB_NAME, help=f"database name ({DB_NAME})")
    parser.add_argument("--addons", help="add-ons folder to measure instead of the clone's "
                        "addons/ (e.g. a `git archive` of a commit)")
    benchlib.add_phase_options(parser)
    args = parser.parse_args(argv)
    if args.phase == "populate":
        return phase_populate(args)
    if args.phase == "measure":
        return phase_measure(args)
    launcher = benchlib.load_launcher()
    try:
        conn, config_path = runtime_config(launcher, args)
        marker = setup_marker(args)
        if args.reuse and benchlib.database_ready(launcher, conn, args.db,
                                                  "bench_dashboard.done", marker, MODULES):
            print(f"reusing database {args.db} ({marker})", flush=True)
        else:
            seconds = benchlib.create_database(
                launcher, conn, config_path, args.db, MODULES,
                f"bench_dashboard: installing {MODULES} in {args.db} failed (see above)")
            print(f"  installed in {seconds:.0f}s; populating", flush=True)
            run_phase("populate", args, config_path)
    except launcher.UserError as exc:
        sys.exit(f"bench_dashboard: {exc}")
    print(f"measuring ({args.repeat} loads per case after 3 warm-up loads)", flush=True)
    run_phase("measure", args, config_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
