#!/usr/bin/env python3
"""A weekly matching session from database records to saved proposals (duo_matching).

Usage: python3 bench/bench_matching_session.py [--reuse] [--size 500] [--repeat 5]

1. Creates the throw-away database ``duo_bench_matching`` with ``duo_matching`` (no demo
   data) on the embedded cluster of ``bin/duo`` (or the ``DUO_DB_*`` server), unless
   ``--reuse`` finds it already populated.
2. Fills it (seeded): one centre with ``--size`` mentees Ready to match and ``--size``
   trained mentors Ready (capacity 1–2), each with 1–4 languages, 2–8 weekly slots, one
   division, 0–4 personality/interest tags and a Brussels commune.
3. In a fresh process, as a matching-team user of the centre, times ``action_run`` on a new
   session (``--repeat`` times, each rolled back): snapshot, profile loading, engine,
   write-back of proposals and unmatched people, with an empty record cache; reports the
   median wall time, the SQL queries, and the split between loading, engine and writing.
"""

import argparse
import random
import statistics
import sys
import time
from datetime import date

import benchlib
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, Command, api, fields

DB_NAME = "duo_bench_matching"
MODULES = ["duo_matching"]
SEED = 7
CONTEXT = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True,
           "mail_create_nosubscribe": True}


def marker(args):
    return f"{args.size} x {args.size}, seed {SEED}"


def run_phase(phase, args, config_path):
    benchlib.run_phase(__file__, "bench_matching_session", phase, config_path, args.db,
                       ["--size", str(args.size), "--repeat", str(args.repeat)])


# ---------------------------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------------------------
def person_vals(env, rng, centre, refs, index, role):
    languages = rng.sample(refs["other_languages"], rng.randint(0, 3))
    programme = rng.choice(refs["programme_languages"])
    levels = ["b1", "b2", "c1", "c2", "native"]
    skills = [Command.create({"language_id": programme.id, "level": rng.choice(levels)})]
    skills += [Command.create({"language_id": lang.id, "level": rng.choice(levels + ["a2"])})
               for lang in languages if lang != programme]
    return {
        "name": f"Bench {role} {index}",
        "email": f"bench.{role}.{index}@example.com",
        "centre_id": centre.id,
        "consent_date": fields.Datetime.now(),
        "consent_version": "2026-01",
        "consent_channel": "paper",
        "info_session_date": date.today(),
        "interview_date": date.today(),
        "interview_notes": "<p>Bench</p>",
        "commune_id": rng.choice(refs["communes"]).id,
        "sector_ids": [Command.set([rng.choice(refs["divisions"]).id])],
        "slot_ids": [Command.set([s.id for s in rng.sample(refs["slots"], rng.randint(2, 8))])],
        "tag_ids": [Command.set([t.id for t in rng.sample(refs["tags"], rng.randint(0, 4))])],
        "language_skill_ids": skills,
        "gender": rng.choice(["female", "male", "other"]),
    }


def phase_populate(args):
    registry = benchlib.open_registry(args.config, args.db)
    rng = random.Random(SEED)
    started = time.time()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
        centre = env.ref("duo_mentoring.duo_centre_brussels")
        languages = env["duo.language"].search([])
        refs = {
            "programme_languages": list(languages.filtered("is_programme_language")),
            "other_languages": list(languages[:40]),
            "communes": list(env["duo.commune"].search([])),
            "divisions": list(env["duo.sector"].search([("parent_id", "!=", False)])),
            "slots": list(env["duo.availability.slot"].search([])),
            "tags": list(env["duo.interest.tag"].search([])),
        }
        stages = {s.code: s for s in env["duo.intake.stage"].search([])}
        env["duo.mentee"].create([dict(
            person_vals(env, rng, centre, refs, k, "mentee"),
            birthdate=date.today() - relativedelta(years=rng.randint(18, 32)),
            nationality_id=env.ref("base.ma").id, residence_status="long_term",
            stage_id=stages["ready"].id,
        ) for k in range(args.size)])
        mentors = env["duo.mentor"].create([dict(
            person_vals(env, rng, centre, refs, k, "mentor"),
            birthdate=date.today() - relativedelta(years=rng.randint(52, 70)),
            experience_years=30, capacity=rng.choice([1, 1, 2]),
            stage_id=stages["interview"].id,
        ) for k in range(args.size)])
        modules = env["duo.training.module"].search([])
        env["duo.training.attendance"].create([
            {"mentor_id": m.id, "module_id": mod.id, "state": "attended"}
            for m in mentors for mod in modules
        ])
        mentors.write({"stage_id": stages["ready"].id})
        env["ir.config_parameter"].set_param("bench_matching.done", marker(args))
    with registry.cursor() as cr:
        cr.execute("ANALYZE")
    print(f"  populated in {time.time() - started:.0f}s", flush=True)


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------
def matching_user(env):
    user = env["res.users"].search([("login", "=", "bench_matching")])
    if not user:
        user = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Bench Matching Team", "login": "bench_matching",
            "group_ids": [Command.set([env.ref("duo_matching.group_duo_matching").id])],
            "duo_centre_ids": [Command.set([env.ref("duo_mentoring.duo_centre_brussels").id])],
        })
    return user


