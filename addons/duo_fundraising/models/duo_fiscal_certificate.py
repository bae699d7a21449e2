from datetime import date

from num2words import num2words

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from .duo_fiscal_year import FISCAL_THRESHOLD, LIVE_STATES
from .res_partner import FUNDRAISING_GROUP, mask_national_number

# What an issued receipt keeps as it was issued: the number filed with the administration
# and the donor it was given to. Amounts change only through a correction.
FROZEN_FIELDS = {"number", "year", "partner_id", "company_id"}


class DuoFiscalCertificate(models.Model):
    """A Belgian tax receipt for gifts (form 281.71) for one donor and one income year.

    Drafts are prepared from the cash gifts received in the year; issuing gives them their
    order number, 1, 2, 3... per income year without gaps, the number printed on the receipt
    and filed with Belcotax-on-web. An issued receipt is never deleted: it is corrected (same
    number, amended amount, a corrective receipt) or cancelled (the number stays taken)."""

    _name = "duo.fiscal.certificate"
    _description = "Tax Receipt"
    _inherit = ["mail.thread"]
    _order = "year desc, number, id"

    name = fields.Char(compute="_compute_name", store=True, index=True)
    number = fields.Integer(
        string="Order number", readonly=True, copy=False, index="btree_not_null",
        help="Numbered per income year without gaps; identical on the receipt and in the "
             "Belcotax file.",
    )
    year = fields.Integer(string="Income year", required=True, readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Donor", required=True, readonly=True, index=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("issued", "Issued"),
            ("sent", "Sent to the donor"),
            ("filed", "Filed"),
            ("corrected", "Corrected"),
            ("cancelled", "Cancelled"),
        ],
        default="draft", required=True, readonly=True, tracking=True, index=True,
    )
    amount = fields.Monetary(readonly=True, tracking=True)
    original_amount = fields.Monetary(
        readonly=True, copy=False, help="Amount of the receipt as first issued.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    reduction_rate = fields.Float(
        string="Tax reduction (%)", readonly=True, digits=(5, 2),
        help="The income year's rate when the receipt was issued.",
    )
    # The donor's identity as the receipt gives it (a receipt is a document: it keeps what
    # it said when issued, whatever happens to the contact later).
    donor_last_name = fields.Char(readonly=True)
    donor_first_names = fields.Char(readonly=True)
    donor_is_company = fields.Boolean(readonly=True)
    donor_company_number = fields.Char(readonly=True)
    national_registry_number = fields.Char(
        readonly=True, groups=FUNDRAISING_GROUP, copy=False,
        help="The donor's national or BIS number, copied when the receipt is issued.",
    )
    national_registry_number_masked = fields.Char(
        string="National number", compute="_compute_national_registry_number_masked",
        groups=FUNDRAISING_GROUP,
    )
    date_issued = fields.Date(readonly=True, copy=False)
    date_sent = fields.Date(readonly=True, copy=False)
    filing_reference = fields.Char(
        readonly=True, copy=False, tracking=True,
        help="Reference Belcotax-on-web gave the sending that filed this receipt.",
    )
    correction_reference = fields.Char(
        readonly=True, copy=False, tracking=True,
        help="Reference of the sending that filed the last correction or the cancellation.",
    )
    filing_pending = fields.Boolean(
        readonly=True, copy=False,
        help="Corrected or cancelled after it was filed: the change still has to be filed.",
    )
    correction_reason = fields.Text(readonly=True, tracking=True)
    cancel_reason = fields.Text(string="Cancellation reason", readonly=True, tracking=True)
    date_corrected = fields.Date(readonly=True, copy=False)
    gift_ids = fields.One2many("duo.gift", "certificate_id", string="Gifts", readonly=True)
    eligible_amount = fields.Monetary(
        compute="_compute_eligible_amount",
        help="What the donor's eligible gifts of the year add up to today.",
    )
    needs_correction = fields.Boolean(compute="_compute_eligible_amount")

    _number_uniq = models.UniqueIndex(
        "(company_id, year, number) WHERE number IS NOT NULL",
        "This receipt number is taken already in this income year.",
    )
    _partner_year_live_uniq = models.UniqueIndex(
        "(partner_id, year, company_id) WHERE state != 'cancelled'",
        "This donor already has a tax receipt for this income year.",
    )
    _numbered_unless_draft = models.Constraint(
        "CHECK (state = 'draft' OR number IS NOT NULL)",
        "An issued tax receipt has a number.",
    )

    @api.depends("year", "number", "state")
    def _compute_name(self):
        for receipt in self:
            receipt.name = f"{receipt.year}/{receipt.number}" if receipt.number \
                else self.env._("Draft %s", receipt.year)

    @api.depends("national_registry_number")
    def _compute_national_registry_number_masked(self):
        for receipt in self:
            receipt.national_registry_number_masked = mask_national_number(
                receipt.national_registry_number)

    @api.depends("amount", "gift_ids.amount", "gift_ids.state")
    def _compute_eligible_amount(self):
        totals = {}
        for company, year in {(receipt.company_id, receipt.year) for receipt in self}:
            if company and year:  # a new receipt has no income year yet
                for partner, total, _gifts in self._get_eligible_gift_groups(
                        year, company, include_certified=True, threshold=False):
                    totals[(partner.id, year, company.id)] = total
        for receipt in self:
            eligible = totals.get((receipt.partner_id.id, receipt.year, receipt.company_id.id),
                                  0.0)
            receipt.eligible_amount = eligible
            receipt.needs_correction = receipt.state in LIVE_STATES and bool(
                receipt.currency_id.compare_amounts(eligible, receipt.amount))

    # ------------------------------------------------------------------ CRUD
    def write(self, vals):
        issued = self.filtered(lambda r: r.state != "draft")
        if issued and FROZEN_FIELDS & set(vals):
            raise UserError(self.env._(
                "An issued tax receipt keeps its number, year and donor: cancel it and issue "
                "a new one instead."))
        if issued and "amount" in vals and not vals.get("correction_reason"):
            raise UserError(self.env._(
                "The amount of an issued tax receipt changes only through a correction."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        # numbers are filed with the tax administration: deleting one would make a gap
        if any(receipt.state != "draft" for receipt in self):
            raise UserError(self.env._(
                "An issued tax receipt is never deleted: cancel it (its number stays taken)."))

    # ------------------------------------------------------------------ eligibility
    @api.model
    def _eligible_gift_domain(self, year, company):
        """Cash gifts actually received in ``year``: no gift in kind, nothing the donor got
        something in return for, no cancelled or refunded gift."""
        return Domain([
            ("state", "=", "received"),
            ("is_cash", "=", True),
            ("has_counterpart", "=", False),
            ("company_id", "=", company.id),
            ("date", ">=", date(year, 1, 1)),
            ("date", "<=", date(year, 12, 31)),
        ])

    @api.model
    def _get_eligible_gift_groups(self, year, company=None, include_certified=False,
                                  threshold=True):
        """(donor, total, gifts) of the eligible gifts of ``year``, in one grouped query, for
        donors whose total reaches the threshold. Gifts on a receipt already issued are left
        out unless ``include_certified`` (a cancelled receipt gives its gifts back)."""
        company = company or self.env.company
        domain = self._eligible_gift_domain(year, company)
        if not include_certified:
            domain &= Domain("certificate_id", "=", False) | Domain(
                "certificate_id.state", "in", ("draft", "cancelled"))
        groups = self.env["duo.gift"]._read_group(
            domain, ["partner_id"], ["amount:sum", "id:recordset"])
        return [
            (partner, total, gifts) for partner, total, gifts in groups
            if not threshold or company.currency_id.compare_amounts(total, FISCAL_THRESHOLD) >= 0
        ]

    @api.model
    def _prepare_for_year(self, year, company=None):
        """Draft receipts of ``year``: one per donor whose eligible gifts reach the threshold
        and who has no live receipt yet; drafts already there are brought up to date."""
        company = company or self.env.company
        self.env["duo.fiscal.year"]._get(year, company)
        existing = self.search([
            ("year", "=", year), ("company_id", "=", company.id), ("state", "!=", "cancelled"),
        ])
        by_partner = {receipt.partner_id.id: receipt for receipt in existing}
        drafts = self.browse()
        vals_list, gift_sets = [], []
        for partner, total, gifts in self._get_eligible_gift_groups(year, company):
            receipt = by_partner.get(partner.id)
            if receipt and receipt.state != "draft":
                continue  # a late gift: the issued receipt shows it needs a correction
            if receipt:
                receipt.amount = total
                (receipt.gift_ids - gifts).certificate_id = False
                gifts.certificate_id = receipt
                drafts |= receipt
            else:
                vals_list.append({"year": year, "partner_id": partner.id, "amount": total,
                                  "company_id": company.id})
                gift_sets.append(gifts)
        for receipt, gifts in zip(self.create(vals_list), gift_sets, strict=True):
            gifts.certificate_id = receipt
            drafts |= receipt
        # Drafts of donors no longer over the threshold (a gift was cancelled) go.
        (existing.filtered(lambda r: r.state == "draft") - drafts).unlink()
        return drafts

    # ------------------------------------------------------------------ issue
    def _issue_problems(self):
        """Everything that keeps these drafts from being issued, listed at once."""
        problems = []
        for receipt in self:
            partner = receipt.partner_id.sudo()  # sudo: names and numbers of the donor
            label = partner.display_name
            if not (partner.street and partner.zip and partner.city and partner.country_id):
                problems.append(self.env._("%s: the address is incomplete.", label))
            if partner.is_company:
                if not partner.duo_company_number:
                    problems.append(self.env._("%s: the company number is missing.", label))
            elif not partner._duo_national_number_is_valid():
                problems.append(self.env._(
                    "%s: the national (or BIS) number is missing or invalid.", label))
        return problems

    def action_issue(self):
        """Number the drafts and freeze what they say. Numbers follow the donors' names and
        are taken under a lock on the income year, so two users issuing at once get
        consecutive numbers: no gap, no duplicate."""
        drafts = self.filtered(lambda r: r.state == "draft")
        problems = drafts._issue_problems()
        if problems:
            raise UserError(self.env._("These receipts cannot be issued yet:\n%s",
                                       "\n".join(problems)))
        today = fields.Date.context_today(self)
        for (year, company), receipts in drafts.grouped(
                lambda r: (r.year, r.company_id)).items():
            fiscal_year = self.env["duo.fiscal.year"]._get(year, company)
            receipts = receipts.sorted(lambda r: (r.partner_id.name or "", r.partner_id.id))
            for receipt, number in zip(receipts, fiscal_year._take_numbers(len(receipts)),
                                       strict=True):
                receipt.write({
                    "number": number,
                    "state": "issued",
                    "date_issued": today,
                    "original_amount": receipt.amount,
                    "reduction_rate": fiscal_year.reduction_rate,
                    **receipt.partner_id._duo_receipt_identity(),
                })
        return True

    def action_mark_sent(self):
        self.filtered(lambda r: r.state == "issued").write(
            {"state": "sent", "date_sent": fields.Date.context_today(self)})
        return True

    def action_send_by_email(self):
        """Email each receipt to its donor, in their language, with the PDF."""
        template = self.env.ref("duo_fundraising.mail_template_tax_receipt")
        for receipt in self.filtered(lambda r: r.state in LIVE_STATES):
            receipt.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return self.action_mark_sent()

    # ------------------------------------------------------------------ correct, cancel
    def _apply_correction(self, amount, reason):
        """Amend the amount: same number, a corrective receipt; filed again if it was filed."""
        for receipt in self:
            if receipt.state not in LIVE_STATES:
                raise UserError(self.env._("Only an issued receipt can be corrected."))
            if receipt.currency_id.compare_amounts(amount, FISCAL_THRESHOLD) < 0:
                raise UserError(self.env._(
                    "Below %s, the gifts give no right to a tax reduction: cancel the receipt "
                    "instead.", receipt.currency_id.format(FISCAL_THRESHOLD)))
            receipt.write({
                "amount": amount,
                "correction_reason": reason,
                "state": "corrected",
                "date_corrected": fields.Date.context_today(self),
                "filing_pending": bool(receipt.filing_reference),
            })
        return True

    def _apply_cancel(self, reason):
        """Cancel: the number stays taken and is never reused; filed again if it was filed.
        The gifts become free for a new receipt."""
        for receipt in self:
            if receipt.state not in LIVE_STATES:
                raise UserError(self.env._("Only an issued receipt can be cancelled."))
            receipt.write({
                "cancel_reason": reason,
                "state": "cancelled",
                "filing_pending": bool(receipt.filing_reference),
            })
        return True

    def action_open_correction(self):
        return self._open_change_wizard("correct")

    def action_open_cancellation(self):
        return self._open_change_wizard("cancel")

    def _open_change_wizard(self, mode):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "duo.fiscal.certificate.change",
            "view_mode": "form",
            "target": "new",
            "context": {"default_certificate_id": self.id, "default_mode": mode},
        }

    # ------------------------------------------------------------------ printing
    def _amount_in_words(self):
        """The amount in words, in the donor's language (the receipt's context language)."""
        self.ensure_one()
        lang = self.env.context.get("lang") or "en_US"
        code = lang if lang in ("fr_BE",) else lang.split("_")[0]
        euros, cents = divmod(round(self.amount * 100), 100)
        try:
            words = num2words(euros, lang=code)
            cents_words = num2words(cents, lang=code) if cents else ""
        except NotImplementedError:
            words = num2words(euros, lang="en")
            cents_words = num2words(cents, lang="en") if cents else ""
        if cents:
            return self.env._("%(euros)s euros and %(cents)s cents",
                              euros=words, cents=cents_words)
        return self.env._("%(euros)s euros", euros=words)

    def _report_title(self):
        self.ensure_one()
        if self.state == "corrected":
            return self.env._("Corrective tax receipt")
        return self.env._("Tax receipt")
