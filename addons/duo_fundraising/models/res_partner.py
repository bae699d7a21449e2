import re

from stdnum.be import bis, nn, vat

from odoo import api, fields, models
from odoo.exceptions import ValidationError

FUNDRAISING_GROUP = "duo_fundraising.group_duo_fundraising_manager"


def compact_number(number):
    """Digits only: what the tax administration expects."""
    return re.sub(r"\D", "", number or "")


def is_valid_national_number(number):
    """A Belgian national registry number or a BIS number (given to people not in the
    registry), checked by python-stdnum: length, birth date, check digits."""
    return bool(number) and (nn.is_valid(number) or bis.is_valid(number))


def is_valid_company_number(number):
    """A Belgian company (enterprise) number: 10 digits starting with 0 or 1, check digits
    right; written without the BE prefix."""
    digits = number or ""
    return bool(re.fullmatch(r"[01]\d{9}", digits)) and vat.is_valid(digits)


def mask_national_number(number):
    """Only the last digit shows: that a number is on file, and a hint to tell two apart.
    More would help rebuild it: with the birth date, the two check digits and one digit of
    the serial single out the whole number."""
    digits = compact_number(number)
    if not digits:
        return False
    return f"••.••.••-•••.•{digits[-1]}" if len(digits) == 11 else "•" * len(digits)


class ResPartner(models.Model):
    _inherit = "res.partner"

    duo_donor_kind = fields.Selection(
        [
            ("person", "Individual"),
            ("company", "Company"),
            ("foundation", "Foundation"),
            ("public", "Public body"),
        ],
        string="Donor kind",
        groups=FUNDRAISING_GROUP,
    )
    duo_national_registry_number = fields.Char(
        string="National registry number",
        groups=FUNDRAISING_GROUP,
        copy=False,
        help="Belgian national number (or BIS number) of an individual donor, which the tax "
             "receipt and the Belcotax file must carry. Stored as 11 digits.",
    )
    duo_national_registry_number_masked = fields.Char(
        string="National number", compute="_compute_duo_national_registry_number_masked",
        groups=FUNDRAISING_GROUP,
    )
    duo_last_name = fields.Char(
        string="Last name", groups=FUNDRAISING_GROUP,
        help="Surname as the tax receipt gives it (kept apart from the first names).",
    )
    duo_first_names = fields.Char(string="First names", groups=FUNDRAISING_GROUP)
    duo_company_number = fields.Char(
        string="Company number", groups=FUNDRAISING_GROUP, copy=False,
        help="Belgian company number of a donor that is a company: 10 digits, no BE prefix.",
    )
    duo_wants_certificate = fields.Boolean(
        string="Wants a fiscal certificate", groups=FUNDRAISING_GROUP
    )
    duo_gift_ids = fields.One2many(
        "duo.gift", "partner_id", string="Gifts", groups=FUNDRAISING_GROUP
    )
    duo_gift_count = fields.Integer(
        string="Gift count", compute="_compute_duo_gift_stats", groups=FUNDRAISING_GROUP
    )
    duo_gift_total = fields.Monetary(
        string="Lifetime giving", compute="_compute_duo_gift_stats",
        currency_field="duo_gift_currency_id", groups=FUNDRAISING_GROUP,
    )
    duo_gift_currency_id = fields.Many2one(
        "res.currency", compute="_compute_duo_gift_stats", groups=FUNDRAISING_GROUP
    )
    duo_last_gift_date = fields.Date(
        string="Last gift", compute="_compute_duo_gift_stats", groups=FUNDRAISING_GROUP
    )

    def _compute_duo_gift_stats(self):
        groups = self.env["duo.gift"]._read_group(
            [("partner_id", "in", self.ids), ("state", "=", "received")],
            ["partner_id"],
            ["__count", "amount:sum", "date:max"],
        )
        stats = {partner.id: (count, total, last) for partner, count, total, last in groups}
        currency = self.env.company.currency_id
        for partner in self:
            count, total, last = stats.get(partner.id, (0, 0.0, False))
            partner.duo_gift_count = count
            partner.duo_gift_total = total
            partner.duo_last_gift_date = last
            partner.duo_gift_currency_id = currency

    @api.depends("duo_national_registry_number")
    def _compute_duo_national_registry_number_masked(self):
        for partner in self:
            partner.duo_national_registry_number_masked = mask_national_number(
                partner.duo_national_registry_number)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._duo_compact_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._duo_compact_numbers(vals)
        result = super().write(vals)
        if vals.get("duo_national_registry_number"):
            # The number is known now: a link still waiting for it opens nothing any more.
            self.env["duo.national.number.request"].search(
                [("partner_id", "in", self.ids), ("state", "=", "sent")]).action_cancel()
        return result

    @api.model
    def _duo_compact_numbers(self, vals):
        """Numbers are typed with dots, dashes, spaces or a BE prefix: keep the digits."""
        for name in ("duo_national_registry_number", "duo_company_number"):
            if vals.get(name):
                vals[name] = compact_number(vals[name])

    @api.constrains("duo_national_registry_number")
    def _check_duo_national_registry_number(self):
        for partner in self:
            number = partner.duo_national_registry_number
            if number and not is_valid_national_number(number):
                raise ValidationError(self.env._(
                    "%s is not a valid Belgian national registry or BIS number.", number
                ))

    @api.constrains("duo_company_number")
    def _check_duo_company_number(self):
        for partner in self:
            number = partner.duo_company_number
            if number and not is_valid_company_number(number):
                raise ValidationError(self.env._(
                    "%s is not a valid Belgian company number (10 digits starting with 0 or "
                    "1, without BE).", number))

    def _duo_national_number_is_valid(self):
        self.ensure_one()
        return is_valid_national_number(self.duo_national_registry_number)

    def _duo_donor_names(self):
        """(last name, first names) for the receipt: the separate fields when filled, else
        the contact's name read as first names then last name."""
        self.ensure_one()
        if self.is_company:
            return self.name or "", ""
        if self.duo_last_name:
            return self.duo_last_name, self.duo_first_names or ""
        first, _sep, last = (self.name or "").strip().partition(" ")
        return (last, first) if last else (first, "")

    def _duo_receipt_identity(self):
        """What a tax receipt keeps of its donor when issued."""
        self.ensure_one()
        last_name, first_names = self._duo_donor_names()
        return {
            "donor_last_name": last_name,
            "donor_first_names": first_names,
            "donor_is_company": self.is_company,
            "donor_company_number": self.duo_company_number if self.is_company else False,
            "national_registry_number": False if self.is_company
            else self.duo_national_registry_number,
        }

    def _duo_request_national_number(self):
        """Email each donor a personal link to a page that explains why the tax receipt needs
        their national number and lets them give it (see duo.national.number.request)."""
        return self.env["duo.national.number.request"]._send_to(self)

    def action_view_duo_gifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("duo_fundraising.duo_gift_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
