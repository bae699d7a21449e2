#!/usr/bin/env python3
"""Website application forms under load, next to Odoo's own contact form.

Usage: python3 bench/bench_application_forms.py [--applications 1000] [--clients 20]
                                                [--workers 4] [--keep]

1. Creates the throw-away database ``duo_bench_forms`` with ``duo_mentoring`` (and so
   ``website``; no demo data) on the embedded cluster of ``bin/duo`` (or the ``DUO_DB_*``
   server) and switches the per-IP submission limit off (all traffic comes from 127.0.0.1).
2. Starts Odoo on it with ``--workers`` HTTP workers (prefork, as in production) on a free
   port of 127.0.0.1, no cron.
3. ``--clients`` concurrent clients (threads, one HTTP session each: one GET of the form for
   the session cookie and the CSRF token, then POSTs) send ``--applications`` mentee
   applications to ``/duo/apply/mentee`` (multipart, with a 20 KB PDF CV, unique email and
   phone each); then the same number of messages to Odoo's ``/website/form/mail.mail`` (the
   "Contact us" form of the website, which Odoo sends at once: no mail server here, so the
   send fails fast and the mail is kept in exception).
4. Counts what reached the database (mentees with the bench's emails, mail.mail with the
   bench's subject), and reports throughput (requests per second, wall clock) and the
   latency of the POSTs (median, p95, max) of both forms and their ratio.

Everything stays on 127.0.0.1; the server and the database are removed at the end unless
``--keep``. The number of requests is bounded by the arguments.
"""

import argparse
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import benchlib
import requests

ROOT = benchlib.ROOT
DB_NAME = "duo_bench_forms"
MODULES = ["website_duo"]
BENCH_SUBJECT = "bench contact"
PDF = b"%PDF-1.4\n" + b"1 0 obj << /Length 64 >> stream 0123456789abcdef endstream\n" * 330


def prepare(launcher, conn, args):
    (port,) = launcher.free_ports(1)
    config = benchlib.runtime_config(
        launcher, conn, "odoo-bench-forms.conf", args.db, workers=args.workers,
        http_port=port, http_interface="127.0.0.1", proxy_mode="False",
        limit_time_real=600, limit_time_cpu=300,
    )
    seconds = benchlib.create_database(
        launcher, conn, config, args.db, MODULES,
        "bench_application_forms: installing duo_mentoring failed (see above)")
    print(f"  installed in {seconds:.0f}s", flush=True)
    with launcher.pg_connect(conn, args.db) as cnx, cnx.cursor() as cr:
        cr.execute("""
            INSERT INTO ir_config_parameter (key, value, create_date, write_date)
            VALUES ('website_duo.application_rate_limit', '0', now(), now())
            ON CONFLICT (key) DO UPDATE SET value = '0'
        """)
        cr.execute("SELECT id FROM duo_commune ORDER BY zip LIMIT 1")
        commune = cr.fetchone()[0]
        cr.execute("SELECT id FROM duo_sector WHERE parent_id IS NULL ORDER BY id LIMIT 2")
        sectors = [row[0] for row in cr.fetchall()]
        cr.execute("SELECT id FROM duo_availability_slot ORDER BY bit LIMIT 3")
        slots = [row[0] for row in cr.fetchall()]
        cr.execute("SELECT id FROM duo_language WHERE code = 'fr'")
        language = cr.fetchone()[0]
        cnx.commit()
    return config, port, {"commune": commune, "sectors": sectors, "slots": slots,
                          "language": language}


