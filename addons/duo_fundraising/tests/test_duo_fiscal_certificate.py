from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import DuoTaxReceiptCommon, national_number


@tagged("at_install", "-post_install")
class TestDuoTaxReceiptEligibility(DuoTaxReceiptCommon):
    def _eligible(self, year=None):
        groups = self.env["duo.fiscal.certificate"]._get_eligible_gift_groups(year or self.YEAR)
        return {partner: total for partner, total, _gifts in groups}

    def test_forty_euros_per_donor_and_calendar_year(self):
        self._gift(self.anne, 25, date(self.YEAR, 1, 1))
        self._gift(self.anne, 15, date(self.YEAR, 12, 31))          # 40 in all: eligible
        self._gift(self.bart, 39.99)                                 # just below
        self._gift(self.bart, 50, date(self.YEAR + 1, 1, 1))        # the next year
        self._gift(self.chloe, 40, date(self.YEAR - 1, 12, 31))     # the year before
        self.assertEqual(self._eligible(), {self.anne: 40})
        self.assertEqual(self._eligible(self.YEAR + 1), {self.bart: 50})

    def test_only_cash_actually_received_counts(self):
        self._gift(self.anne, 60)
        cases = {
            "in kind": self._gift(self.bart, 500, gift_type="in_kind"),
            "with a counterpart": self._gift(self.chloe, 100, has_counterpart=True),
            "not received yet": self._gift(self.dirk, 100, state="draft"),
            "cancelled": self._gift(self.dirk, 100, state="cancel"),
        }
        refunded = self._gift(self.dirk, 100)
        refunded.action_refund()
        cases["refunded"] = refunded
        self.assertEqual(refunded.state, "refunded")
        self.assertEqual(self._eligible(), {self.anne: 60}, list(cases))
        # each kind alone would have been enough: they are excluded for their own reason
        recurring = self._gift(self.bart, 45, gift_type="recurring")
        at_event = self._gift(self.chloe, 45, gift_type="event")
        self.assertEqual(self._eligible(), {self.anne: 60, self.bart: 45, self.chloe: 45})
        self.assertTrue(recurring.is_cash and at_event.is_cash)


