from odoo import http
from odoo.http import request
from odoo.tools import consteq

from ..models.res_partner import compact_number, is_valid_national_number


class DuoDonorNationalNumber(http.Controller):
    """A donor gives the national number their tax receipt needs, on a page that says why,
    through the personal link DUO emailed them (no account needed)."""

    def _partner_sudo(self, partner_id, token):
        # sudo: the visitor is anonymous; the secret token of the emailed link is the check.
        partner_sudo = request.env["res.partner"].sudo().browse(partner_id).exists()
        secret = partner_sudo.duo_nn_request_token if partner_sudo else False
        if not secret or not consteq(secret, token or ""):
            raise request.not_found()
        return partner_sudo

    @http.route("/duo/donor/national-number/<int:partner_id>/<string:token>",
                type="http", auth="public", methods=["GET", "POST"], sitemap=False)
    def national_number(self, partner_id, token, national_number=None, **_kwargs):
        partner_sudo = self._partner_sudo(partner_id, token)
        values = {"partner": partner_sudo, "error": False, "done": False}
        if request.httprequest.method == "POST":
            number = compact_number(national_number)
            if is_valid_national_number(number):
                # Only this field is written, and the link then stops working.
                partner_sudo.write({"duo_national_registry_number": number,
                                    "duo_nn_request_token": False})
                values["done"] = True
            else:
                values["error"] = True
        lang = partner_sudo.lang or "en_US"
        return request.env["ir.ui.view"].with_context(lang=lang)._render_template(
            "duo_fundraising.donor_national_number_page", values)
