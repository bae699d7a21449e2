from odoo import fields, models

INTAKE_STAGE_CODES = [
    ("info_session", "Information session"),
    ("interview", "Personal interview"),
    ("training", "Training"),
    ("evaluation", "Evaluation"),
    ("ready", "Ready to match"),
    ("matched", "In a duo"),
    ("alumni", "Alumni"),
    ("withdrawn", "Withdrawn"),
    ("not_eligible", "Not eligible"),
]


class DuoIntakeStage(models.Model):
    """A stage of the intake pipeline of mentors and mentees (stages 1–5 of the DUO cycle).
    The `code` carries the programme's rules, so staff may rename or reorder stages freely."""

    _name = "duo.intake.stage"
    _inherit = ["duo.stage.mixin"]
    _description = "Intake Stage"

    code = fields.Selection(INTAKE_STAGE_CODES, required=True)
    for_mentee = fields.Boolean(default=True)
    for_mentor = fields.Boolean(default=True)
    is_closed = fields.Boolean(
        help="People in this stage left the programme; a reason is required to enter it."
    )
    description = fields.Text(help="Shown as a tooltip in the kanban.")

    _code_uniq = models.Constraint("unique (code)", "Each intake stage code is used once.")