def start_server(launcher, config, args, port):
    log = open(ROOT / ".local" / "bench-forms-server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(launcher.odoo_cmd(config, "-d", args.db), cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if requests.get(f"{base}/web/health", timeout=2).status_code == 200:
                # First hits compile assets and templates: not part of the measure.
                for path in ("/duo/apply/mentee", "/contactus"):
                    requests.get(base + path, timeout=120)
                return server, base
        except requests.RequestException:
            pass
        if server.poll() is not None:
            sys.exit("bench_application_forms: Odoo stopped, see .local/bench-forms-server.log")
        time.sleep(1)
    server.terminate()
    sys.exit("bench_application_forms: Odoo did not answer within 120 s")


def mentee_form(index, ref):
    return {
        "name": f"Bench Mentee {index}",
        "email": f"bench-{index}@example.com",
        "phone": f"+32 470 {index // 10000 % 100:02d} {index // 100 % 100:02d} "
                 f"{index % 100:02d}",
        "job_goal": "Accountant",
        "birthdate": "2000-05-04",
        "commune_id": str(ref["commune"]),
        "sector_ids": [str(sector) for sector in ref["sectors"]],
        "slot_ids": [str(slot) for slot in ref["slots"]],
        "language_1": str(ref["language"]),
        "level_1": "b2",
        "consent": "1",
    }


def contact_form(index, hidden):
    """What the "Contact us" page posts; `hidden` holds its signed email_to."""
    return {
        **hidden,
        "email_from": f"bench-contact-{index}@example.com",
        "subject": f"{BENCH_SUBJECT} {index}",
        "body_html": "I would like to know more about DUO.",
    }


def input_value(html, name):
    for tag in re.findall(r"<input[^>]*>", html):
        if f'name="{name}"' in tag:
            found = re.search(r'value="([^"]*)"', tag)
            return found.group(1) if found else ""
    return None


def run_load(base, kind, n, clients, ref):
    """n POSTs over `clients` sessions; returns (wall seconds, latencies, failures)."""
    latencies, failures = [], []
    lock = threading.Lock()
    per_client = [list(range(c, n, clients)) for c in range(clients)]

    def client(indexes):
        session = requests.Session()
        token, hidden = None, {}
        if kind == "duo":
            page = session.get(f"{base}/duo/apply/mentee", timeout=60)
            token = input_value(page.text, "csrf_token")
        else:
            page = session.get(f"{base}/contactus", timeout=60)
            hidden = {name: input_value(page.text, name)
                      for name in ("email_to", "website_form_signature")}
        for index in indexes:
            started = time.perf_counter()
            try:
                if kind == "duo":
                    response = session.post(
                        f"{base}/duo/apply/mentee", data={**mentee_form(index, ref),
                                                          "csrf_token": token},
                        files={"cv": ("cv.pdf", PDF, "application/pdf")}, timeout=120,
                    )
                    ok = response.status_code == 200 and "o_duo_application_thanks" in \
                        response.text
                else:
                    response = session.post(f"{base}/website/form/mail.mail",
                                            data=contact_form(index, hidden), timeout=120)
                    ok = response.status_code == 200 and '"id"' in response.text
            except requests.RequestException as exc:
                ok, response = False, exc
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok:
                    failures.append(getattr(response, "status_code", str(response)))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, per_client))
    return time.perf_counter() - started, latencies, failures


def count_rows(launcher, conn, db):
    with launcher.pg_connect(conn, db) as cnx, cnx.cursor() as cr:
        cr.execute("SELECT count(*) FROM duo_mentee m JOIN res_partner p ON p.id = m.partner_id "
                   "WHERE p.email LIKE 'bench-%%@example.com' AND p.email NOT LIKE "
                   "'bench-contact-%%'")
        mentees = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM mail_mail m JOIN mail_message msg "
                   "ON msg.id = m.mail_message_id WHERE msg.subject LIKE %s",
                   [f"{BENCH_SUBJECT} %"])
        contacts = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM ir_attachment WHERE res_model = 'duo.mentee' "
                   "AND res_field = 'cv'")
        cvs = cr.fetchone()[0]
    return mentees, contacts, cvs


def report(label, n, wall, latencies, failures):
    row = {
        "label": label, "n": n, "wall": wall, "rps": n / wall,
        "p50": statistics.median(latencies), "p95": benchlib.p95_interpolated(latencies),
        "max": max(latencies),
        "failures": len(failures),
    }
    print(f"{label}: {n} POSTs in {wall:.1f}s = {row['rps']:.1f}/s; latency median "
          f"{row['p50'] * 1000:.0f} ms, p95 {row['p95'] * 1000:.0f} ms, max "
          f"{row['max'] * 1000:.0f} ms; failures {len(failures)} {failures[:5]}", flush=True)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--db", default=DB_NAME)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if not 1 <= args.applications <= 20000 or not 1 <= args.clients <= 100:
        sys.exit("bench_application_forms: at most 20,000 applications and 100 clients")

    launcher = benchlib.load_launcher()
    conn = launcher.db_options()
    config, port, ref = prepare(launcher, conn, args)
    server, base = start_server(launcher, config, args, port)
    try:
        duo = report("DUO mentee form", args.applications,
                     *run_load(base, "duo", args.applications, args.clients, ref))
        contact = report("Odoo contact form", args.applications,
                         *run_load(base, "contact", args.applications, args.clients, ref))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    mentees, contacts, cvs = count_rows(launcher, conn, args.db)
    print(f"in the database: {mentees} mentees ({cvs} CVs), {contacts} contact mails")
    print(f"ratio DUO/contact: throughput {duo['rps'] / contact['rps']:.2f}, "
          f"p95 latency {duo['p95'] / contact['p95']:.2f}")
    print("\n| form | POSTs | saved | failures | wall s | req/s | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row, saved in ((duo, mentees), (contact, contacts)):
        print(f"| {row['label']} | {row['n']} | {saved} | {row['failures']} | {row['wall']:.1f} "
              f"| {row['rps']:.1f} | {row['p50'] * 1000:.0f} | {row['p95'] * 1000:.0f} "
              f"| {row['max'] * 1000:.0f} |")
    if not args.keep:
        launcher.drop_database(conn, args.db)
    return 0 if mentees == args.applications and not duo["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
