#!/usr/bin/env python3
"""Opening the duo kanban (duo.pair) next to Odoo's own crm.lead pipeline kanban.

Usage: python3 bench/bench_kanban.py [--reuse] [--records 5000] [--repeat 30] [--profile]

1. Creates the throw-away database ``duo_bench_kanban`` with ``duo_mentoring`` and ``crm``
   (no demo data) on the embedded cluster of ``bin/duo`` (or the ``DUO_DB_*`` server), unless
   ``--reuse`` finds it already populated.
2. Fills it (seeded): 2,500 mentees, 1,000 trained mentors (capacity 1-3), ``--records``
   duos of which ~20 % open (one per mentee, spread over Proposed..Mentoring) and the rest
   Completed / Ended early / Rejected, with meetings and a few activities; and as many
   crm.lead opportunities of the default sales team spread over its default stages, with
   customers, tags and the same share of activities.
3. In a fresh process, times what the web client asks when it opens each kanban:
   ``web_read_group(domain, ["stage_id"], aggregates, auto_unfold=True,
   unfold_read_specification=<fields of the kanban arch>, unfold_read_default_limit=40)``
   and the ``read_progress_bar`` that goes with it, as a user of the relevant groups
   (a DUO coordinator of the centre; a salesman who sees all leads), with the action's
   domain and context. "warm": ORM caches (views, rules, access) warm and an empty record
   cache, like any request after the first; "cold": every ormcache cleared before each call,
   like the first request after a restart or a module update. Reports median and p95 wall
   time, SQL queries and the duo/crm ratio.

The read specification is derived from the kanban arch that ``get_views`` returns for the
user (fields hidden by ``groups`` are gone), the way the web client's ``getFieldsSpec``
builds it, including the fields the ``kanban_activity`` and ``many2many_tags`` widgets add.
"""

import argparse
import ast
import cProfile
import io
import json
import pstats
import random
import statistics
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import benchlib
from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.safe_eval import safe_eval

ROOT = benchlib.ROOT
DB_NAME = "duo_bench_kanban"
MODULES = ["duo_mentoring", "crm"]
SEED = 7
BATCH = 500
# Widgets that make the web client read more fields than the one they are set on
# (fieldDependencies / relatedFields in Odoo 19's JavaScript).
KANBAN_ACTIVITY_DEPS = [
    "activity_exception_decoration", "activity_exception_icon", "activity_state",
    "activity_summary", "activity_type_icon", "activity_type_id",
]
# What each kanban is opened with: the window action's domain and context.
SCENARIOS = {
    "duo.pair": {
        "action": "duo_mentoring.duo_pair_action",
        "domain_all": [],
        # search_default_open of the action
        "domain_default": [("is_open", "=", True)],
    },
    "crm.lead": {
        "action": "crm.crm_lead_action_pipeline",
        "domain_all": [("type", "=", "opportunity")],
        # search_default_assigned_to_me of the action
        "domain_default": [("type", "=", "opportunity"), ("user_id", "=", "UID")],
    },
}


# ---------------------------------------------------------------------------------------------
# Set-up: the database, through the launcher's own configuration
# ---------------------------------------------------------------------------------------------
def runtime_config(launcher, args):
    conn = launcher.db_options()
    extra = {"addons_path": str(Path(args.addons).resolve())} if args.addons else {}
    path = benchlib.runtime_config(launcher, conn, "odoo-bench-kanban.conf", args.db, **extra)
    return conn, path


def setup_marker(args):
    """What the populated database was built from: a reused database must match it."""
    addons = Path(args.addons) if args.addons else ROOT / "addons"
    manifest = ast.literal_eval((addons / "duo_mentoring" / "__manifest__.py").read_text())
    return f"{args.records} records, seed {SEED}, duo_mentoring depends " \
           f"{','.join(sorted(manifest['depends']))}"


