from odoo import fields, models

# What each published target measures: a column of the duos analysis (duo.pair.report).
TARGET_MEASURES = [
    ("positive_12m_rate", "Job, internship or training within 12 months"),
    ("job_12m_rate", "Job within 12 months"),
    ("stable_job_rate", "Stable job within 12 months"),
    ("mentor_return_rate", "Mentors who start a new duo"),
]


class DuoDashboardTarget(models.Model):
    """A figure the organisation publishes and is judged on (e.g. 72 % of the mentees who
    finish find a job, an internship or a training within 12 months): the dashboard sets the
    result of the duos next to it. Managers change the targets here, never in the formulas."""

    _name = "duo.dashboard.target"
    _description = "DUO Published Target"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    measure = fields.Selection(
        TARGET_MEASURES, required=True,
        help="The result of the duos this target is compared with.",
    )
    target = fields.Float(string="Target (%)", required=True, aggregator="max",
                          digits=(5, 1))

    _measure_uniq = models.Constraint("unique (measure)", "Each result has one target.")
    _target_range = models.Constraint(
        "CHECK (target >= 0 AND target <= 100)", "A target is a percentage from 0 to 100.")