def one_run(env, user):
    """Time action_run on a new session, then roll it back."""
    centre = env.ref("duo_mentoring.duo_centre_brussels")
    Session = env["duo.matching.session"].with_user(user).with_context(CONTEXT)
    with env.cr.savepoint(flush=False) as savepoint:
        session = Session.create({"centre_id": centre.id})
        env.flush_all()
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        session.action_run()
        env.flush_all()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - queries
        result = (elapsed, queries, len(session.proposal_ids), len(session.unmatched_ids))
        savepoint.rollback()
    env.invalidate_all()
    return result


def split(env, user):
    """Loading / engine / write-back split of one run, with the same steps as action_run."""
    from odoo.addons.duo_matching.matching_engine import match  # noqa: PLC0415

    centre = env.ref("duo_mentoring.duo_centre_brussels")
    env = env(user=user, context=CONTEXT)
    Pool = env["duo.matching.pool"]
    with env.cr.savepoint(flush=False) as savepoint:
        session = env["duo.matching.session"].create({"centre_id": centre.id})
        env.flush_all()
        env.invalidate_all()
        t0 = time.perf_counter()
        mentees, mentors = Pool._candidates(centre)
        mentee_profiles, mentor_profiles = Pool._profiles(mentees.ids, mentors.ids)
        rejected = Pool._rejected_pairs(mentees.ids, mentors.ids)
        t1 = time.perf_counter()
        result = match(mentee_profiles, mentor_profiles, centre._matching_config(),
                       rejected=rejected)
        t2 = time.perf_counter()
        session._save_result(result, env["duo.matching.proposal"])
        session.write({"candidate_mentee_ids": [Command.set(mentees.ids)],
                       "candidate_mentor_ids": [Command.set(mentors.ids)]})
        env.flush_all()
        t3 = time.perf_counter()
        savepoint.rollback()
    env.invalidate_all()
    return t1 - t0, t2 - t1, t3 - t2, result.timings


def phase_measure(args):
    registry = benchlib.open_registry(args.config, args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        user = matching_user(env)
        one_run(env, user)  # warm-up: ORM caches, views, rules
        runs = [one_run(env, user) for _k in range(args.repeat)]
        load, engine, write, timings = split(env, user)
        cr.rollback()
    times = [run[0] for run in runs]
    elapsed, queries, proposals, unmatched = runs[0]
    print(f"pool {args.size} mentees x {args.size} mentors: {proposals} proposals, "
          f"{unmatched} unmatched people")
    print(f"action_run: median {statistics.median(times):.3f} s, min {min(times):.3f} s, "
          f"max {max(times):.3f} s over {len(times)} runs; {queries} SQL queries")
    print(f"split: load {load:.3f} s, engine {engine:.3f} s "
          f"(encode {timings['encode']:.3f}, matrix {timings['score_matrix']:.3f}, "
          f"solve {timings['solve']:.3f}, explain {timings['explain']:.3f}), "
          f"write-back {write:.3f} s")
    target = statistics.median(times) < 2.0
    print(f"target < 2 s: {'met' if target else 'NOT met'}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the populated database if it exists")
    parser.add_argument("--size", type=int, default=500, help="mentees and mentors (500)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (5)")
    parser.add_argument("--db", default=DB_NAME, help=f"database name ({DB_NAME})")
    benchlib.add_phase_options(parser)
    args = parser.parse_args(argv)
    if args.phase == "populate":
        return phase_populate(args)
    if args.phase == "measure":
        return phase_measure(args)
    launcher = benchlib.load_launcher()
    try:
        conn = launcher.db_options()
        config_path = benchlib.runtime_config(launcher, conn, "odoo-bench-matching.conf",
                                              args.db)
        if args.reuse and benchlib.database_ready(launcher, conn, args.db,
                                                  "bench_matching.done", marker(args)):
            print(f"reusing database {args.db} ({marker(args)})", flush=True)
        else:
            benchlib.create_database(
                launcher, conn, config_path, args.db, MODULES,
                "bench_matching_session: installing duo_matching failed (see above)")
            run_phase("populate", args, config_path)
    except launcher.UserError as exc:
        sys.exit(f"bench_matching_session: {exc}")
    run_phase("measure", args, config_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