@tagged("at_install", "-post_install")
class TestDuoTaxReceiptLifecycle(DuoTaxReceiptCommon):
    def test_numbers_are_numeric_consecutive_and_per_income_year(self):
        for donor in (self.dirk, self.anne, self.chloe):
            self._gift(donor, 50)
        first = self._issue()
        # numbered in the donors' alphabetical order: Anne, Chloé, Dirk
        self.assertEqual(first.sorted("number").mapped("partner_id"),
                         self.anne | self.chloe | self.dirk)
        self.assertEqual(sorted(first.mapped("number")), [1, 2, 3])
        self.assertEqual(set(first.mapped("state")), {"issued"})
        anne = first.filtered(lambda r: r.partner_id == self.anne)
        self.assertEqual(anne.name, f"{self.YEAR}/1")
        self.assertEqual(anne.reduction_rate, 30)
        self.assertEqual((anne.donor_last_name, anne.donor_first_names), ("Wouters", "Anne"))
        self.assertEqual(anne.national_registry_number, national_number(850730, 33))
        # a late donor: the next number, no gap
        self._gift(self.bart, 45)
        late = self._issue()
        self.assertEqual(late.number, 4)
        self.assertEqual(self.fiscal_year.next_number, 5)
        # another income year starts again at 1
        self.env["duo.fiscal.year"].create({"year": self.YEAR + 1, "reduction_rate": 30})
        self._gift(self.bart, 45, date(self.YEAR + 1, 3, 1))
        self.assertEqual(self._issue(self.YEAR + 1).number, 1)
        # an issued receipt is never deleted nor renumbered; a gift on it stays as it is
        with self.assertRaises(UserError):
            anne.unlink()
        with self.assertRaises(UserError):
            anne.number = 9
        with self.assertRaises(UserError):
            anne.gift_ids.amount = 1

    def test_a_year_needs_its_rate_before_receipts(self):
        self._gift(self.anne, 50, date(2031, 2, 1))
        with self.assertRaisesRegex(UserError, "2031"):
            self.env["duo.fiscal.certificate"]._prepare_for_year(2031)

    def test_issue_lists_every_missing_requirement(self):
        nameless = self._donor("Eva Janssens")   # no national number
        company = self._donor("Atelier des Marolles", is_company=True)
        self._gift(nameless, 50)
        self._gift(company, 500)
        self._gift(self.anne, 50)
        drafts = self.env["duo.fiscal.certificate"]._prepare_for_year(self.YEAR)
        with self.assertRaises(UserError) as caught:
            drafts.action_issue()
        self.assertIn("Eva Janssens", str(caught.exception))
        self.assertIn("Atelier des Marolles: the company number", str(caught.exception))
        self.assertFalse(any(drafts.mapped("number")), "all or nothing")
        nameless.duo_national_registry_number = national_number(791010, 12)
        company.duo_company_number = "BE 0412.345.614"
        drafts.action_issue()
        receipt = drafts.filtered(lambda r: r.partner_id == company)
        self.assertTrue(receipt.donor_is_company)
        self.assertEqual(receipt.donor_company_number, "0412345614")
        self.assertFalse(receipt.national_registry_number)

    def test_drafts_follow_the_gifts_until_issued(self):
        gift = self._gift(self.anne, 50)
        draft = self.env["duo.fiscal.certificate"]._prepare_for_year(self.YEAR)
        self.assertEqual((draft.state, draft.amount, draft.gift_ids), ("draft", 50, gift))
        gift2 = self._gift(self.anne, 20)
        self.env["duo.fiscal.certificate"]._prepare_for_year(self.YEAR)
        self.assertEqual((draft.amount, draft.gift_ids), (70, gift | gift2))
        gift.action_cancel()
        gift2.action_cancel()
        self.env["duo.fiscal.certificate"]._prepare_for_year(self.YEAR)
        self.assertFalse(draft.exists(), "below the threshold: the draft goes")

    def test_states_sent_correction_and_cancellation(self):
        gifts = self._gift(self.anne, 50) | self._gift(self.anne, 30)
        self._gift(self.bart, 60)
        receipts = self._issue()
        # as if issued in an earlier request: Odoo tracks no change of a record created in
        # the same transaction
        self.env.cr.flush()
        anne = receipts.filtered(lambda r: r.partner_id == self.anne)
        bart = receipts - anne
        anne.with_user(self.user_fundraiser).action_send_by_email()
        self.assertEqual(anne.state, "sent")
        self.assertTrue(anne.message_ids.filtered(lambda m: m.attachment_ids))
        # money goes back to the donor: the receipt shows it needs a correction
        gifts[1].action_refund()
        self.assertTrue(anne.needs_correction)
        self.assertEqual(anne.eligible_amount, 50)
        wizard = Form(self.env["duo.fiscal.certificate.change"].with_user(self.user_fundraiser)
                      .with_context(default_certificate_id=anne.id, default_mode="correct"))
        self.assertEqual(wizard.amount, 50)
        wizard.reason = "30 euros refunded on request"
        wizard.save().action_apply()
        self.assertEqual((anne.state, anne.number, anne.amount, anne.original_amount),
                         ("corrected", 1, 50, 80))
        self.assertFalse(anne.needs_correction)
        self.assertFalse(anne.filing_pending, "not filed yet: the original file carries it")
        self.env.cr.flush()  # tracking is written when the transaction commits
        anne.invalidate_recordset(["message_ids"])
        tracked = anne.message_ids.sudo().tracking_value_ids.mapped("field_id.name")
        self.assertIn("state", tracked)
        self.assertIn("amount", tracked)
        # (after the tracking: a refused change rolls its savepoint back, pending tracking too)
        with self.assertRaises(UserError):
            anne._apply_correction(39, "below the threshold")
        # cancelled: the number stays taken and is never given again
        bart._apply_cancel("Gift made by the donor's company")
        self.assertEqual((bart.state, bart.number), ("cancelled", 2))
        with self.assertRaises(UserError):
            bart.unlink()
        self._gift(self.bart, 45, date(self.YEAR, 11, 1))
        again = self._issue()
        self.assertEqual((again.partner_id, again.number), (self.bart, 3))
        self.assertEqual(len(again.gift_ids), 2, "the cancelled receipt's gift counts again")


