from odoo import fields, models, tools
from odoo.tools import SQL


class DuoMatchingSessionReport(models.Model):
    """One row per matching session held (decided): the people ready at its last run, the
    duos proposed and those that were created. The match rate is duos over mentees."""

    _name = "duo.matching.session.report"
    _description = "DUO Matching Sessions Analysis"
    _auto = False
    _order = "date desc, id desc"

    session_id = fields.Many2one("duo.matching.session", readonly=True)
    centre_id = fields.Many2one("duo.centre", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(readonly=True)
    session_count = fields.Integer(string="Sessions", readonly=True, aggregator="sum")
    candidate_mentee_count = fields.Integer(string="Mentees ready", readonly=True,
                                            aggregator="sum")
    candidate_mentor_count = fields.Integer(string="Mentors ready", readonly=True,
                                            aggregator="sum")
    proposal_count = fields.Integer(string="Duos proposed", readonly=True, aggregator="sum")
    pair_count = fields.Integer(string="Duos created", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            """
            CREATE VIEW %(table)s AS (
                WITH mentees AS (
                    SELECT session_id, count(*) AS n
                      FROM duo_matching_session_mentee_rel GROUP BY session_id
                ), mentors AS (
                    SELECT session_id, count(*) AS n
                      FROM duo_matching_session_mentor_rel GROUP BY session_id
                ), proposals AS (
                    SELECT session_id,
                           count(*) FILTER (WHERE state <> 'excluded') AS proposed,
                           count(pair_id) AS created
                      FROM duo_matching_proposal GROUP BY session_id
                )
                SELECT s.id, s.id AS session_id, s.centre_id, s.company_id, s.date,
                       1 AS session_count,
                       coalesce(me.n, 0) AS candidate_mentee_count,
                       coalesce(mo.n, 0) AS candidate_mentor_count,
                       coalesce(pr.proposed, 0) AS proposal_count,
                       coalesce(pr.created, 0) AS pair_count
                  FROM duo_matching_session s
             LEFT JOIN mentees me ON me.session_id = s.id
             LEFT JOIN mentors mo ON mo.session_id = s.id
             LEFT JOIN proposals pr ON pr.session_id = s.id
                 WHERE s.state = 'done'
            )
            """,
            table=SQL.identifier(self._table),
        ))
