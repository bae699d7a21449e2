from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
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
        """The link goes to the donor alone: the email carries it, the contact's chatter only
        says a request went out, and only a digest of the secret is stored."""
        missing = self._donor("Eva Janssens", email="eva@example.com")
        missing.message_subscribe(partner_ids=self.user_plain.partner_id.ids)
        self._gift(missing, 50)
        self.fiscal_year.with_user(self.user_fundraiser).action_request_national_numbers()
        request = self.env["duo.national.number.request"].search(
            [("partner_id", "=", missing.id)])
        self.assertEqual(request.state, "sent")
        self.assertEqual(len(request.sudo().token_digest), 64)
        mail = self.env["mail.mail"].sudo().search(
            [("model", "=", "duo.national.number.request"), ("res_id", "=", request.id)])
        self.assertEqual(mail.recipient_ids, missing)
        self.assertIn("national registry number", mail.body_html)
        self.assertIn(f"/duo/donor/national-number/{request.id}/", mail.body_html)
        for message in missing.message_ids:
            self.assertNotIn("/duo/donor/national-number/", message.body or "")
        self.assertIn("personal link", missing.message_ids[:1].body)
        self.assertFalse(self.env["mail.mail"].sudo().search(
            [("recipient_ids", "in", self.user_plain.partner_id.ids)]),
            "a follower of the contact gets no copy of the link")
        # A template a colleague could render in the contact's composer gives no link.
        template = self.env.ref("duo_fundraising.mail_template_national_number_request")
        self.assertEqual(template.model, "duo.national.number.request")
        rendered = template._render_field("body_html", request.ids)[request.id]
        self.assertNotIn("/duo/donor/national-number/", rendered)

    def test_requests_are_for_fundraising_managers_only(self):
        donor = self._donor("Eva Janssens", email="eva@example.com")
        request = self.env["duo.national.number.request"].with_user(
            self.user_fundraiser)._send_to(donor)
        for user in (self.user_salesman, self.user_plain):
            with self.assertRaises(AccessError):
                request.with_user(user).read(["submitted_number"])

    def test_a_number_typed_by_staff_ends_the_waiting_link(self):
        donor = self._donor("Eva Janssens", email="eva@example.com")
        first = self.env["duo.national.number.request"]._send_to(donor)
        second = self.env["duo.national.number.request"]._send_to(donor)
        self.assertEqual(first.state, "cancelled", "a new request ends the previous link")
        donor.duo_national_registry_number = national_number(791010, 12)
        self.assertEqual(second.state, "cancelled")


@tagged("post_install", "-at_install")
class TestDonorGivesTheirNumber(HttpCase):
    def _link(self, donor):
        self.env["duo.national.number.request"]._send_to(donor)
        request = self.env["duo.national.number.request"].search(
            [("partner_id", "=", donor.id)], limit=1)
        mail = self.env["mail.mail"].sudo().search(
            [("model", "=", request._name), ("res_id", "=", request.id)])
        path = mail.body_html.split('href="')[1].split('"')[0]
        return request, path[path.index("/duo/donor/"):]

    def _post(self, url, number):
        page = self.url_open(url)
        csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        return self.url_open(url, data={"csrf_token": csrf, "national_number": number})

    def test_the_donor_answers_and_a_manager_confirms(self):
        """Public input lands on the request, never on the contact; a fundraising manager
        confirms it. The link works once."""
        manager = self.env.ref("base.user_admin")
        manager.group_ids |= self.env.ref("duo_fundraising.group_duo_fundraising_manager")
        donor = self.env["res.partner"].create({"name": "Eva Janssens",
                                                "email": "eva@example.com"})
        request, url = self._link(donor)
        self.assertEqual(self.url_open(f"/duo/donor/national-number/{request.id}/wrong")
                         .status_code, 404)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("tax reduction", page.text)
        refused = self._post(url, "123")
        self.assertIn("not a valid national registry number", refused.text)
        number = national_number(791010, 12)
        done = self._post(url, f"{number[:6]}-{number[6:]}")
        self.assertIn("Thank you", done.text)
        donor.invalidate_recordset()
        request.invalidate_recordset()
        self.assertFalse(donor.duo_national_registry_number, "nothing written on the contact")
        self.assertEqual((request.state, request.submitted_number), ("received", number))
        self.assertTrue(donor.activity_ids.filtered(lambda a: a.user_id.has_group(
            "duo_fundraising.group_duo_fundraising_manager")))
        self.assertEqual(self.url_open(url).status_code, 404, "the link works once")
        request.action_confirm()
        self.assertEqual(donor.duo_national_registry_number, number)
        self.assertEqual(request.state, "confirmed")

    def test_an_old_or_expired_link_opens_nothing(self):
        donor = self.env["res.partner"].create({"name": "Eva Janssens",
                                                "email": "eva@example.com"})
        held = national_number(791010, 12)
        request, url = self._link(donor)
        with freeze_time(request.date_expiry + timedelta(minutes=1)):
            self.assertEqual(self.url_open(url).status_code, 404)
        _second, _url = self._link(donor)
        self.assertEqual(self.url_open(url).status_code, 404, "a newer request ends it")
        donor.duo_national_registry_number = held
        self.assertEqual(self.url_open(_url).status_code, 404, "a number on file ends it")
        self.assertEqual(donor.duo_national_registry_number, held)
