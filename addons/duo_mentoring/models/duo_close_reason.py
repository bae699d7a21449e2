from odoo import fields, models

# Shipped reasons carry a code: code reads them, staff may rename or reorder them.
OTHER_CODE = "other"


class DuoCloseReason(models.Model):
    """Why a duo was rejected at the first meeting or ended early, from a list the managers
    keep, so that the programme can count the reasons."""

    _name = "duo.close.reason"
    _description = "Duo Closing Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    applies_to = fields.Selection(
        [("rejected", "Rejected duos"), ("ended", "Duos ended early"), ("both", "Both")],
        required=True, default="both",
        help="Whether the reason is offered when a match is rejected, when a duo ends early, "
             "or both.",
    )
    code = fields.Char(
        readonly=True, copy=False,
        help="Set on the reasons DUO ships, so that the programme finds them again.",
    )

    _code_uniq = models.Constraint("unique (code)", "A closing reason code is used once.")

    def _applies(self, stage_code):
        """Whether this reason may close a duo into the stage `rejected` or `ended`."""
        self.ensure_one()
        return self.applies_to in (stage_code, "both")

    def _other(self):
        """The shipped "Other" reason (even archived), for callers that only give a text."""
        return self.with_context(active_test=False).search([("code", "=", OTHER_CODE)], limit=1)