def prepare_database(args, launcher, conn, config_path):
    marker = setup_marker(args)
    if args.reuse and benchlib.database_ready(launcher, conn, args.db, "bench_kanban.done",
                                              marker, MODULES):
        print(f"reusing database {args.db} ({marker})", flush=True)
        return
    seconds = benchlib.create_database(
        launcher, conn, config_path, args.db, MODULES,
        f"bench_kanban: installing {MODULES} in {args.db} failed (see above)")
    print(f"  installed in {seconds:.0f}s; populating", flush=True)
    run_phase("populate", args, config_path)


def run_phase(phase, args, config_path):
    options = ["--records", str(args.records), "--repeat", str(args.repeat)]
    if args.addons:
        options += ["--addons", args.addons]
    if args.profile:
        options.append("--profile")
    benchlib.run_phase(__file__, "bench_kanban", phase, config_path, args.db, options)


# ---------------------------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------------------------
def batched(seq, size=BATCH):
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


def create_batched(model, vals_list):
    records = model.browse()
    for chunk in batched(vals_list):
        records |= model.create(chunk)
    return records


def make_users(env):
    Users = env["res.users"].with_context(no_reset_password=True)
    centre = env.ref("duo_mentoring.duo_centre_brussels")
    duo_user = env.ref("duo_mentoring.group_duo_user")
    coordinators = Users.create([{
        "name": f"Bench Coordinator {k}", "login": f"bench_coordinator_{k}",
        "email": f"bench.coordinator{k}@example.com",
        "group_ids": [(6, 0, [duo_user.id])], "duo_centre_ids": [(6, 0, [centre.id])],
    } for k in range(5)])
    all_leads = env.ref("sales_team.group_sale_salesman_all_leads")
    salesmen = Users.create([{
        "name": f"Bench Salesman {k}", "login": f"bench_salesman_{k}",
        "email": f"bench.salesman{k}@example.com", "group_ids": [(6, 0, [all_leads.id])],
    } for k in range(5)])
    team = env.ref("sales_team.team_sales_department")
    team.member_ids = [(4, user.id) for user in salesmen]
    return coordinators, salesmen


def make_people(env, rng, n_mentees, n_mentors):
    centre = env.ref("duo_mentoring.duo_centre_brussels")
    intake = {s.code: s for s in env["duo.intake.stage"].search([])}
    lang_fr = env.ref("duo_mentoring.duo_language_fr")
    lang_nl = env.ref("duo_mentoring.duo_language_nl")
    today = date.today()
    now = datetime.now().replace(microsecond=0)
    Partner = env["res.partner"]
    common = {
        "centre_id": centre.id, "consent_date": now, "consent_version": "2026-01",
        "consent_channel": "paper", "info_session_date": today - timedelta(days=40),
        "interview_date": today - timedelta(days=30),
        "interview_notes": "<p>Motivated, clear project.</p>",
    }
    partners = create_batched(Partner, [
        {"name": f"Mentee {k}", "email": f"mentee{k}@example.com"} for k in range(n_mentees)
    ])
    mentees = create_batched(env["duo.mentee"], [{
        **common, "partner_id": partner.id, "name": partner.name,
        "birthdate": today - timedelta(days=365 * rng.randint(19, 31) + rng.randint(0, 300)),
        "nationality_id": env.ref("base.ma").id, "residence_status": "long_term",
        "language_skill_ids": [(0, 0, {"language_id": lang_fr.id, "level": "b2"})],
        "stage_id": intake["ready"].id,
    } for partner in partners])
    partners = create_batched(Partner, [
        {"name": f"Mentor {k}", "email": f"mentor{k}@example.com"} for k in range(n_mentors)
    ])
    mentors = create_batched(env["duo.mentor"], [{
        **common, "partner_id": partner.id, "name": partner.name,
        "birthdate": today - timedelta(days=365 * rng.randint(55, 66)),
        "experience_years": rng.randint(20, 40), "capacity": rng.choice([1, 1, 2, 2, 3]),
        "language_skill_ids": [(0, 0, {"language_id": rng.choice([lang_fr, lang_nl]).id,
                                       "level": "native"})],
        "stage_id": intake["interview"].id,
    } for partner in partners])
    modules = env["duo.training.module"].search([])
    create_batched(env["duo.training.attendance"], [
        {"mentor_id": mentor.id, "module_id": module.id, "state": "attended"}
        for mentor in mentors for module in modules
    ])
    for chunk in batched(mentors):
        chunk.write({"stage_id": intake["ready"].id})
    return mentees, mentors


