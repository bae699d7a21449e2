#!/usr/bin/env python3
"""Website application forms under load, next to Odoo's own contact form, both doing the
work a real submission does.

Usage: python3 bench/bench_application_forms.py [--applications 1000] [--clients 20]
                                                [--workers 4] [--rounds 4] [--keep]

1. Creates the throw-away database ``duo_bench_forms`` with ``website_duo`` (no demo data) on
   the embedded cluster of ``bin/duo`` (or the ``DUO_DB_*`` server), switches the per-IP
   submission limit off (all traffic comes from 127.0.0.1) and, as on a real site, gives the
   company an email address and every centre a coordinator (an internal user with an email):
   each application then gives that coordinator a to-do and its notification emails.
2. Starts a local mail catcher (an SMTP sink on 127.0.0.1 that accepts and counts messages)
   and Odoo with ``--workers`` HTTP workers (prefork, as in production) on a free port of
   127.0.0.1, sending its mail to that catcher; no cron.
3. ``--clients`` concurrent clients (threads, one HTTP session each: one GET of the form for
   the session cookie, the CSRF token and the form's hidden fields, then POSTs) send
   ``--applications`` mentee applications to ``/duo/apply/mentee`` (multipart, with a 20 KB
   PDF CV, unique email and phone each) and as many messages to Odoo's
   ``/website/form/mail.mail`` (the "Contact us" form, posted as a browser posts it: the
   ``email_to`` that the page's JavaScript fills in with the company's address, so Odoo sends
   the mail at once, to the catcher). Each submission ends on its thank-you page, as in a
   browser: the DUO form's redirect is followed, the contact form's success page is loaded.
   The two forms alternate in ``--rounds`` rounds (A B B A ...), so that neither gets the
   quieter machine.
4. Runs, server stopped, the cron job that follows each application up (consent note, the
   coordinator's to-do and notification, the queued confirmation) and reports its time.
5. Counts what reached the database (mentees, CVs, to-dos, queued mails; contact mails) and
   the catcher, and reports throughput (requests per second over the rounds) and the latency
   of the POSTs (median, p95, max) of both forms and their ratio.

Everything stays on 127.0.0.1; the server and the database are removed at the end unless
``--keep``. The number of requests is bounded by the arguments.
"""

import argparse
import re
import socketserver
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import benchlib
import requests

ROOT = benchlib.ROOT
DB_NAME = "duo_bench_forms"
MODULES = ["website_duo"]
BENCH_SUBJECT = "bench contact"
COMPANY_EMAIL = "info@duo-bench.example.com"
# A well-formed PDF of about 19 kB, built as the tests build theirs (the forms parse CVs).
PDF = benchlib.load_source(
    "pdf_samples", ROOT / "addons/duo_mentoring/tests/pdf_samples.py").padded_pdf(19000)


def phase_followup(args):
    """In a child process with Odoo: the cron job that follows each application up (proof of
    consent, the coordinator's to-do, the queued confirmation), run until nothing waits."""
    registry = benchlib.open_registry(args.config, args.db)
    with registry.cursor() as cr:
        from odoo import api  # noqa: PLC0415 - Odoo only in the phases

        env = api.Environment(cr, 1, {})  # superuser: the cron job runs as OdooBot
        started, done = time.perf_counter(), 0
        while count := env["duo.website.application"]._cron_application_followup():
            done += count
            cr.commit()
        elapsed = time.perf_counter() - started
    print(f"follow-up cron job: {done} applications in {elapsed:.1f}s "
          f"({elapsed / max(done, 1) * 1000:.0f} ms each, outside the visitors' requests)",
          flush=True)
    return 0


def phase_populate(args):
    """In a child process with Odoo: what a real site has (see the module docstring)."""
    registry = benchlib.open_registry(args.config, args.db)
    with registry.cursor() as cr:
        from odoo import api  # noqa: PLC0415 - Odoo only in the phases

        env = api.Environment(cr, 1, {})  # superuser: set-up of the bench database
        env.company.email = COMPANY_EMAIL
        coordinator = env["res.users"].create({
            "login": "bench_coordinator", "name": "Bench Coordinator",
            "email": "coordinator@duo-bench.example.com",
            "group_ids": [(6, 0, env.ref("duo_mentoring.group_duo_user").ids)],
        })
        centres = env["duo.centre"].search([])
        centres.write({"coordinator_ids": [(4, coordinator.id)],
                       "user_ids": [(4, coordinator.id)]})
    return 0


