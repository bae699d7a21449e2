from odoo.http import request, route

from odoo.addons.duo_portal.controllers.portal import DuoPortal


class DuoPortalSurvey(DuoPortal):
    """The DUO questionnaires waiting for the person, on /my/duo and on each duo's page, with
    a link to answer. Portal users read no survey answer through the ORM: the pages search,
    as superuser, the answers whose contact is the current user's own, and show their title
    and the answer link (its token is the person's own)."""

    def _duo_evaluations_sudo(self, pair=None):
        # sudo: portal users have no access to survey answers; the domain is the current
        # user's own contact, never an id from the request.
        return request.env["survey.user_input"].sudo()._duo_portal_pending(
            request.env.user.partner_id, pair)

    def _duo_page_values(self, pair, side, **kwargs):
        values = super()._duo_page_values(pair, side, **kwargs)
        values["evaluations_sudo"] = self._duo_evaluations_sudo(pair)
        return values

    @route()
    def portal_my_duos(self, **kw):
        response = super().portal_my_duos(**kw)
        # The list of duos (none or several: one duo redirects to its page).
        if getattr(response, "qcontext", None) is not None:
            response.qcontext["evaluations_sudo"] = self._duo_evaluations_sudo()
        return response
