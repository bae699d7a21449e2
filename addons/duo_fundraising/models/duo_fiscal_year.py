from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

# Belgian tax reduction for gifts: cash gifts of at least 40 euros per donor and calendar year.
FISCAL_THRESHOLD = 40.0
# Days before the deadline (1 March) from which the year-end screen warns.
DEADLINE_WARNING_DAYS = 30
# Receipt states that hold a number which counts (a cancelled one keeps it, never reused).
LIVE_STATES = ("issued", "sent", "filed", "corrected")


class DuoFiscalYear(models.Model):
    """One income year of tax receipts for one organisation: the tax-reduction rate that the
    receipts mention, the Belcotax file format, and the counter that numbers the receipts
    without gaps. Its form is the year-end screen."""

    _name = "duo.fiscal.year"
    _description = "Income Year for Tax Receipts"
    _order = "year desc"
    _rec_name = "year"

    year = fields.Integer(
        string="Income year", required=True, default=lambda self: date.today().year,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True,
    )
    reduction_rate = fields.Float(
        string="Tax reduction (%)", required=True, digits=(5, 2),
        help="Share of the gifts the donor deducts from their income tax for this income "
             "year, as the law sets it; printed on the receipts.",
    )
    file_format = fields.Selection(
        [("belcotax_xml", "Belcotax-on-web XML (income years up to 2024)")],
        string="Belcotax file format",
        help="Format of the file for the tax administration. From income year 2025, "
             "Belcotax-on-web 2.0 takes JSON Lines, which DUO does not write yet.",
    )
    next_number = fields.Integer(
        string="Next receipt number", default=1, readonly=True, copy=False,
        help="Receipts are numbered 1, 2, 3... per income year, without gaps; a cancelled "
             "receipt keeps its number.",
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        help="Receipts go to the donors and the file to the administration by 1 March.",
    )
    days_left = fields.Integer(compute="_compute_deadline")
    deadline_warning = fields.Boolean(compute="_compute_year_end")
    deadline_passed = fields.Boolean(compute="_compute_year_end")
    certificate_ids = fields.One2many(
        "duo.fiscal.certificate", compute="_compute_year_end", string="Receipts",
    )
    to_issue_count = fields.Integer(string="Drafts to issue", compute="_compute_year_end")
    to_send_count = fields.Integer(string="Not sent to the donor", compute="_compute_year_end")
    to_file_count = fields.Integer(string="Not filed", compute="_compute_year_end")
    to_correct_count = fields.Integer(
        string="Corrections not filed", compute="_compute_year_end",
    )
    missing_nn_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_year_end",
        string="Donors without a valid national number",
    )
    missing_nn_count = fields.Integer(compute="_compute_year_end")

    _year_company_uniq = models.Constraint(
        "unique (year, company_id)", "This income year is set up already.",
    )
    _rate_range = models.Constraint(
        "CHECK (reduction_rate >= 0 AND reduction_rate <= 100)",
        "The tax reduction is a percentage between 0 and 100.",
    )

    @api.depends("year")
    def _compute_deadline(self):
        today = fields.Date.context_today(self)
        for fiscal_year in self:
            deadline = date(fiscal_year.year + 1, 3, 1) if 1900 < fiscal_year.year < 9999 \
                else False
            fiscal_year.deadline = deadline
            fiscal_year.days_left = (deadline - today).days if deadline else 0

    def _compute_year_end(self):
        Certificate = self.env["duo.fiscal.certificate"]
        groups = Certificate._read_group(
            [("year", "in", self.mapped("year")), ("company_id", "in", self.company_id.ids)],
            ["year", "company_id"], ["id:recordset"],
        )
        by_year = {(year, company.id): records for year, company, records in groups}
        for fiscal_year in self:
            receipts = by_year.get((fiscal_year.year, fiscal_year.company_id.id), Certificate)
            fiscal_year.certificate_ids = receipts
            fiscal_year.to_issue_count = len(receipts.filtered(lambda r: r.state == "draft"))
            fiscal_year.to_send_count = len(receipts.filtered(lambda r: r.state == "issued"))
            fiscal_year.to_file_count = len(receipts.filtered(
                lambda r: r.state in ("issued", "sent")
                or (r.state == "corrected" and not r.filing_reference)))
            fiscal_year.to_correct_count = len(receipts.filtered("filing_pending")
                                               .filtered("filing_reference"))
            missing = fiscal_year._donors_missing_national_number()
            fiscal_year.missing_nn_partner_ids = missing
            fiscal_year.missing_nn_count = len(missing)
            pending = fiscal_year.to_issue_count or fiscal_year.to_send_count \
                or fiscal_year.to_file_count or missing
            near = bool(pending and fiscal_year.deadline)
            fiscal_year.deadline_warning = near and \
                0 <= fiscal_year.days_left <= DEADLINE_WARNING_DAYS
            fiscal_year.deadline_passed = near and fiscal_year.days_left < 0

    def _donors_missing_national_number(self):
        """Individual donors whose gifts of the year reach the threshold and whose national
        (or BIS) number is missing or invalid."""
        self.ensure_one()
        partners = self.env["res.partner"].browse([
            partner.id for partner, _total, _gifts in
            self.env["duo.fiscal.certificate"]._get_eligible_gift_groups(
                self.year, self.company_id, include_certified=True)
        ])
        # sudo: the registry number is read by fundraising managers only (the screen's
        # users); this only tells which donors lack one, never the number itself.
        return partners.filtered(
            lambda p: not p.sudo().is_company
            and not p.sudo()._duo_national_number_is_valid())

    @api.constrains("year")
    def _check_year(self):
        for fiscal_year in self:
            if not 2000 <= fiscal_year.year <= 2999:
                raise ValidationError(self.env._("%s is not an income year.", fiscal_year.year))

    def write(self, vals):
        # The counter moves only with the numbering (_take_numbers, in SQL): a number set by
        # hand would leave a gap or give a number twice.
        if "next_number" in vals:
            raise UserError(self.env._("Receipt numbers follow on from the last one issued."))
        return super().write(vals)

    @api.model
    def _get(self, year, company=None):
        """The settings of ``year``, or a clear error telling where to set them up."""
        company = company or self.env.company
        fiscal_year = self.search([("year", "=", year), ("company_id", "=", company.id)])
        if not fiscal_year:
            raise UserError(self.env._(
                "Income year %s has no tax-receipt settings yet: add it under Fundraising > "
                "Tax Receipts > Year-end, with the tax-reduction rate the law sets.", year))
        return fiscal_year

    def _take_numbers(self, count):
        """Reserve ``count`` consecutive receipt numbers. The counter row stays locked until
        the transaction ends: another user issuing receipts of the same year at the same
        moment waits, then gets a serialisation failure that Odoo retries, and continues
        after these numbers. Numbers are taken in the same transaction as the receipts that
        carry them, so a failure gives them back: no gap, no duplicate."""
        self.ensure_one()
        self.env.cr.execute(SQL(
            "SELECT next_number FROM duo_fiscal_year WHERE id = %s FOR UPDATE", self.id))
        first = self.env.cr.fetchone()[0] or 1
        self.env.cr.execute(SQL(
            "UPDATE duo_fiscal_year SET next_number = %s WHERE id = %s", first + count, self.id))
        self.invalidate_recordset(["next_number"])
        return list(range(first, first + count))

    # ------------------------------------------------------------------ actions
    def _open_receipts(self, domain, name):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "duo_fundraising.duo_fiscal_certificate_action")
        action["domain"] = Domain.AND([
            [("year", "=", self.year), ("company_id", "=", self.company_id.id)], domain])
        action["context"] = {}
        action["name"] = name
        return action

    def action_view_to_issue(self):
        return self._open_receipts([("state", "=", "draft")], self.env._("Drafts to issue"))

    def action_view_to_send(self):
        return self._open_receipts([("state", "=", "issued")], self.env._("Not sent"))

    def action_view_to_file(self):
        return self._open_receipts(
            ["|", ("state", "in", ("issued", "sent")),
             "&", ("state", "=", "corrected"), ("filing_reference", "=", False)],
            self.env._("Not filed"))

    def action_view_to_correct(self):
        return self._open_receipts(
            [("filing_pending", "=", True), ("filing_reference", "!=", False)],
            self.env._("Corrections not filed"))

    def action_view_missing_nn(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "duo_fundraising.res_partner_action_donors")
        action["domain"] = [("id", "in", self.missing_nn_partner_ids.ids)]
        action["name"] = self.env._("Donors without a valid national number")
        return action

    def action_prepare_receipts(self):
        """Draft receipts for every donor over the threshold not receipted yet."""
        self.ensure_one()
        self.env["duo.fiscal.certificate"]._prepare_for_year(self.year, self.company_id)
        return self.action_view_to_issue()

    def _new_filing(self, kind):
        self.ensure_one()
        filing = self.env["duo.fiscal.filing"].create({"fiscal_year_id": self.id, "kind": kind})
        return {
            "type": "ir.actions.act_window",
            "res_model": "duo.fiscal.filing",
            "res_id": filing.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_new_filing(self):
        return self._new_filing("original")

    def action_new_correction_filing(self):
        return self._new_filing("corrective")

    def action_request_national_numbers(self):
        """Email each donor without a valid national number, in their language, why the
        receipt needs it and where to give it."""
        self.ensure_one()
        self.missing_nn_partner_ids._duo_request_national_number()
        return True
