from odoo import fields, models


class DuoMissionCandidateLine(models.TransientModel):
    _name = "duo.mission.candidate.line"
    _description = "Mission Candidate"
    _order = "score desc, id"

    wizard_id = fields.Many2one("duo.mission.candidate.wizard", required=True, ondelete="cascade")
    volunteer_id = fields.Many2one("duo.volunteer", required=True, readonly=True)
    score = fields.Integer(readonly=True)
    reasons = fields.Char(readonly=True)
    selected = fields.Boolean()
