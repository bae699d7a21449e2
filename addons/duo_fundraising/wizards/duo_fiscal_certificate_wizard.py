import csv
import io

from odoo import fields, models


def _default_year(wizard):
    return fields.Date.context_today(wizard).year - 1


class DuoFiscalCertificateWizard(models.TransientModel):
    """Issue the fiscal certificates of a calendar year and export them as CSV."""

    _name = "duo.fiscal.certificate.wizard"
    _description = "Fiscal Certificates of a Year"

    year = fields.Integer(required=True, default=_default_year)
    certificate_count = fields.Integer(compute="_compute_certificate_count")

    def _certificates(self):
        return self.env["duo.fiscal.certificate"].search(
            [("year", "=", self.year), ("company_id", "=", self.env.company.id)], order="name"
        )

    def _compute_certificate_count(self):
        for wizard in self:
            wizard.certificate_count = len(wizard._certificates())

    def action_generate(self):
        self.ensure_one()
        self.env["duo.fiscal.certificate"]._generate_for_year(self.year)
        return self.action_view_certificates()

    def action_view_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "duo_fundraising.duo_fiscal_certificate_action"
        )
        action["domain"] = [("year", "=", self.year)]
        return action

    def _get_csv_content(self):
        self.ensure_one()
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([
            self.env._("Number"), self.env._("Year"), self.env._("Donor"),
            self.env._("National registry number"), self.env._("Street"),
            self.env._("ZIP"), self.env._("City"), self.env._("Amount"),
        ])
        for certificate in self._certificates():
            partner = certificate.partner_id
            writer.writerow([
                certificate.name, certificate.year, partner.name,
                certificate.national_registry_number or "", partner.street or "",
                partner.zip or "", partner.city or "", f"{certificate.amount:.2f}",
            ])
        return buffer.getvalue()

    def action_export_csv(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create({
            "name": f"fiscal-certificates-{self.year}.csv",
            "raw": self._get_csv_content().encode("utf-8-sig"),
            "mimetype": "text/csv",
            "res_model": self._name,
            "res_id": self.id,
        })
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