@tagged("at_install", "-post_install")
class TestDuoDonorIdentity(DuoTaxReceiptCommon):
    def test_national_and_bis_numbers(self):
        partner = self.bart
        partner.duo_national_registry_number = "85.07.30-033.28"
        self.assertEqual(partner.duo_national_registry_number, "85073003328")
        with self.assertRaises(ValidationError):
            partner.duo_national_registry_number = "85.07.30-033.29"
        # born in 2000 or later: the check digits count a leading 2
        base = 10203123
        partner.duo_national_registry_number = f"{base:09d}{97 - (2000000000 + base) % 97:02d}"
        # a BIS number: month plus 20 or 40
        bis = 854730033
        partner.duo_national_registry_number = f"{bis:09d}{97 - bis % 97:02d}"
        self.assertTrue(partner._duo_national_number_is_valid())

    def test_company_numbers(self):
        with self.assertRaises(ValidationError):
            self.company.duo_receipt_company_number = "2412345614"   # not 0 or 1 first
        with self.assertRaises(ValidationError):
            self.company.duo_receipt_company_number = "0412345615"   # check digits
        self.company.duo_receipt_company_number = "BE0412.345.614"
        self.assertEqual(self.company.duo_receipt_company_number, "0412345614")
        with self.assertRaises(ValidationError):
            self.anne.duo_company_number = "123"

    def test_names_kept_apart(self):
        self.assertEqual(self.anne._duo_donor_names(), ("Wouters", "Anne"))
        self.anne.write({"duo_last_name": "Van den Broeck", "duo_first_names": "Anne Marie"})
        self.assertEqual(self.anne._duo_donor_names(), ("Van den Broeck", "Anne Marie"))

    def test_national_number_masked_and_for_fundraisers_only(self):
        donor = self.anne.with_user(self.user_fundraiser)
        self.assertEqual(donor.duo_national_registry_number_masked, "••.••.••-•••.•8")
        self.assertNotIn("850730", donor.duo_national_registry_number_masked)
        self._gift(self.anne, 50)
        receipt = self._issue()
        self.assertEqual(receipt.with_user(self.user_fundraiser)
                         .national_registry_number_masked, "••.••.••-•••.•8")
        for user in (self.user_plain, self.user_salesman):
            with self.assertRaises(AccessError):
                self.anne.with_user(user).read(["duo_national_registry_number_masked"])
            with self.assertRaises(AccessError):
                self.anne.with_user(user).read(["duo_last_name"])
        arch = self.env.ref("duo_fundraising.res_partner_view_form").arch
        self.assertIn('name="duo_national_registry_number" password="True"', arch)


@tagged("at_install", "-post_install")
class TestDuoShippedIncomeYears(DuoTaxReceiptCommon):
    """The income years shipped with their legal rate (sources in duo_fiscal_year_data.xml):
    45 % and Belcotax XML up to 2024; 30 % from 2025, when the XML format ends; 2026, the
    year of this release, ready for its receipts."""

    def test_rates_and_formats_of_the_shipped_years(self):
        shipped = {year: self.env.ref(f"duo_fundraising.duo_fiscal_year_{year}")
                   for year in (2024, 2025, 2026)}
        self.assertEqual({year: fy.reduction_rate for year, fy in shipped.items()},
                         {2024: 45, 2025: 30, 2026: 30})
        self.assertEqual(shipped[2024].file_format, "belcotax_xml")
        self.assertFalse(shipped[2025].file_format)
        self.assertFalse(shipped[2026].file_format)
