from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import DuoTaxReceiptCommon, national_number


@tagged("at_install", "-post_install")
class TestYearEndScreen(DuoTaxReceiptCommon):
    def test_what_is_left_before_the_first_of_march(self):
        missing = self._donor("Eva Janssens")
        invalid = self._donor("Frank Maes")
        # an old number typed before validation existed, invalid today
        self.env.cr.execute("UPDATE res_partner SET duo_national_registry_number = %s "
                            "WHERE id = %s", ["12345678901", invalid.id])
        invalid.invalidate_recordset()
        small = self._donor("Gert Small")
        for donor, amount in ((missing, 50), (invalid, 50), (small, 30), (self.anne, 50),
                              (self.bart, 50)):
            self._gift(donor, amount)
        year = self.fiscal_year.with_user(self.user_fundraiser)
        self.assertEqual(year.missing_nn_partner_ids, missing | invalid,
                         "donors over 40 euros only")
        # two receipts are issued; one goes to its donor
        drafts = self.env["duo.fiscal.certificate"]._prepare_for_year(self.YEAR)
        (drafts.filtered(lambda r: r.partner_id in self.anne | self.bart)).action_issue()
        drafts.filtered(lambda r: r.partner_id == self.anne).action_mark_sent()
        year.invalidate_recordset()
        self.assertEqual((year.to_issue_count, year.to_send_count, year.to_file_count),
                         (2, 1, 2))
        with freeze_time(f"{self.YEAR}-12-15"):
            year.invalidate_recordset()
            self.assertFalse(year.deadline_warning)
        with freeze_time(f"{self.YEAR + 1}-02-10"):
            year.invalidate_recordset()
            self.assertEqual(year.days_left, 19)
            self.assertTrue(year.deadline_warning)
        with freeze_time(f"{self.YEAR + 1}-03-02"):
            year.invalidate_recordset()
            self.assertFalse(year.deadline_warning)
            self.assertTrue(year.deadline_passed)
        action = year.action_view_missing_nn()
        self.assertEqual(action["domain"], [("id", "in", (missing | invalid).ids)])
        self.assertEqual(len(self.env["duo.fiscal.certificate"].search(
            year.action_view_to_file()["domain"])), 2)

    def test_donors_are_asked_for_their_number_with_the_reason(self):
        missing = self._donor("Eva Janssens")
        self._gift(missing, 50)
        self.fiscal_year.with_user(self.user_fundraiser).action_request_national_numbers()
        message = missing.message_ids[:1]
        self.assertIn("national registry number", message.body)
        self.assertIn("/duo/donor/national-number/", message.body)
        self.assertTrue(missing.sudo().duo_nn_request_token)


@tagged("post_install", "-at_install")
class TestDonorGivesTheirNumber(HttpCase):
    def test_donor_gives_their_national_number_through_the_link(self):
        donor = self.env["res.partner"].create({"name": "Eva Janssens",
                                                "email": "eva@example.com"})
        donor._duo_request_national_number()
        token = donor.sudo().duo_nn_request_token
        url = f"/duo/donor/national-number/{donor.id}/{token}"
        self.assertEqual(self.url_open(f"/duo/donor/national-number/{donor.id}/wrong")
                         .status_code, 404)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("tax reduction", page.text)
        csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        refused = self.url_open(url, data={"csrf_token": csrf, "national_number": "123"})
        self.assertIn("not a valid national registry number", refused.text)
        self.assertFalse(donor.duo_national_registry_number)
        number = national_number(791010, 12)
        done = self.url_open(url, data={"csrf_token": csrf,
                                        "national_number": f"{number[:6]}-{number[6:]}"})
        self.assertIn("Thank you", done.text)
        donor.invalidate_recordset()
        self.assertEqual(donor.duo_national_registry_number, number)
        self.assertFalse(donor.sudo().duo_nn_request_token, "the link works once")
        self.assertEqual(self.url_open(url).status_code, 404)
