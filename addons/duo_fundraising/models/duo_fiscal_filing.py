import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..belcotax import (
    TREATMENT_CANCELLATION,
    TREATMENT_CORRECTION,
    TREATMENT_ORIGINAL,
    BelcotaxError,
    Issuer,
    Receipt,
    Sending,
    get_writer,
)
from .res_partner import compact_number


class DuoFiscalFiling(models.Model):
    """One Belcotax-on-web sending of tax receipts: the file DUO wrote, the receipts in it
    and, once the administration accepted it, the reference it gave. An original sending
    files the receipts of an income year; a corrective one files the corrections and
    cancellations of receipts filed in an earlier sending."""

    _name = "duo.fiscal.filing"
    _description = "Belcotax Sending"
    _order = "create_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    fiscal_year_id = fields.Many2one(
        "duo.fiscal.year", string="Income year", required=True, readonly=True,
        ondelete="restrict", index=True,
    )
    year = fields.Integer(related="fiscal_year_id.year", store=True, string="Year")
    company_id = fields.Many2one(related="fiscal_year_id.company_id", store=True)
    kind = fields.Selection(
        [("original", "Original"), ("corrective", "Corrections and cancellations")],
        required=True, default="original", readonly=True,
    )
    is_test = fields.Boolean(
        string="Test file", help="A test file is checked by Belcotax-on-web but not filed.",
    )
    corrected_reference = fields.Char(
        help="Reference of the sending whose receipts this file corrects.",
    )
    certificate_ids = fields.Many2many(
        "duo.fiscal.certificate", string="Receipts", readonly=True, copy=False,
    )
    record_count = fields.Integer(string="Records", readonly=True)
    number_total = fields.Integer(string="Sum of the order numbers", readonly=True)
    amount_total = fields.Monetary(string="Sum of the amounts", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    file = fields.Binary(readonly=True, attachment=True, copy=False)
    filename = fields.Char(readonly=True, copy=False)
    reference = fields.Char(
        string="Filing reference", copy=False,
        help="The sending's reference in Belcotax-on-web, once accepted.",
    )
    state = fields.Selection(
        [("draft", "To file"), ("filed", "Filed")], default="draft", required=True,
        readonly=True,
    )

    @api.depends("year", "kind", "is_test")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for filing in self:
            test = self.env._(" (test)") if filing.is_test else ""
            filing.name = f"{filing.year} – {kinds.get(filing.kind, '')}{test}"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        if any(filing.state == "filed" for filing in self):
            raise UserError(self.env._("A filed sending is kept."))

    # ------------------------------------------------------------------ content
    def _pending_receipts(self):
        self.ensure_one()
        Certificate = self.env["duo.fiscal.certificate"]
        base = [("year", "=", self.year), ("company_id", "=", self.company_id.id)]
        if self.kind == "original":
            return Certificate.search(base + [
                "|", ("state", "in", ("issued", "sent")),
                "&", ("state", "=", "corrected"), ("filing_reference", "=", False),
            ], order="number")
        pending = Certificate.search(base + [
            ("filing_pending", "=", True), ("filing_reference", "!=", False)], order="number")
        references = sorted(set(pending.mapped("filing_reference")))
        if not self.corrected_reference and len(references) == 1:
            self.corrected_reference = references[0]
        if not self.corrected_reference:
            raise UserError(self.env._(
                "Receipts of several sendings wait for their correction (%s): give the "
                "reference of the sending to correct.", ", ".join(references)))
        return pending.filtered(lambda r: r.filing_reference == self.corrected_reference)

    def _sending(self, receipts):
        self.ensure_one()
        company = self.company_id
        issuer = company._duo_receipt_issuer()
        lang = (company.partner_id.lang or "fr").split("_")[0]
        treatments = {"cancelled": TREATMENT_CANCELLATION}
        items = []
        for receipt in receipts:
            partner = receipt.partner_id.sudo()  # sudo: the donor's address, for the file
            treatment = TREATMENT_ORIGINAL if self.kind == "original" \
                else treatments.get(receipt.state, TREATMENT_CORRECTION)
            items.append(Receipt(
                number=receipt.number,
                amount_cents=round(receipt.amount * 100),
                last_name=receipt.donor_last_name or "",
                first_names=receipt.donor_first_names or "",
                street=", ".join(filter(None, [partner.street, partner.street2])),
                zip=partner.zip or "",
                city=partner.city or "",
                country_code=partner.country_id.code or "BE",
                national_number=compact_number(receipt.sudo().national_registry_number),
                reference=str(receipt.partner_id.id),
                treatment=treatment,
            ))
        return Sending(
            year=self.year,
            issuer=Issuer(
                name=issuer["name"], company_number=issuer["company_number"],
                street=issuer["street"], zip=issuer["zip"], city=issuer["city"],
                contact=issuer["contact"], phone=issuer["phone"], email=issuer["email"],
                language=lang if lang in ("nl", "fr", "de") else "fr",
            ),
            receipts=tuple(items),
            test=self.is_test,
            corrective=self.kind == "corrective",
            corrected_reference=self.corrected_reference or "",
            created=fields.Date.context_today(self),
        )

    def action_generate(self):
        """Write the file with what is to file today."""
        self.ensure_one()
        if self.state == "filed":
            raise UserError(self.env._("This sending is filed already."))
        if not self.fiscal_year_id.file_format:
            raise UserError(self.env._(
                "Income year %s has no Belcotax file format DUO can write: Belcotax-on-web "
                "2.0 expects JSON Lines from income year 2025. Encode the receipts in "
                "Belcotax-on-web or add the format.", self.year))
        receipts = self._pending_receipts()
        if not receipts:
            raise UserError(self.env._("No receipt waits to be filed."))
        sending = self._sending(receipts)
        writer = get_writer(self.fiscal_year_id.file_format)
        try:
            content = writer.render(sending)
        except BelcotaxError as error:
            raise UserError(str(error)) from error
        self.write({
            "certificate_ids": [fields.Command.set(receipts.ids)],
            "file": base64.b64encode(content),
            "filename": writer.filename(sending),
            "record_count": sending.record_count,
            "number_total": sending.number_total,
            "amount_total": sending.amount_total_cents / 100,
        })
        return True

    def action_mark_filed(self):
        """Belcotax-on-web accepted the file: keep its reference on the receipts."""
        self.ensure_one()
        if self.is_test:
            raise UserError(self.env._("A test file is not filed."))
        if not self.file or not self.reference:
            raise UserError(self.env._("Write the file and give the filing reference first."))
        receipts = self.certificate_ids
        if self.kind == "original":
            receipts.filtered(lambda r: r.state in ("issued", "sent")).write({"state": "filed"})
            receipts.write({"filing_reference": self.reference})
        else:
            receipts.write({"correction_reference": self.reference, "filing_pending": False})
        self.state = "filed"
        return True
