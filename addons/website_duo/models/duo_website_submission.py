from datetime import timedelta

from odoo import api, fields, models

RATE_LIMIT_PARAM = "website_duo.application_rate_limit"
DEFAULT_RATE_LIMIT = 30


class DuoWebsiteSubmission(models.Model):
    """One posted website application form, kept a day to limit submissions per IP address
    (spam). Nothing personal beyond the address; vacuumed daily."""

    _name = "duo.website.submission"
    _description = "Website Application Submission"
    _order = "id desc"

    ip = fields.Char(string="IP address", required=True)
    form = fields.Char(required=True, help="mentee, mentor, volunteer...")
    outcome = fields.Selection([
        ("saved", "Application saved"),
        ("invalid", "Returned with errors"),
        ("pending", "Same email already waiting for review"),
        ("spam", "Spam trap"),
    ], required=True)

    _ip_date_idx = models.Index("(ip, create_date)")

    @api.model
    def _rate_limit(self):
        """Submissions allowed per IP address and hour; 0 switches the limit off."""
        value = self.env["ir.config_parameter"].sudo().get_param(RATE_LIMIT_PARAM)
        try:
            return int(value) if value not in (None, False, "") else DEFAULT_RATE_LIMIT
        except ValueError:
            return DEFAULT_RATE_LIMIT

    # sudo below: this log is written and read for anonymous visitors by the forms only; no
    # user reads it through the interface.
    @api.model
    def _is_over_limit(self, ip):
        limit = self._rate_limit()
        if limit <= 0:
            return False
        since = fields.Datetime.now() - timedelta(hours=1)
        return self.sudo().search_count(
            [("ip", "=", ip), ("create_date", ">=", since)], limit=limit
        ) >= limit

    @api.model
    def _log(self, ip, form, outcome):
        if self._rate_limit() > 0:
            self.sudo().create({"ip": ip or "unknown", "form": form, "outcome": outcome})

    @api.autovacuum
    def _gc_old_submissions(self):
        self.sudo().search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()
