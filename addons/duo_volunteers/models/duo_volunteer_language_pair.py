from odoo import api, fields, models


class DuoVolunteerLanguagePair(models.Model):
    """A direction a volunteer translates in, e.g. French to Dutch."""

    _name = "duo.volunteer.language.pair"
    _description = "Volunteer Translation Pair"
    _order = "volunteer_id, id"

    volunteer_id = fields.Many2one("duo.volunteer", required=True, ondelete="cascade", index=True)
    source_lang_id = fields.Many2one(
        "duo.language", string="From", required=True, ondelete="restrict"
    )
    target_lang_id = fields.Many2one(
        "duo.language", string="To", required=True, ondelete="restrict"
    )

    _pair_uniq = models.Constraint(
        "unique (volunteer_id, source_lang_id, target_lang_id)",
        "This translation pair is already listed.",
    )
    _pair_check = models.Constraint(
        "CHECK (source_lang_id != target_lang_id)",
        "Source and target languages must differ.",
    )

    @api.depends("source_lang_id", "target_lang_id")
    def _compute_display_name(self):
        for pair in self:
            source = (pair.source_lang_id.code or "").upper()
            target = (pair.target_lang_id.code or "").upper()
            pair.display_name = f"{source} → {target}"
