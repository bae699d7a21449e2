from odoo import api, fields, models

from .duo_matching_pool import UNMATCHED_CODES


class DuoMatchingUnmatched(models.Model):
    """A candidate of a matching session the engine could not pair, with why."""

    _name = "duo.matching.unmatched"
    _description = "DUO Matching Unmatched Person"
    _order = "session_id, role, id"

    session_id = fields.Many2one(
        "duo.matching.session", required=True, index=True, ondelete="cascade"
    )
    centre_id = fields.Many2one(related="session_id.centre_id", store=True, index=True)
    role = fields.Selection([("mentee", "Mentee"), ("mentor", "Mentor")], required=True)
    mentee_id = fields.Many2one("duo.mentee", index="btree_not_null", ondelete="cascade")
    mentor_id = fields.Many2one("duo.mentor", index="btree_not_null", ondelete="cascade")
    code = fields.Selection(UNMATCHED_CODES, string="Reason code", required=True)
    params = fields.Json(readonly=True, help="The engine's structured details.")
    reason = fields.Text(compute="_compute_reason")

    _one_person = models.Constraint(
        "CHECK ((mentee_id IS NULL) != (mentor_id IS NULL))",
        "An unmatched line is about exactly one mentee or one mentor.",
    )

    @api.depends("role", "code", "params")
    @api.depends_context("lang")
    def _compute_reason(self):
        texts = self.env["duo.matching.pool"]._unmatched_texts(
            [(line.role, line.code, line.params or {}) for line in self]
        )
        for line, text in zip(self, texts, strict=True):
            line.reason = text

    def _compute_display_name(self):
        for line in self:
            line.display_name = (line.mentee_id or line.mentor_id).name or ""