def pair_vals(rng, code, mentee, mentor, coordinators):
    today = date.today()
    vals = {
        "mentee_id": mentee.id, "mentor_id": mentor.id, "user_id": rng.choice(coordinators).id,
        "matching_score": round(rng.uniform(0.3, 0.95), 3),
        "priority": "1" if rng.random() < 0.1 else "0",
        "matching_explanation": "Same sector, two shared languages, close homes.",
    }
    if code in ("approved", "agreement", "mentoring", "completed", "ended"):
        vals.update(mentee_answer="accepted", mentor_answer="accepted")
    if code in ("agreement", "mentoring", "completed", "ended"):
        signed = today - timedelta(days=rng.randint(10, 900))
        vals.update(agreement_date=signed, agreement_mentee_accepted=True,
                    agreement_mentor_accepted=True, conduct_mentee_accepted=True,
                    conduct_mentor_accepted=True)
        if code != "agreement":
            vals["start_date"] = signed + timedelta(days=7)
    if code == "completed":
        vals.update(end_date=vals["start_date"] + timedelta(days=182),
                    outcome=rng.choice(["job", "job", "training", "internship", "none"]))
    elif code == "ended":
        vals.update(end_date=vals["start_date"] + timedelta(days=rng.randint(20, 150)),
                    end_reason="The mentee moved to another city.")
    elif code == "rejected":
        vals.update(mentee_answer=rng.choice(["accepted", "rejected"]), mentor_answer="rejected",
                    rejection_reason="No common ground at the first meeting.")
    return vals