class MailCatcher(socketserver.ThreadingTCPServer):
    """The smallest SMTP server that accepts every message and counts it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SmtpSession)
        self.count = 0
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()


class SmtpSession(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 bench ESMTP")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                self.reply("250 bench")
            elif verb.startswith("DATA"):
                self.reply("354 end with <CRLF>.<CRLF>")
                while (data := self.rfile.readline()) and data not in (b".\r\n", b".\n"):
                    pass
                with self.server.lock:
                    self.server.count += 1
                self.reply("250 queued")
            elif verb.startswith("QUIT"):
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


def prepare(launcher, conn, args, smtp_port):
    (port,) = launcher.free_ports(1)
    config = benchlib.runtime_config(
        launcher, conn, "odoo-bench-forms.conf", args.db, workers=args.workers,
        http_port=port, http_interface="127.0.0.1", proxy_mode="False",
        limit_time_real=600, limit_time_cpu=300, smtp_server="127.0.0.1", smtp_port=smtp_port,
    )
    seconds = benchlib.create_database(
        launcher, conn, config, args.db, MODULES,
        "bench_application_forms: installing website_duo failed (see above)")
    print(f"  installed in {seconds:.0f}s", flush=True)
    benchlib.run_phase(__file__, "bench_application_forms", "populate", config, args.db)
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


def run_load(base, kind, indexes, clients, ref):
    """One POST per index over `clients` sessions; returns (wall s, latencies, failures)."""
    latencies, failures = [], []
    lock = threading.Lock()
    indexes = list(indexes)
    per_client = [indexes[c::clients] for c in range(clients) if indexes[c::clients]]

    def client(indexes):
        session = requests.Session()
        token, hidden = None, {}
        if kind == "duo":
            page = session.get(f"{base}/duo/apply/mentee", timeout=60)
            token = input_value(page.text, "csrf_token")
        else:
            page = session.get(f"{base}/contactus", timeout=60)
            # The page's JavaScript fills email_to with the company's address (the signature
            # is computed from it); an empty email_to would make Odoo skip the sending.
            hidden = {"email_to": input_value(page.text, "email_to") or COMPANY_EMAIL,
                      "website_form_signature": input_value(page.text,
                                                            "website_form_signature")}
            # Where the page's JavaScript sends the browser once the form is posted.
            success = re.search(r'data-success-page="([^"]+)"', page.text)
            success_page = success.group(1) if success else "/contactus-thank-you"
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
                    # The browser then shows the thank-you page, as the DUO form's redirect
                    # does: both submissions end on their thank-you page.
                    if ok:
                        response = session.get(f"{base}{success_page}", timeout=120)
                        ok = response.status_code == 200
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
        cr.execute("SELECT count(*) FROM mail_activity WHERE res_model = 'duo.mentee'")
        todos = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM mail_mail m JOIN mail_message msg "
                   "ON msg.id = m.mail_message_id WHERE msg.model = 'duo.mentee'")
        queued = cr.fetchone()[0]
    return {"mentees": mentees, "contacts": contacts, "cvs": cvs, "todos": todos,
            "queued": queued}


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


def interleaved(base, n, clients, rounds, ref):
    """Both forms in `rounds` alternating rounds (A B B A ...); per form the total wall time,
    every latency and every failure."""
    totals = {kind: [0.0, [], []] for kind in ("duo", "contact")}
    chunks = [range(r * n // rounds, (r + 1) * n // rounds) for r in range(rounds)]
    for number, chunk in enumerate(chunks):
        order = ("duo", "contact") if number % 2 == 0 else ("contact", "duo")
        for kind in order:
            wall, latencies, failures = run_load(base, kind, chunk, clients, ref)
            totals[kind][0] += wall
            totals[kind][1] += latencies
            totals[kind][2] += failures
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds (4)")
    parser.add_argument("--db", default=DB_NAME)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    benchlib.add_phase_options(parser)
    args = parser.parse_args()
    if args.phase == "populate":
        return phase_populate(args)
    if args.phase == "measure":
        return phase_followup(args)
    if not 1 <= args.applications <= 20000 or not 1 <= args.clients <= 100 \
            or not 1 <= args.rounds <= args.applications:
        sys.exit("bench_application_forms: at most 20,000 applications and 100 clients, "
                 "at least one application per round")

    launcher = benchlib.load_launcher()
    conn = launcher.db_options()
    catcher = MailCatcher()
    config, port, ref = prepare(launcher, conn, args, catcher.server_address[1])
    server, base = start_server(launcher, config, args, port)
    try:
        caught_before = catcher.count
        totals = interleaved(base, args.applications, args.clients, args.rounds, ref)
        duo = report("DUO mentee form", args.applications, *totals["duo"])
        contact = report("Odoo contact form", args.applications, *totals["contact"])
        caught = catcher.count - caught_before
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        catcher.shutdown()
    benchlib.run_phase(Path(__file__).resolve(), "bench_application_forms", "measure", config,
                       args.db)
    rows = count_rows(launcher, conn, args.db)
    print(f"in the database: {rows['mentees']} mentees ({rows['cvs']} CVs, {rows['todos']} "
          f"coordinator to-dos, {rows['queued']} mails queued on them), {rows['contacts']} "
          f"contact mails; the mail catcher received {caught} messages")
    print(f"ratio DUO/contact: throughput {duo['rps'] / contact['rps']:.2f}, "
          f"p95 latency {duo['p95'] / contact['p95']:.2f}")
    print("\n| form | POSTs | saved | failures | wall s | req/s | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row, saved in ((duo, rows["mentees"]), (contact, rows["contacts"])):
        print(f"| {row['label']} | {row['n']} | {saved} | {row['failures']} | {row['wall']:.1f} "
              f"| {row['rps']:.1f} | {row['p50'] * 1000:.0f} | {row['p95'] * 1000:.0f} "
              f"| {row['max'] * 1000:.0f} |")
    if not args.keep:
        launcher.drop_database(conn, args.db)
    return 0 if rows["mentees"] == args.applications and not duo["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
