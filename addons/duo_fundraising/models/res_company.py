from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .res_partner import compact_number, is_valid_company_number


class ResCompany(models.Model):
    _inherit = "res.company"

    duo_receipt_company_number = fields.Char(
        string="Company number for tax receipts",
        help="The organisation's Belgian company number: 10 digits starting with 0 or 1, "
             "without the BE prefix. Printed on the receipts and filed with Belcotax.",
    )
    duo_receipt_street = fields.Char(string="Registered office: street and number")
    duo_receipt_zip = fields.Char(string="Registered office: postcode")
    duo_receipt_city = fields.Char(string="Registered office: municipality")
    duo_receipt_contact_name = fields.Char(
        string="Contact person for tax receipts",
        help="Who the tax administration contacts about the Belcotax file.",
    )
    duo_receipt_phone = fields.Char(string="Phone for tax receipts")
    duo_receipt_email = fields.Char(string="Email for tax receipts")
    duo_receipt_approval = fields.Char(
        string="Approval reference",
        help="Reference of the approval that lets donors deduct their gifts (royal decree or "
             "ministerial decision, and its period).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("duo_receipt_company_number"):
                vals["duo_receipt_company_number"] = compact_number(
                    vals["duo_receipt_company_number"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("duo_receipt_company_number"):
            vals["duo_receipt_company_number"] = compact_number(vals["duo_receipt_company_number"])
        return super().write(vals)

    @api.constrains("duo_receipt_company_number")
    def _check_duo_receipt_company_number(self):
        for company in self:
            number = company.duo_receipt_company_number
            if number and not is_valid_company_number(number):
                raise ValidationError(self.env._(
                    "%s is not a valid Belgian company number (10 digits starting with 0 or "
                    "1, without BE).", number))

    def _duo_receipt_issuer(self):
        """The organisation as the receipts and the Belcotax file present it; a clear error
        lists everything still missing in the settings."""
        self.ensure_one()
        issuer = {
            "name": self.name,
            "company_number": self.duo_receipt_company_number,
            "street": self.duo_receipt_street or self.street,
            "zip": self.duo_receipt_zip or self.zip,
            "city": self.duo_receipt_city or self.city,
            "contact": self.duo_receipt_contact_name,
            "phone": compact_number(self.duo_receipt_phone or self.phone),
            "email": self.duo_receipt_email or self.email,
            "approval": self.duo_receipt_approval,
        }
        labels = {
            "company_number": self.env._("company number"),
            "street": self.env._("street"), "zip": self.env._("postcode"),
            "city": self.env._("municipality"), "contact": self.env._("contact person"),
            "phone": self.env._("phone"), "email": self.env._("email"),
        }
        missing = [label for key, label in labels.items() if not issuer[key]]
        if missing:
            raise UserError(self.env._(
                "Complete the organisation's data for tax receipts in Settings > Fundraising: "
                "%s.", ", ".join(missing)))
        return issuer
