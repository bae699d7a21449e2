#!/usr/bin/env python3
"""Screenshots of DUO's main screens for the README, taken from a running `make run`.

    python3 docs/take_screenshots.py [--url http://localhost:8069] [--db duo]

Logs in as the demo users (each in their own language), opens each screen in headless
Chromium at 1440x900 and writes docs/screenshots/<name>.png. Needs Chromium and the Python
package websocket-client (both come with Odoo's test dependencies).
"""
import argparse
import base64
import http.cookiejar
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

OUT = Path(__file__).resolve().parent / "screenshots"
# (file name, login, path, button to click first): what coordinators, the matching team, a
# manager, the volunteer and fundraising managers and an applicant see. The matching session
# is run first (as its chair would), which changes the demo database it is taken from.
SHOTS = [
    ("mentees_kanban", "sarah", "/odoo/action-duo_mentoring.duo_mentee_action", None),
    ("duos_kanban", "jonas", "/odoo/action-duo_mentoring.duo_pair_action", None),
    ("matching_session", "nadia", "/odoo/action-duo_matching.duo_matching_session_action/1",
     "button[name='action_run']"),
    ("cycle_overview", "isabelle", "/odoo/action-duo_mentoring.duo_cycle_report_action", None),
    ("dashboard", "isabelle", "/odoo/action-duo_dashboard.duo_dashboard_action", None),
    ("volunteers", "leen", "/odoo/action-duo_volunteers.duo_volunteer_action", None),
    ("donors", "thomas", "/odoo/action-duo_fundraising.res_partner_action_donors", None),
    ("website_mentor_form", None, "/nl/duo/apply/mentor", None),
]


def login(base, db, user):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    body = json.dumps({"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": user}})
    request = urllib.request.Request(f"{base}/web/session/authenticate", body.encode(),
                                     {"Content-Type": "application/json"})
    answer = json.load(opener.open(request))
    if answer.get("error"):
        raise SystemExit(f"cannot log in as {user}: {answer['error']['data']['message']}")
    return next(cookie.value for cookie in jar if cookie.name == "session_id")


class Browser:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="duo-shots-")
        self.process = subprocess.Popen(
            [shutil.which("chromium") or "chromium", "--headless=new", "--no-sandbox",
             "--disable-gpu", "--remote-debugging-port=9333", f"--user-data-dir={self.profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _attempt in range(50):
            try:
                targets = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.2)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.ids = 0
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def call(self, method, **params):
        self.ids += 1
        self.ws.send(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.ids:
                return message.get("result", {})

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression,
                         returnByValue=True).get("result", {}).get("value")

    def wait_ready(self):
        """Until the page stopped loading and no Odoo spinner or blocking overlay remains."""
        for _attempt in range(100):
            time.sleep(0.3)
            if self.evaluate("document.readyState === 'complete' && "
                             "!document.querySelector('.o_loading_indicator, .o_blockUI') && "
                             "!!document.querySelector('.o_action_manager .o_view_controller, "
                             "#wrapwrap')"):
                break
        time.sleep(1.5)  # fonts, avatars and charts

    def shoot(self, url, session_id, domain, path, click=None):
        self.call("Network.clearBrowserCookies")
        if session_id:
            self.call("Network.setCookie", name="session_id", value=session_id, domain=domain,
                      path="/")
        self.call("Page.navigate", url=url)
        self.wait_ready()
        if click and self.evaluate(f"!!document.querySelector({json.dumps(click)})"):
            self.evaluate(f"document.querySelector({json.dumps(click)}).click()")
            self.wait_ready()
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.process.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="duo")
    parser.add_argument("--only", help="one screenshot's name")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    domain = urllib.request.urlparse(args.url).hostname
    browser = Browser(1440, 900)
    try:
        for name, user, path, click in SHOTS:
            if args.only and name != args.only:
                continue
            session_id = login(args.url, args.db, user) if user else None
            browser.shoot(args.url + path, session_id, domain, OUT / f"{name}.png", click)
            print(f"docs/screenshots/{name}.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
