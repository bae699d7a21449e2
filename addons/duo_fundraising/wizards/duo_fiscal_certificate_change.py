from odoo import api, fields, models


class DuoFiscalCertificateChange(models.TransientModel):
    """Correct or cancel an issued tax receipt, with the reason kept on it."""

    _name = "duo.fiscal.certificate.change"
    _description = "Correct or Cancel a Tax Receipt"

    certificate_id = fields.Many2one("duo.fiscal.certificate", required=True, readonly=True)
    mode = fields.Selection(
        [("correct", "Correct the amount"), ("cancel", "Cancel the receipt")],
        required=True, default="correct",
    )
    currency_id = fields.Many2one(related="certificate_id.currency_id")
    current_amount = fields.Monetary(related="certificate_id.amount")
    amount = fields.Monetary(
        string="Amended amount", compute="_compute_amount", store=True, readonly=False,
        help="By default, what the donor's eligible gifts of the year add up to today.",
    )
    reason = fields.Text(required=True)

    @api.depends("certificate_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.certificate_id.eligible_amount

    def action_apply(self):
        self.ensure_one()
        if self.mode == "cancel":
            self.certificate_id._apply_cancel(self.reason)
        else:
            self.certificate_id._apply_correction(self.amount, self.reason)
        return {"type": "ir.actions.act_window_close"}
