from odoo import fields, models

PAIR_STAGE_CODES = [
    ("proposed", "Proposed"),
    ("first_meeting", "First meeting"),
    ("approved", "Approved by both"),
    ("agreement", "Agreement signed"),
    ("mentoring", "Mentoring"),
    ("completed", "Completed"),
    ("ended", "Ended early"),
    ("rejected", "Rejected"),
]
# Duos that ran their course (not rejected at the first meeting): they get the end evaluation.
# Whether a stage is open or over is the stage's own `is_closed` flag, not a list of codes.
ENDED_PAIR_CODES = ("completed", "ended")


class DuoPairStage(models.Model):
    """A stage of the duo pipeline (stages 5–8 of the DUO cycle)."""

    _name = "duo.pair.stage"
    _inherit = ["duo.stage.mixin"]
    _description = "Duo Stage"

    code = fields.Selection(PAIR_STAGE_CODES, required=True)
    is_closed = fields.Boolean(help="Duos in this stage are over.")

    _code_uniq = models.Constraint("unique (code)", "Each duo stage code is used once.")
