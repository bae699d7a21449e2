from odoo import fields, models, tools
from odoo.tools import SQL

CYCLE_STEPS = [
    ("1", "1. Information session"),
    ("2", "2. Personal interview"),
    ("3", "3. Mentor training"),
    ("4", "4. Evaluation"),
    ("5", "5. Matching"),
    ("6", "6. First meeting"),
    ("7", "7. Agreement"),
    ("8", "8. Mentoring"),
]


class DuoCycleReport(models.Model):
    """How many people and duos sit at each of the eight steps of the DUO cycle, per centre:
    people in intake (steps 1–5), open duos (steps 5–8)."""

    _name = "duo.cycle.report"
    _description = "DUO Cycle Overview"
    _auto = False
    _order = "step"

    step = fields.Selection(CYCLE_STEPS, readonly=True)
    centre_id = fields.Many2one("duo.centre", readonly=True)
    kind = fields.Selection(
        [("mentee", "Mentee"), ("mentor", "Mentor"), ("pair", "Duo")], readonly=True
    )
    count = fields.Integer(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            """
            CREATE VIEW %(table)s AS (
                SELECT row_number() OVER () AS id, step, centre_id, kind, count FROM (
                    SELECT %(person_step)s AS step, p.centre_id, 'mentee' AS kind,
                           count(*) AS count
                      FROM duo_mentee p
                     WHERE p.active AND p.stage_code IN %(intake)s
                  GROUP BY 1, 2
                    UNION ALL
                    SELECT %(person_step)s, p.centre_id, 'mentor', count(*)
                      FROM duo_mentor p
                     WHERE p.active AND p.stage_code IN %(intake)s
                  GROUP BY 1, 2
                    UNION ALL
                    SELECT CASE d.stage_code
                               WHEN 'proposed' THEN '5'
                               WHEN 'first_meeting' THEN '6'
                               WHEN 'approved' THEN '7'
                               WHEN 'agreement' THEN '7'
                               ELSE '8' END,
                           d.centre_id, 'pair', count(*)
                      FROM duo_pair d
                     WHERE d.active AND d.is_open
                  GROUP BY 1, 2
                ) AS steps
            )
            """,
            table=SQL.identifier(self._table),
            person_step=SQL("""CASE p.stage_code
                                   WHEN 'info_session' THEN '1'
                                   WHEN 'interview' THEN '2'
                                   WHEN 'training' THEN '3'
                                   WHEN 'evaluation' THEN '4'
                                   ELSE '5' END"""),
            intake=("info_session", "interview", "training", "evaluation", "ready"),
        ))
