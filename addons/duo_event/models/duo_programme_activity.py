from odoo import fields, models

ACTIVITY_KINDS = [
    ("mock_interview", "Mock interview day"),
    ("cv_workshop", "CV workshop"),
    ("language_session", "Language session"),
    ("accommodation_guide", "Accommodation guide"),
    ("other", "Other"),
]


class DuoProgrammeActivity(models.Model):
    """A workshop or resource offered to duos (mock interviews, CV workshops...). Later
    linked to an Odoo event; duos are linked to the activities they took part in."""

    _name = "duo.programme.activity"
    _description = "Programme Activity"
    _order = "date desc, id desc"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(ACTIVITY_KINDS, required=True, default="other")
    date = fields.Date()
    centre_id = fields.Many2one("duo.centre", index=True, help="Empty: open to every centre.")
    description = fields.Html(translate=True)
    pair_ids = fields.Many2many("duo.pair", string="Duos")
    active = fields.Boolean(default=True)

    # Programme activities happen in Odoo events (mock interview day, CV workshop, language
    # session) or are resources to download (the accommodation guide).
    event_id = fields.Many2one(
        "event.event", string="Session", index="btree_not_null", ondelete="set null",
        help="Duos whose mentee or mentor attends this session get the activity.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment", "duo_programme_activity_attachment_rel", "activity_id",
        "attachment_id", string="Documents",
        help="Resources to download, e.g. the accommodation guide.",
    )
