from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError

# Belgian tax reduction for gifts: only cash gifts of at least 40 euros per calendar year.
FISCAL_THRESHOLD = 40.0


class DuoFiscalCertificate(models.Model):
    """A Belgian fiscal certificate (attestation fiscale / fiscaal attest) for one donor and
    one calendar year. Numbers are sequential per year without gaps."""

    _name = "duo.fiscal.certificate"
    _description = "Fiscal Certificate"
    _inherit = ["mail.thread"]
    _order = "year desc, name"

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, index=True)
    year = fields.Integer(required=True, readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Donor", required=True, readonly=True, index=True
    )
    national_registry_number = fields.Char(
        readonly=True, help="Copied from the donor when the certificate is issued."
    )
    amount = fields.Monetary(readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_issued = fields.Date(readonly=True, default=fields.Date.context_today)
    gift_ids = fields.One2many("duo.gift", "certificate_id", string="Gifts", readonly=True)

    _name_uniq = models.Constraint(
        "unique (name, company_id)", "A certificate number must be unique."
    )
    _partner_year_uniq = models.Constraint(
        "unique (partner_id, year, company_id)",
        "This donor already has a certificate for this year.",
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        # numbers are reported to the tax administration: deleting one would make a gap
        raise UserError(self.env._("Fiscal certificates cannot be deleted."))

    @api.model
    def _get_eligible_gift_groups(self, year, company=None):
        """(donor, total, gifts) of the cash gifts received in ``year`` not yet certified,
        for donors whose total reaches the threshold, in one grouped query."""
        company = company or self.env.company
        groups = self.env["duo.gift"]._read_group(
            [
                ("state", "=", "received"),
                ("is_cash", "=", True),
                ("company_id", "=", company.id),
                ("certificate_id", "=", False),
                ("date", ">=", date(year, 1, 1)),
                ("date", "<=", date(year, 12, 31)),
            ],
            ["partner_id"],
            ["amount:sum", "id:recordset"],
        )
        return [
            (partner, total, gifts)
            for partner, total, gifts in groups
            if company.currency_id.compare_amounts(total, FISCAL_THRESHOLD) >= 0
        ]

    @api.model
    def _generate_for_year(self, year):
        """Issue the certificates of ``year``: one per eligible donor, numbered in the yearly
        no-gap sequence in the donors' alphabetical order."""
        groups = self._get_eligible_gift_groups(year)
        existing = self.search([("year", "=", year), ("company_id", "=", self.env.company.id)])
        done_partners = set(existing.partner_id.ids)
        groups = sorted(
            (g for g in groups if g[0].id not in done_partners),
            key=lambda g: (g[0].name or "", g[0].id),
        )
        certificates = self.browse()
        sequence_date = date(year, 12, 31)
        for partner, total, gifts in groups:
            certificate = self.create({
                "name": self.env["ir.sequence"].next_by_code(
                    "duo.fiscal.certificate", sequence_date=sequence_date
                ),
                "year": year,
                "partner_id": partner.id,
                "national_registry_number": partner.duo_national_registry_number,
                "amount": total,
            })
            gifts.write({"certificate_id": certificate.id})
            certificates |= certificate
        return certificates
