from odoo import models

from odoo.addons.duo_mentoring.models.duo_gdpr_mixin import ERASE_KEEP, ERASE_UNLINK, PersonalData

from .res_partner import FUNDRAISING_GROUP

DONOR_FIELDS = ["duo_donor_kind", "duo_last_name", "duo_first_names",
                "duo_national_registry_number", "duo_company_number", "duo_wants_certificate"]


class DuoGdprMixin(models.AbstractModel):
    _inherit = "duo.gdpr.mixin"

    def _gdpr_contact_in_use(self):
        """A donor's identity is kept with their gifts: tax receipts must be kept for years
        (an erasure then leaves the contact and gives the erased record its own)."""
        reasons = super()._gdpr_contact_in_use()
        if self.env["duo.gift"].sudo().search_count(
                [("partner_id", "=", self._gdpr_contact().id)], limit=1):
            reasons.append("donor")
        return reasons

    def _gdpr_data_map(self):
        """The donor's identity for tax receipts (names, national and company numbers), their
        gifts and tax receipts. A contact with gifts is kept whole (see above): gifts and
        receipts are accounting and tax records the law keeps for years, so an erasure only
        exports them. A contact without gifts loses its donor data with the rest."""
        locations = super()._gdpr_data_map()
        contact = self._gdpr_contact().sudo()
        receipts = self.env["duo.fiscal.certificate"].sudo().search(
            [("partner_id", "=", contact.id)])
        requests = self.env["duo.national.number.request"].sudo().search(
            [("partner_id", "=", contact.id)])
        # The full national number is for fundraising managers: a DUO manager exporting a
        # mentor's data without that role gets it masked (the map runs as superuser).
        full = self.env.user.has_group(FUNDRAISING_GROUP)
        donor_fields = DONOR_FIELDS if full else [
            "duo_national_registry_number_masked" if name == "duo_national_registry_number"
            else name for name in DONOR_FIELDS]
        number = "national_registry_number" if full else "national_registry_number_masked"
        return [
            *locations,
            PersonalData("donor", contact, donor_fields, values={
                name: False for name in DONOR_FIELDS}),
            PersonalData("national number requests", requests, [
                "state", "create_date", "date_received",
                "submitted_number" if full else "submitted_number_masked"], ERASE_UNLINK),
            PersonalData("gifts", contact.duo_gift_ids, [
                "name", "date", "gift_type", "amount", "state", "campaign_id"], ERASE_KEEP),
            PersonalData("tax receipts", receipts, [
                "name", "year", "number", "state", "amount", "donor_last_name",
                "donor_first_names", "donor_company_number", number,
                "date_issued", "date_sent", "filing_reference"], ERASE_KEEP),
        ]
