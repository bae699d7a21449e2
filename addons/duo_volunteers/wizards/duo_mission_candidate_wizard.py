from odoo import fields, models


class DuoMissionCandidateWizard(models.TransientModel):
    """Ranked volunteers for a mission; tick some and sign them up."""

    _name = "duo.mission.candidate.wizard"
    _description = "Find Volunteers for a Mission"

    mission_id = fields.Many2one("duo.volunteer.mission", required=True, ondelete="cascade")
    volunteers_missing = fields.Integer(related="mission_id.volunteers_missing")
    line_ids = fields.One2many("duo.mission.candidate.line", "wizard_id", string="Candidates")

    def action_sign_up(self):
        self.ensure_one()
        volunteers = self.line_ids.filtered("selected").volunteer_id
        self.env["duo.volunteer.signup"].create([
            {"mission_id": self.mission_id.id, "volunteer_id": volunteer.id}
            for volunteer in volunteers
        ])
        return {"type": "ir.actions.act_window_close"}
