"""Accessibility checks of portal pages in the browser, with axe-core.

axe-core's script comes from the pinned Python package ``axe-core-python``
(requirements-dev.txt), not from a copy in the tree. The page is opened on a 390 px wide
phone screen as the given user; axe runs with the WCAG 2 A and AA rules and the check fails
on any serious or critical violation, listing each rule, its impact and the elements at fault,
and on a page wider than the screen (horizontal scrolling).
"""

import importlib.resources
import json

AXE_PACKAGE = "axe_core_python"
AXE_TAGS = ["wcag2a", "wcag2aa"]
BLOCKING_IMPACTS = ["serious", "critical"]
PHONE_WIDTH = 390

# Runs in the page: loads axe from the attachment (the source is too large to travel in the
# test code, which Odoo logs), runs it, reports through console.error (fails the test) or the
# success signal.
AXE_CHECK = """
(async () => {
    const response = await fetch(%(axe_url)s);
    (0, eval)(await response.text());
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: %(tags)s},
        resultTypes: ["violations"],
        // Framed documents (the agreement to read) are Odoo reports, not portal pages.
        iframes: false,
    });
    const problems = results.violations
        .filter((violation) => %(impacts)s.includes(violation.impact))
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}; ` +
            violation.nodes.map((node) => node.target.join(" ") +
                (node.any.length ? ` [${node.any[0].message}]` : "")).join(" | "));
    const width = document.documentElement.scrollWidth;
    if (width > %(width)s) {
        problems.push(`horizontal scroll: the page is ${width} px wide on a %(width)s px screen`);
    }
    if (problems.length) {
        console.error(`Accessibility of ${location.pathname}:\\n` + problems.join("\\n"));
    } else {
        console.log("test successful");
    }
})()
"""


class DuoPortalA11yMixin:
    """For HttpCase classes: ``assertPageAccessible(url, login)``."""

    browser_size = f"{PHONE_WIDTH}x844"
    touch_enabled = True

    def _axe_attachment(self):
        try:
            source = (importlib.resources.files(AXE_PACKAGE) / "axe.min.js").read_bytes()
        except ModuleNotFoundError:
            self.skipTest(f"{AXE_PACKAGE} is not installed (pip install -r requirements-dev.txt)")
        # Public, served by /web/content to whoever is logged in; in the test's transaction.
        return self.env["ir.attachment"].create({
            "name": "axe.min.js", "raw": source, "public": True, "mimetype": "text/plain",
        })

    def assertPageAccessible(self, url, login):
        attachment = self._axe_attachment()
        code = AXE_CHECK % {
            "axe_url": json.dumps(f"/web/content/{attachment.id}"),
            "tags": json.dumps(AXE_TAGS),
            "impacts": json.dumps(BLOCKING_IMPACTS),
            "width": PHONE_WIDTH,
        }
        self.browser_js(url, code, ready="document.readyState === 'complete'", login=login)
