import base64
import io
import re

from PIL import Image

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import DuoPortalCommon


def signature_png():
    """A small drawn signature, as the portal's widget sends it (base64 PNG)."""
    image = Image.new("RGBA", (60, 20), (255, 255, 255, 0))
    for x in range(60):
        image.putpixel((x, 10), (0, 0, 0, 255))
    data = io.BytesIO()
    image.save(data, format="PNG")
    return base64.b64encode(data.getvalue()).decode()


@tagged("post_install", "-at_install")
class TestPortalSign(DuoPortalCommon, HttpCase):
    """Each side reads the agreement and the code of conduct and signs online with the
    portal's signature widget; both signatures sign the agreement as staff would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for pair in (cls.pair, cls.pair_other):
            pair._record_answer("mentee", "accepted")
            pair._record_answer("mentor", "accepted")

    def _sign(self, user, pair=None, name="Amina Mentee", signature=None):
        self.authenticate(user.login, user.login)
        pair = pair or self.pair
        return self.make_jsonrpc_request(f"/my/duo/{pair.id}/sign", {
            "name": name, "signature": signature or signature_png(),
        })

    def test_each_side_signs_then_the_agreement_is_signed(self):
        self.assertEqual(self.pair.stage_code, "approved")
        self.authenticate(self.user_mentee.login, self.user_mentee.login)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertIn("portal.signature_form", page)
        self.assertIn(f"/my/duo/{self.pair.id}/agreement?report_type=html", page)
        result = self._sign(self.user_mentee)
        self.assertEqual(result["redirect_url"], f"/my/duo/{self.pair.id}?done=signed")
        self.assertTrue(self.pair.agreement_mentee_accepted)
        self.assertTrue(self.pair.conduct_mentee_accepted)
        self.assertFalse(self.pair.agreement_mentor_accepted or self.pair.conduct_mentor_accepted)
        self.assertEqual(self.pair.mentee_signed_by, "Amina Mentee")
        self.assertTrue(self.pair.mentee_signature)
        self.assertTrue(self.pair.mentee_signed_on)
        self.assertEqual(self.pair.stage_code, "approved")
        self.assertFalse(self.pair.agreement_date)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertIn("o_duo_signed", page)
        self.assertNotIn("portal.signature_form", page)

        self._sign(self.user_mentor, name="Marc Mentor")
        self.assertEqual(self.pair.stage_code, "agreement")
        self.assertEqual(self.pair.agreement_date, fields.Date.today())
        self.assertTrue(self.pair.agreement_mentor_accepted and self.pair.conduct_mentor_accepted)
        self.assertTrue(self.pair.goal_ids, "the default action plan comes with the signature")
        self.assertEqual(self.env["mail.mail"].search([
            ("model", "=", "duo.pair"), ("res_id", "=", self.pair.id),
            ("subject", "=", "Your DUO mentoring agreement"),
        ]).recipient_ids, self.pair.mentee_partner_id | self.pair.mentor_partner_id)
        # Both download the signed agreement, with both names on it.
        for user in (self.user_mentee, self.user_mentor):
            self.authenticate(user.login, user.login)
            self.assertIn("o_duo_agreement_pdf", self.url_open(f"/my/duo/{self.pair.id}").text)
            response = self.url_open(
                f"/my/duo/{self.pair.id}/agreement?report_type=pdf&download=true")
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.headers["Content-Type"], "application/pdf")
            html = self.url_open(f"/my/duo/{self.pair.id}/agreement?report_type=html").text
            self.assertIn("<strong>Amina Mentee</strong>", html)
            self.assertIn("<strong>Marc Mentor</strong>", html)
            self.assertEqual(html.count("Signed online"), 2)

    def test_agreement_pdf_prints_both_signatures(self):
        self.pair.sudo()._duo_portal_sign("mentee", "Amina Mentee", signature_png())
        self.pair.sudo()._duo_portal_sign("mentor", "Marc Mentor", signature_png())
        html = self.env["ir.actions.report"].with_user(self.user_coordinator_bxl)._render_qweb_html(
            "duo_mentoring.action_report_duo_agreement", self.pair.ids)[0].decode()
        self.assertIn("<strong>Amina Mentee</strong>", html)
        self.assertIn("<strong>Marc Mentor</strong>", html)
        self.assertEqual(html.count("Signed online"), 2)
        self.assertEqual(len(re.findall(
            r'o_duo_report_signature">\s*<img [^>]*src="data:image/png;base64,', html)), 2)

    def test_refused(self):
        # Another duo, by RPC and by URL.
        result = self._sign(self.user_mentee, pair=self.pair_other)
        self.assertEqual(result["error"], "This is not your duo.")
        self.assertFalse(self.pair_other.sudo().mentee_signed_on)
        response = self.url_open(f"/my/duo/{self.pair_other.id}/agreement?report_type=pdf")
        self.assertTrue(response.url.endswith("/my"))
        # A second signature by the same side.
        self._sign(self.user_mentee)
        signed_on = self.pair.mentee_signed_on
        result = self._sign(self.user_mentee, name="Someone else")
        self.assertEqual(result["error"], "You already signed the agreement.")
        self.assertEqual((self.pair.mentee_signed_by, self.pair.mentee_signed_on),
                         ("Amina Mentee", signed_on))
        # No name, no signature, or not an image: nothing stored.
        for name, signature in (("", None), ("Marc", ""),
                                ("Marc", base64.b64encode(b"<svg/>").decode())):
            result = self.make_jsonrpc_request(f"/my/duo/{self.pair.id}/sign", {
                "name": name, "signature": signature})
            self.assertTrue(result.get("error"))
        self.assertFalse(self.pair.mentor_signed_on)

    def test_only_in_stage_approved(self):
        pair = self.create_portal_pair("nadia", "luc")
        user = self.portal_user(pair.mentee_id)
        result = self._sign(user, pair=pair)
        self.assertIn("once you both said yes", result["error"])
        self.assertFalse(pair.mentee_signed_on or pair.agreement_mentee_accepted)
        # Staff signed already: the portal signature comes too late.
        self.pair.write(self.AGREEMENT_ACCEPTED)
        self.pair.action_sign_agreement()
        result = self._sign(self.user_mentee)
        self.assertIn("once you both said yes", result["error"])
        self.assertFalse(self.pair.mentee_signed_on)

    def test_staff_only_fields(self):
        """Portal users neither read nor write the signatures over RPC; staff read them and
        write them no more than the portal user does."""
        self._sign(self.user_mentee)
        pair_as_mentor = self.pair.with_user(self.user_mentor)
        with self.assertRaises(AccessError):
            pair_as_mentor.read(["mentee_signature"])
        with self.assertRaises(AccessError):
            pair_as_mentor.read(["mentee_signed_by"])
        with self.assertRaises(AccessError):
            pair_as_mentor.write({"mentor_signed_by": "Marc"})
        with self.assertRaises(AccessError):
            self.pair.with_user(self.user_mentor).action_sign_agreement()
        pair_as_staff = self.pair.with_user(self.user_coordinator_bxl)
        self.assertEqual(pair_as_staff.mentee_signed_by, "Amina Mentee")
        with self.assertRaises(AccessError):
            pair_as_staff.write({"mentee_signed_by": "Someone else"})
        with self.assertRaises(AccessError):
            self.env["duo.pair"].with_user(self.user_manager).create({
                "mentee_id": self.create_mentee(email="new@example.com").id,
                "mentor_id": self.create_mentor(email="newm@example.com").id,
                "mentee_signed_by": "Forged",
            })
        # By RPC as the portal user: a private method is not callable, a write is refused.
        self.authenticate(self.user_mentor.login, self.user_mentor.login)
        for method, args in (("_duo_portal_sign", [[self.pair.id], "mentor", "M", "x"]),
                             ("write", [[self.pair.id], {"mentor_signed_by": "Marc"}]),
                             ("read", [[self.pair.id], ["mentee_signature"]])):
            with self.assertRaises(JsonRpcException), self.assertLogs(level="WARNING"):
                self.make_jsonrpc_request(f"/web/dataset/call_kw/duo.pair/{method}", {
                    "model": "duo.pair", "method": method, "args": args, "kwargs": {}})
        self.assertFalse(self.pair.mentor_signed_on)

    def test_erasure_removes_the_signature(self):
        self._sign(self.user_mentee)
        self._sign(self.user_mentor, name="Marc Mentor")
        data = self.pair.mentee_id.with_user(self.user_manager)._gdpr_export_data()
        self.assertEqual(data["agreement signed on the portal"][0]["mentee_signed_by"],
                         "Amina Mentee")
        self.pair.mentee_id.with_user(self.user_manager).action_gdpr_erase()
        self.assertFalse(self.pair.mentee_signed_by or self.pair.mentee_signature)
        self.assertTrue(self.pair.mentee_signed_on)
        self.assertEqual(self.pair.mentor_signed_by, "Marc Mentor")
        self.assertFalse(self.env["ir.attachment"].sudo().search_count([
            ("res_model", "=", "duo.pair"), ("res_id", "=", self.pair.id),
            ("res_field", "=", "mentee_signature")]))
