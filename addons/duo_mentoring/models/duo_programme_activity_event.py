from odoo import fields, models


class DuoProgrammeActivity(models.Model):
    """Programme activities happen in Odoo events (mock interview day, CV workshop, language
    session) or are resources to download (the accommodation guide)."""

    _inherit = "duo.programme.activity"

    event_id = fields.Many2one(
        "event.event", string="Session", index="btree_not_null", ondelete="set null",
        help="Duos whose mentee or mentor attends this session get the activity.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment", "duo_programme_activity_attachment_rel", "activity_id",
        "attachment_id", string="Documents",
        help="Resources to download, e.g. the accommodation guide.",
    )
