from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    duo_receipt_company_number = fields.Char(
        related="company_id.duo_receipt_company_number", readonly=False)
    duo_receipt_street = fields.Char(related="company_id.duo_receipt_street", readonly=False)
    duo_receipt_zip = fields.Char(related="company_id.duo_receipt_zip", readonly=False)
    duo_receipt_city = fields.Char(related="company_id.duo_receipt_city", readonly=False)
    duo_receipt_contact_name = fields.Char(
        related="company_id.duo_receipt_contact_name", readonly=False)
    duo_receipt_phone = fields.Char(related="company_id.duo_receipt_phone", readonly=False)
    duo_receipt_email = fields.Char(related="company_id.duo_receipt_email", readonly=False)
    duo_receipt_approval = fields.Char(related="company_id.duo_receipt_approval", readonly=False)
