from odoo import api, fields, models


class DuoMatchingSession(models.Model):
    """The weekly matching meeting of one centre: who was ready, what was proposed and
    what the matching team decided."""

    _name = "duo.matching.session"
    _description = "DUO Matching Session"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    centre_id = fields.Many2one(
        "duo.centre", required=True, index=True, tracking=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    state = fields.Selection(
        [("draft", "Draft"), ("proposed", "Proposed"), ("done", "Decided"),
         ("cancel", "Cancelled")],
        default="draft", required=True, tracking=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Chaired by", default=lambda self: self.env.user
    )
    notes = fields.Html()

    @api.depends("date", "centre_id")
    def _compute_name(self):
        for session in self:
            session.name = self.env._(
                "Matching %(centre)s %(date)s",
                centre=session.centre_id.code or "",
                date=session.date or "",
            )

    def action_cancel(self):
        self.write({"state": "cancel"})
