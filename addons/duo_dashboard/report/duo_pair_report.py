from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.duo_mentoring.models.duo_pair import OUTCOMES
from odoo.addons.duo_mentoring.models.duo_pair_stage import ENDED_PAIR_CODES, PAIR_STAGE_CODES
from odoo.addons.duo_survey.models.duo_followup import POSITIVE_SITUATIONS, STABLE_SITUATIONS

JOB_SITUATIONS = ("open_ended", "fixed_term_long", "short_job")
POSITIVE_OUTCOMES = ("job", "internship", "training")
# A month of mentoring, for the meetings per month (a duo counts at least one).
MONTH_DAYS = 30


class DuoPairReport(models.Model):
    """One row per duo with the figures of the programme dashboard: where it stands, how long
    the mentee waited for it, how often it meets, whether it is at risk, and (once finished)
    what became of the mentee at the end and 3, 6 and 12 months later.

    Counts are 0/1 columns summed; rates are 0/100 columns averaged over the duos they apply
    to (empty elsewhere), so that a pivot's average is the share in percent."""

    _name = "duo.pair.report"
    _description = "DUO Duos Analysis"
    _auto = False
    _order = "date desc, id desc"

    pair_id = fields.Many2one("duo.pair", string="Duo", readonly=True)
    mentee_id = fields.Many2one("duo.mentee", readonly=True)
    mentor_id = fields.Many2one("duo.mentor", readonly=True)
    centre_id = fields.Many2one("duo.centre", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Coordinator", readonly=True)
    stage_id = fields.Many2one("duo.pair.stage", readonly=True)
    stage_code = fields.Selection(PAIR_STAGE_CODES, string="Stage code", readonly=True)
    is_open = fields.Boolean(string="Open", readonly=True)
    close_reason_id = fields.Many2one("duo.close.reason", string="Closing reason", readonly=True)
    outcome = fields.Selection(OUTCOMES, string="Outcome at the end", readonly=True)
    date = fields.Date(readonly=True, help="Start of the mentoring, else the proposal.")
    cohort = fields.Char(readonly=True, help="Year the mentoring started (else proposed).")
    start_date = fields.Date(readonly=True)
    end_date = fields.Date(readonly=True)

    pair_count = fields.Integer(string="Duos", readonly=True, aggregator="sum")
    finished_count = fields.Integer(string="Finished duos", readonly=True, aggregator="sum",
                                    help="Completed or ended early.")
    days_waiting = fields.Float(
        string="Days the mentee waited", readonly=True, aggregator="avg",
        help="From Ready to match to the proposal of this duo.")
    meeting_count = fields.Integer(string="Meetings", readonly=True, aggregator="sum")
    meetings_per_month = fields.Float(
        string="Meetings per month", readonly=True, aggregator="avg",
        help="Meetings logged per 30 days of mentoring (until the end or today).")
    no_meeting_count = fields.Integer(
        string="No recent meeting", readonly=True, aggregator="sum",
        help="Mentoring duos that logged no meeting for the days set in the DUO settings.")
    concern_count = fields.Integer(
        string="Concern raised", readonly=True, aggregator="sum",
        help="Open duos with a concern of the mentee or the mentor still to handle.")
    pulse_worry_count = fields.Integer(
        string="Worrying pulse", readonly=True, aggregator="sum",
        help="Open duos whose latest answered relationship pulse has a worrying answer.")
    at_risk_count = fields.Integer(string="At risk", readonly=True, aggregator="sum",
                                   help="Open duos with at least one of the three signs.")
    positive_end_rate = fields.Float(
        string="Job, internship or training at the end (%)", readonly=True, aggregator="avg")
    positive_3m_rate = fields.Float(
        string="Job, internship or training at 3 months (%)", readonly=True, aggregator="avg")
    positive_6m_rate = fields.Float(
        string="Job, internship or training at 6 months (%)", readonly=True, aggregator="avg")
    positive_12m_at_rate = fields.Float(
        string="Job, internship or training at 12 months (%)", readonly=True, aggregator="avg")
    positive_12m_rate = fields.Float(
        string="Job, internship or training within 12 months (%)", readonly=True,
        aggregator="avg")
    job_12m_rate = fields.Float(string="Job within 12 months (%)", readonly=True,
                                aggregator="avg")
    stable_job_rate = fields.Float(
        string="Stable job within 12 months (%)", readonly=True, aggregator="avg",
        help="Open-ended contract or fixed-term contract of 3 months or more.")
    mentor_return_rate = fields.Float(
        string="Mentor started a new duo (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        finished = SQL("p.stage_code IN %s", ENDED_PAIR_CODES)

        def milestone(months):
            return SQL(
                "max(CASE WHEN months = %(months)s AND state = 'done' THEN "
                "CASE WHEN situation IN %(positive)s THEN 100.0 ELSE 0.0 END END)",
                months=months, positive=POSITIVE_SITUATIONS)

        self.env.cr.execute(SQL(
            """
            CREATE VIEW %(table)s AS (
                WITH params AS (
                    SELECT coalesce((SELECT value FROM ir_config_parameter
                                      WHERE key = 'duo_mentoring.inactivity_days'),
                                    '14')::int AS inactivity_days
                ), meetings AS (
                    SELECT pair_id, count(*) AS meeting_count
                      FROM duo_meeting GROUP BY pair_id
                ), followups AS (
                    SELECT pair_id,
                           bool_or(situation IN %(positive)s) AS any_positive,
                           bool_or(situation IN %(job)s) AS any_job,
                           bool_or(situation IN %(stable)s) AS any_stable,
                           %(m3)s AS positive_3m, %(m6)s AS positive_6m,
                           %(m12)s AS positive_12m
                      FROM duo_followup GROUP BY pair_id
                ), pulses AS (
                    SELECT pair_id, bool_or(duo_negative) AS worry FROM (
                        SELECT duo_pair_id AS pair_id, duo_negative, duo_due_date,
                               max(duo_due_date) OVER (PARTITION BY duo_pair_id) AS last_due
                          FROM survey_user_input
                         WHERE duo_evaluation = 'pulse' AND state = 'done'
                           AND duo_pair_id IS NOT NULL
                    ) answered
                     WHERE duo_due_date = last_due
                  GROUP BY pair_id
                ), concerns AS (
                    SELECT a.res_id AS pair_id
                      FROM mail_activity a
                      JOIN ir_model_data d ON d.model = 'mail.activity.type'
                                          AND d.module = 'duo_portal'
                                          AND d.name = 'mail_activity_type_duo_concern'
                                          AND d.res_id = a.activity_type_id
                     WHERE a.res_model = 'duo.pair' AND a.active
                  GROUP BY a.res_id
                ), signs AS (
                    SELECT p.id AS pair_id,
                           (p.stage_code = 'mentoring'
                            AND coalesce(p.last_meeting_date, p.start_date)
                                < current_date - params.inactivity_days) AS no_meeting,
                           (p.is_open AND c.pair_id IS NOT NULL) AS concern,
                           (p.is_open AND coalesce(pu.worry, FALSE)) AS worry
                      FROM duo_pair p
                CROSS JOIN params
                 LEFT JOIN concerns c ON c.pair_id = p.id
                 LEFT JOIN pulses pu ON pu.pair_id = p.id
                )
                SELECT p.id, p.id AS pair_id, p.mentee_id, p.mentor_id, p.centre_id,
                       p.company_id, p.user_id, p.stage_id, p.stage_code, p.is_open,
                       p.close_reason_id, p.outcome,
                       coalesce(p.start_date, p.create_date::date) AS date,
                       to_char(coalesce(p.start_date, p.create_date::date), 'YYYY') AS cohort,
                       p.start_date, p.end_date,
                       1 AS pair_count,
                       CASE WHEN %(finished)s THEN 1 ELSE 0 END AS finished_count,
                       GREATEST(p.create_date::date - m.date_ready::date, 0) AS days_waiting,
                       coalesce(mt.meeting_count, 0) AS meeting_count,
                       CASE WHEN p.start_date IS NOT NULL
                             AND p.stage_code IN ('mentoring', 'completed', 'ended')
                            THEN coalesce(mt.meeting_count, 0) * %(month)s::float
                                 / GREATEST(coalesce(p.end_date, current_date) - p.start_date,
                                            %(month)s)
                       END AS meetings_per_month,
                       s.no_meeting::int AS no_meeting_count,
                       s.concern::int AS concern_count,
                       s.worry::int AS pulse_worry_count,
                       (s.no_meeting OR s.concern OR s.worry)::int AS at_risk_count,
                       CASE WHEN %(finished)s THEN
                           CASE WHEN p.outcome IN %(positive_outcomes)s THEN 100.0 ELSE 0.0 END
                       END AS positive_end_rate,
                       CASE WHEN %(finished)s THEN f.positive_3m END AS positive_3m_rate,
                       CASE WHEN %(finished)s THEN f.positive_6m END AS positive_6m_rate,
                       CASE WHEN %(finished)s THEN f.positive_12m END AS positive_12m_at_rate,
                       CASE WHEN %(finished)s THEN
                           CASE WHEN p.outcome IN %(positive_outcomes)s
                                  OR coalesce(f.any_positive, FALSE)
                                THEN 100.0 ELSE 0.0 END
                       END AS positive_12m_rate,
                       CASE WHEN %(finished)s THEN
                           CASE WHEN p.outcome = 'job' OR coalesce(f.any_job, FALSE)
                                THEN 100.0 ELSE 0.0 END
                       END AS job_12m_rate,
                       CASE WHEN %(finished)s THEN
                           CASE WHEN coalesce(f.any_stable, FALSE) THEN 100.0 ELSE 0.0 END
                       END AS stable_job_rate,
                       CASE WHEN %(finished)s THEN
                           CASE WHEN EXISTS (SELECT 1 FROM duo_pair n
                                              WHERE n.mentor_id = p.mentor_id AND n.id <> p.id
                                                AND n.create_date > p.create_date
                                                AND n.stage_code <> 'rejected')
                                THEN 100.0 ELSE 0.0 END
                       END AS mentor_return_rate
                  FROM duo_pair p
                  JOIN duo_mentee m ON m.id = p.mentee_id
                  JOIN signs s ON s.pair_id = p.id
             LEFT JOIN meetings mt ON mt.pair_id = p.id
             LEFT JOIN followups f ON f.pair_id = p.id
                 WHERE p.active
            )
            """,
            table=SQL.identifier(self._table),
            positive=POSITIVE_SITUATIONS, job=JOB_SITUATIONS, stable=STABLE_SITUATIONS,
            positive_outcomes=POSITIVE_OUTCOMES,
            m3=milestone("3"), m6=milestone("6"), m12=milestone("12"),
            finished=finished, month=MONTH_DAYS,
        ))
