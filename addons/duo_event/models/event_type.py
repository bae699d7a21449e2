from odoo import fields, models

DUO_EVENT_KINDS = [
    ("info_session", "Information session"),
    ("training", "Mentor training"),
    ("intervision", "Mentor intervision"),
    ("mock_interview", "Mock interview day"),
    ("cv_workshop", "CV workshop"),
    ("language_session", "Language session"),
]
# Events whose attendance is recorded on the duo's programme activities.
DUO_ACTIVITY_KINDS = ("mock_interview", "cv_workshop", "language_session")


class EventType(models.Model):
    _inherit = "event.type"

    duo_kind = fields.Selection(
        DUO_EVENT_KINDS, string="DUO session kind",
        help="Sessions of this kind link their registrations to DUO mentees and mentors and "
             "record what the DUO cycle needs (information session, training attendance...).",
    )
    duo_duration_hours = fields.Float(
        string="Usual duration (hours)",
        help="A new session of this template ends this long after it starts.",
    )
