from odoo import http
from odoo.http import request

from ..models.res_partner import compact_number, is_valid_national_number


class DuoDonorNationalNumber(http.Controller):
    """A donor gives the national number their tax receipt needs, on a page that says why,
    through the personal link DUO emailed them (no account needed). The answer lands on the
    request, never on the contact: a fundraising manager confirms it."""

    @http.route("/duo/donor/national-number/<int:request_id>/<string:token>",
                type="http", auth="public", methods=["GET", "POST"], sitemap=False)
    def national_number(self, request_id, token, national_number=None, **_kwargs):
        request_sudo = request.env["duo.national.number.request"]._open_by_token(
            request_id, token)
        if not request_sudo:
            raise request.not_found()
        partner_sudo = request_sudo.partner_id
        values = {"partner": partner_sudo, "error": False, "done": False}
        if request.httprequest.method == "POST":
            number = compact_number(national_number)
            if is_valid_national_number(number):
                request_sudo._receive(number)
                values["done"] = True
            else:
                values["error"] = True
        lang = partner_sudo.lang or "en_US"
        return request.env["ir.ui.view"].with_context(lang=lang)._render_template(
            "duo_fundraising.donor_national_number_page", values)
