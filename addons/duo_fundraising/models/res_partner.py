import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

FUNDRAISING_GROUP = "duo_fundraising.group_duo_fundraising_manager"


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
        help="Belgian national number, captured when the donor asks for a fiscal certificate.",
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

    @api.constrains("duo_national_registry_number")
    def _check_duo_national_registry_number(self):
        for partner in self:
            number = partner.duo_national_registry_number
            if number and not self._is_valid_national_registry_number(number):
                raise ValidationError(self.env._(
                    "%s is not a valid Belgian national registry number.", number
                ))

    @api.model
    def _is_valid_national_registry_number(self, number):
        """11 digits; the last two are 97 minus the first nine modulo 97 (prefixed with 2
        for people born from 2000)."""
        digits = re.sub(r"[\s.\-]", "", number or "")
        if not re.fullmatch(r"\d{11}", digits):
            return False
        base, check = int(digits[:9]), int(digits[9:])
        return check in (97 - base % 97, 97 - (2000000000 + base) % 97)

    def action_view_duo_gifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("duo_fundraising.duo_gift_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