def make_pairs(env, rng, n_pairs, mentees, mentors, coordinators):
    """~20 % open duos (one per mentee, within the mentors' capacity), the rest closed."""
    stages = {s.code: s for s in env["duo.pair.stage"].search([])}
    n_open = min(len(mentees), n_pairs // 5, sum(mentors.mapped("capacity")))
    open_share = [("proposed", 0.15), ("first_meeting", 0.10), ("approved", 0.10),
                  ("agreement", 0.10), ("mentoring", 0.55)]
    closed_share = [("completed", 0.55), ("ended", 0.25), ("rejected", 0.20)]
    open_codes = [code for code, share in open_share for _i in range(round(share * n_open))]
    open_codes = (open_codes + ["mentoring"] * n_open)[:n_open]
    n_closed = n_pairs - n_open
    closed_codes = [code for code, share in closed_share
                    for _i in range(round(share * n_closed))]
    closed_codes = (closed_codes + ["completed"] * n_closed)[:n_closed]
    vals_list = []
    for code in closed_codes:
        vals = pair_vals(rng, code, rng.choice(mentees), rng.choice(mentors), coordinators)
        vals_list.append({**vals, "stage_id": stages[code].id})
    pairs = create_batched(env["duo.pair"].with_context(duo_force_stage=True), vals_list)
    slots = [mentor for mentor in mentors for _i in range(mentor.capacity)]
    rng.shuffle(slots)
    vals_list = []
    for mentee, mentor, code in zip(mentees[:n_open], slots, open_codes, strict=False):
        vals = pair_vals(rng, code, mentee, mentor, coordinators)
        vals_list.append({**vals, "stage_id": stages[code].id})
    pairs |= create_batched(env["duo.pair"].with_context(duo_force_stage=True), vals_list)
    meetings = []
    per_stage = {"mentoring": 2, "completed": 3, "ended": 1}
    for pair in pairs:
        for k in range(per_stage.get(pair.stage_code, 0)):
            meetings.append({"pair_id": pair.id, "date": pair.start_date + timedelta(days=7 * k),
                             "duration": 1.5, "topics": "CV, applications"})
    create_batched(env["duo.meeting"], meetings)
    return pairs


def make_leads(env, rng, n_leads, salesmen):
    team = env.ref("sales_team.team_sales_department")
    stages = env["crm.stage"].search(["|", ("team_ids", "=", False), ("team_ids", "in", team.ids)])
    weights = [0.35, 0.25, 0.20, 0.20][:len(stages)] + [0.1] * max(0, len(stages) - 4)
    customers = create_batched(env["res.partner"], [{
        "name": f"Customer {k}", "email": f"customer{k}@example.com", "is_company": k % 3 == 0,
    } for k in range(1000)])
    tags = env["crm.tag"].create([{"name": f"Bench tag {k}", "color": k + 1} for k in range(6)])
    vals_list = []
    for k in range(n_leads):
        partner = rng.choice(customers) if rng.random() < 0.7 else None
        vals_list.append({
            "name": f"Opportunity {k}", "type": "opportunity", "team_id": team.id,
            "stage_id": rng.choices(stages, weights)[0].id,
            "user_id": rng.choice(salesmen).id,
            "partner_id": partner.id if partner else False,
            "contact_name": False if partner else f"Contact {k}",
            "expected_revenue": rng.randint(1, 100) * 500,
            "priority": rng.choice(["0", "0", "1", "2", "3"]),
            "tag_ids": [(6, 0, rng.sample(tags.ids, rng.randint(0, 2)))],
        })
    return create_batched(env["crm.lead"], vals_list)


def make_activities(env, rng, records, users, share=0.1):
    todo = env.ref("mail.mail_activity_data_todo")
    model_id = env["ir.model"]._get_id(records._name)
    chosen = rng.sample(records.ids, int(len(records) * share))
    create_batched(env["mail.activity"], [{
        "res_model_id": model_id, "res_id": res_id, "activity_type_id": todo.id,
        "summary": "Follow up", "user_id": rng.choice(users).id,
        "date_deadline": date.today() + timedelta(days=rng.randint(-10, 10)),
    } for res_id in chosen])


def phase_populate(args):
    registry = benchlib.open_registry(args.config, args.db)
    rng = random.Random(SEED)
    started = time.time()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {
            "tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True,
            "mail_activity_quick_update": True, "mail_create_nosubscribe": True,
        })
        coordinators, salesmen = make_users(env)
        n_mentees = max(10, args.records // 2)
        mentees, mentors = make_people(env, rng, n_mentees, max(5, args.records // 5))
        print(f"  {len(mentees)} mentees, {len(mentors)} mentors "
              f"({time.time() - started:.0f}s)", flush=True)
        pairs = make_pairs(env, rng, args.records, mentees, mentors, coordinators)
        print(f"  {len(pairs)} duos: {dict(Counter(pairs.mapped('stage_code')))} "
              f"({time.time() - started:.0f}s)", flush=True)
        leads = make_leads(env, rng, args.records, salesmen)
        per_stage = dict(Counter(lead.stage_id.name for lead in leads))
        print(f"  {len(leads)} opportunities: {per_stage} "
              f"({time.time() - started:.0f}s)", flush=True)
        make_activities(env, rng, pairs, coordinators)
        make_activities(env, rng, leads, salesmen)
        env.flush_all()
        env["ir.config_parameter"].set_param("bench_kanban.done", setup_marker(args))
    with registry.cursor() as cr:
        cr.execute("ANALYZE")
    print(f"  populated in {time.time() - started:.0f}s", flush=True)


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------
def kanban_read_spec(env, model):
    """The unfold_read_specification the web client builds from the kanban arch."""
    views = env[model].get_views([(False, "kanban")])
    arch = etree.fromstring(views["views"]["kanban"]["arch"])
    fields = env[model].fields_get()
    spec = {}
    for node in arch.iter("field"):
        name = node.get("name")
        ftype = fields[name]["type"]
        invisible = node.get("invisible") in ("True", "1")
        entry = spec.setdefault(name, {})
        if ftype in ("many2one", "reference"):
            entry.setdefault("fields", {})
            if not invisible:
                entry["fields"]["display_name"] = {}
        elif ftype in ("one2many", "many2many") and node.get("widget") == "many2many_tags":
            options = node.get("options") or "{}"
            related = {"display_name": {}}
            if "color_field" in options:
                related["color"] = {}
            entry.update(fields=related, limit=None)
        if node.get("widget") == "kanban_activity":
            for dep in KANBAN_ACTIVITY_DEPS:
                dep_type = fields[dep]["type"]
                spec.setdefault(dep, {"fields": {"display_name": {}}}
                                if dep_type == "many2one" else {})
    kanban = views["views"]["kanban"]
    progressbar = arch.find("progressbar")
    aggregates = []
    if progressbar is not None:
        for attr in ("sum_field", "recurring_revenue_sum_field"):
            if progressbar.get(attr):
                aggregates.append(f"{progressbar.get(attr)}:sum")
        progressbar = {"field": progressbar.get("field"),
                       "colors": json.loads(progressbar.get("colors"))}
    return spec, aggregates, progressbar, kanban["id"]


def action_context(env, xmlid, uid):
    action = env.ref(xmlid).sudo()
    ctx = {"lang": "en_US", "tz": "Europe/Brussels", "uid": uid,
           "allowed_company_ids": [env.company.id]}
    extra = safe_eval(action.context or "{}", {"uid": uid})
    ctx.update({k: v for k, v in extra.items() if not k.startswith("search_default_")})
    return ctx


def one_call(registry, uid, model, plan, cold):
    """One kanban opening in its own transaction, as one RPC would run."""
    if cold:
        registry.clear_all_caches()
    with registry.cursor() as cr:
        env = api.Environment(cr, uid, plan["context"])
        Model = env[model].with_context(read_group_expand=True)
        start_count = cr.sql_log_count
        start = time.perf_counter()
        result = Model.web_read_group(
            plan["domain"], ["stage_id"], plan["aggregates"], auto_unfold=True,
            unfold_read_specification=plan["spec"], unfold_read_default_limit=40,
        )
        rpc1 = time.perf_counter() - start
        queries1 = cr.sql_log_count - start_count
        env.invalidate_all()
        start_count = cr.sql_log_count
        start = time.perf_counter()
        if plan["progressbar"]:
            Model.read_progress_bar(plan["domain"], "stage_id", plan["progressbar"])
        rpc2 = time.perf_counter() - start
        queries2 = cr.sql_log_count - start_count
        cr.rollback()
    cards = sum(len(g.get("__records", ())) for g in result["groups"])
    total = sum(g["__count"] for g in result["groups"])
    return rpc1, queries1, rpc2, queries2, cards, total, len(result["groups"])


def summarize(runs):
    wrg = [r[0] * 1000 for r in runs]
    both = [(r[0] + r[2]) * 1000 for r in runs]
    return {
        "median": statistics.median(wrg), "p95": benchlib.p95(wrg),
        "queries": statistics.median(r[1] for r in runs),
        "pb_median": statistics.median(r[2] * 1000 for r in runs),
        "pb_queries": statistics.median(r[3] for r in runs),
        "open_median": statistics.median(both), "open_p95": benchlib.p95(both),
        "cards": runs[0][4], "records": runs[0][5], "columns": runs[0][6],
    }


def measure(registry, cases, repeat, cold):
    """Time every (uid, model, plan) case `repeat` times, interleaving the cases so that the
    load of a shared machine spreads evenly over them."""
    for _i in range(3):
        for uid, model, plan in cases:
            one_call(registry, uid, model, plan, cold=False)  # warm-up
    runs = [[] for _case in cases]
    for i in range(repeat):
        order = list(range(len(cases)))
        if i % 2:
            order.reverse()
        for k in order:
            uid, model, plan = cases[k]
            runs[k].append(one_call(registry, uid, model, plan, cold))
    if cold:
        registry.cache_invalidated.clear()
    return [summarize(r) for r in runs]


def plans_for(registry, users):
    plans = {}
    with registry.cursor() as cr:
        for model, scenario in SCENARIOS.items():
            env = api.Environment(cr, users[model], {"lang": "en_US"})
            spec, aggregates, progressbar, _view = kanban_read_spec(env, model)
            ctx = action_context(env, scenario["action"], users[model])
            for variant in ("all", "default"):
                domain = [(f, o, users[model] if v == "UID" else v)
                          for f, o, v in scenario[f"domain_{variant}"]]
                plans[model, variant] = {"spec": spec, "aggregates": aggregates,
                                         "progressbar": progressbar, "context": ctx,
                                         "domain": domain}
    return plans


def bench_users(registry):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        Users = env["res.users"]
        return {
            "duo.pair": Users.search([("login", "=", "bench_coordinator_0")]).id,
            "crm.lead": Users.search([("login", "=", "bench_salesman_0")]).id,
            "admin": env.ref("base.user_admin").id,
        }


def print_table(rows):
    head = ("| kanban | user | domain | cache | records | cols | cards | web_read_group "
            "median ms | p95 ms | SQL | + read_progress_bar ms | SQL | open median ms | "
            "p95 ms |")
    print(head)
    print("|" + "---|" * 4 + "---:|" * 10)
    for (model, who, variant, cache), r in rows.items():
        print(f"| {model} | {who} | {variant} | {cache} | {r['records']:,} | {r['columns']} | "
              f"{r['cards']} | {r['median']:.1f} | {r['p95']:.1f} | {r['queries']:.0f} | "
              f"{r['pb_median']:.1f} | {r['pb_queries']:.0f} | {r['open_median']:.1f} | "
              f"{r['open_p95']:.1f} |")
    print()
    print("| user | domain | cache | duo/crm web_read_group (median) | duo/crm open (median) "
          "| SQL duo / crm |")
    print("|---|---|---|---:|---:|---|")
    for (model, who, variant, cache), duo in rows.items():
        if model != "duo.pair":
            continue
        crm = rows["crm.lead", who, variant, cache]
        print(f"| {who} | {variant} | {cache} | {duo['median'] / crm['median']:.2f} | "
              f"{duo['open_median'] / crm['open_median']:.2f} | "
              f"{duo['queries']:.0f} / {crm['queries']:.0f} |")


def profile_duo(registry, uid, plan):
    """Where the warm duo call spends its time: cProfile top functions."""
    one_call(registry, uid, "duo.pair", plan, cold=False)
    profiler = cProfile.Profile()
    profiler.enable()
    for _i in range(5):
        one_call(registry, uid, "duo.pair", plan, cold=False)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
    print(out.getvalue())


def phase_measure(args):
    registry = benchlib.open_registry(args.config, args.db)
    users = bench_users(registry)
    plans = plans_for(registry, users)
    print("read specifications (from each kanban arch, as user):")
    for model in SCENARIOS:
        print(f"  {model}: {json.dumps(plans[model, 'all']['spec'], sort_keys=True)}")
        print(f"    aggregates {plans[model, 'all']['aggregates']}, "
              f"context {plans[model, 'all']['context']}")
    rows = {}
    for who, variant in (("group user", "all"), ("group user", "default"), ("admin", "all")):
        for cache in ("warm", "cold"):
            cases = [(users[model] if who == "group user" else users["admin"], model,
                      plans[model, variant]) for model in SCENARIOS]
            results = measure(registry, cases, args.repeat, cache == "cold")
            for model, r in zip(SCENARIOS, results, strict=True):
                rows[model, who, variant, cache] = r
                print(f"  {model:9} {who:10} {variant:7} {cache}: median "
                      f"{r['median']:.1f} ms, p95 {r['p95']:.1f} ms, "
                      f"{r['queries']:.0f} queries", flush=True)
    print()
    print_table(rows)
    if args.profile:
        profile_duo(registry, users["duo.pair"], plans["duo.pair", "all"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the populated database if it exists")
    parser.add_argument("--records", type=int, default=5000, help="duos and leads (5000)")
    parser.add_argument("--repeat", type=int, default=30, help="timed calls per case (30)")
    parser.add_argument("--db", default=DB_NAME, help=f"database name ({DB_NAME})")
    parser.add_argument("--profile", action="store_true",
                        help="also print a cProfile of the warm duo call")
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
        prepare_database(args, launcher, conn, config_path)
    except launcher.UserError as exc:
        sys.exit(f"bench_kanban: {exc}")
    print(f"measuring ({args.repeat} calls per case after 3 warm-up calls)", flush=True)
    run_phase("measure", args, config_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
