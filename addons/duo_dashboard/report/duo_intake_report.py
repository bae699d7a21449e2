from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.duo_mentoring.models.duo_intake_stage import INTAKE_STAGE_CODES

# The stages of the intake, up to Ready to match (people in a duo or gone are not waiting).
INTAKE_CODES = ("info_session", "interview", "training", "evaluation", "ready")


class DuoIntakeReport(models.Model):
    """One row per applicant (mentee or mentor) still in the intake: the stage, how many days
    they have been in it, and for people ready to match, how long they have been waiting for
    a duo."""

    _name = "duo.intake.report"
    _description = "DUO Intake Analysis"
    _auto = False
    _order = "date desc, id desc"

    role = fields.Selection([("mentee", "Mentee"), ("mentor", "Mentor")], readonly=True)
    mentee_id = fields.Many2one("duo.mentee", readonly=True)
    mentor_id = fields.Many2one("duo.mentor", readonly=True)
    centre_id = fields.Many2one("duo.centre", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    stage_id = fields.Many2one("duo.intake.stage", readonly=True)
    stage_code = fields.Selection(INTAKE_STAGE_CODES, string="Stage code", readonly=True)
    date = fields.Date(string="Applied on", readonly=True)
    person_count = fields.Integer(string="People", readonly=True, aggregator="sum")
    days_in_stage = fields.Float(string="Days in the stage", readonly=True, aggregator="avg")
    max_days_in_stage = fields.Integer(string="Longest in the stage (days)", readonly=True,
                                       aggregator="max")
    ready_count = fields.Integer(string="Ready to match", readonly=True, aggregator="sum")
    days_ready = fields.Float(string="Days waiting for a duo", readonly=True, aggregator="avg")
    max_days_ready = fields.Integer(string="Longest wait for a duo (days)", readonly=True,
                                    aggregator="max")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)

        def people(table, role, mentee, mentor, offset):
            return SQL(
                """
                SELECT p.id * 2 + %(offset)s AS id, %(role)s AS role,
                       %(mentee)s AS mentee_id, %(mentor)s AS mentor_id,
                       p.centre_id, p.company_id, p.stage_id, p.stage_code,
                       p.create_date::date AS date, 1 AS person_count,
                       current_date - coalesce(p.date_stage, p.create_date)::date
                           AS days_in_stage,
                       current_date - coalesce(p.date_stage, p.create_date)::date
                           AS max_days_in_stage,
                       (p.stage_code = 'ready')::int AS ready_count,
                       CASE WHEN p.stage_code = 'ready' THEN current_date
                            - coalesce(p.date_ready, p.date_stage, p.create_date)::date
                       END AS days_ready,
                       CASE WHEN p.stage_code = 'ready' THEN current_date
                            - coalesce(p.date_ready, p.date_stage, p.create_date)::date
                       END AS max_days_ready
                  FROM %(table)s p
                 WHERE p.active AND p.stage_code IN %(codes)s
                """,
                offset=offset, role=role, mentee=mentee, mentor=mentor,
                table=SQL.identifier(table), codes=INTAKE_CODES,
            )

        self.env.cr.execute(SQL(
            "CREATE VIEW %(table)s AS (%(mentees)s UNION ALL %(mentors)s)",
            table=SQL.identifier(self._table),
            mentees=people("duo_mentee", "mentee", SQL("p.id"), SQL("NULL::int"), 0),
            mentors=people("duo_mentor", "mentor", SQL("NULL::int"), SQL("p.id"), 1),
        ))
