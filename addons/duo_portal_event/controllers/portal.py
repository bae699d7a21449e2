from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request, route

from odoo.addons.duo_portal.controllers.portal import DuoPortal


class DuoPortalEvent(DuoPortal):
    """The programme activities on a duo's page: the coming sessions open to the duo's centre,
    whether the person is registered, a button to register themselves, and the documents.

    Portal users read neither activities, events nor registrations through the ORM: after
    ``_duo_pair``'s ownership check, the page reads as superuser what the duo's own domain
    (``_duo_portal_domain``) gives, and the person's own registrations only.
    """

    def _duo_page_values(self, pair, side, **kwargs):
        values = super()._duo_page_values(pair, side, **kwargs)
        # sudo: after _duo_pair's ownership check; the activities are those of the duo's
        # centre (or of every centre), the registrations the person's own.
        pair_sudo = pair.sudo()
        activities_sudo = request.env["duo.programme.activity"].sudo()._duo_portal_activities(
            pair_sudo)
        registered = activities_sudo._duo_portal_registrations(
            pair_sudo._duo_portal_person(side))
        values["programme_activities"] = [{
            "activity_sudo": activity_sudo,
            "event_sudo": activity_sudo.event_id,
            "registered": activity_sudo.event_id in registered,
            "can_register": (activity_sudo.event_id not in registered
                             and activity_sudo._duo_portal_can_register()),
        } for activity_sudo in activities_sudo]
        return values

    def _duo_activity(self, pair, activity_id):
        """One activity the duo sees (as superuser), else MissingError."""
        # sudo: the activity is searched within the duo's own domain, never by id alone.
        Activity_sudo = request.env["duo.programme.activity"].sudo()
        activity_sudo = Activity_sudo.search(
            Activity_sudo._duo_portal_domain(pair.sudo()) & Domain("id", "=", activity_id))
        if not activity_sudo:
            raise MissingError(request.env._("This activity is not open to your duo."))
        return activity_sudo

    @route("/my/duo/<int:pair_id>/activity/<int:activity_id>/register", type="http",
           auth="user", website=True, methods=["POST"])
    def portal_duo_activity_register(self, pair_id, activity_id, **kw):
        """The person registers themselves (their side of their own duo, never anyone
        else: no person or contact comes from the request)."""
        try:
            pair, side = self._duo_pair(pair_id)
            activity_sudo = self._duo_activity(pair, activity_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                # sudo: portal users cannot create registrations; the side comes from the
                # ownership check and the activity from the duo's domain.
                activity_sudo._duo_portal_register(pair.sudo(), side)
        except (UserError, ValidationError) as exc:
            values = self._prepare_portal_layout_values()
            values.update(self._duo_page_values(pair, side))
            values["error"]["activity"] = exc.args[0]
            values["error_activity_id"] = activity_sudo.id
            return request.render("duo_portal.portal_my_duo", values)
        return request.redirect(f"/my/duo/{pair.id}?done=registered#duo_activity_{activity_id}")

    @route("/my/duo/<int:pair_id>/activity/<int:activity_id>/document/<int:attachment_id>",
           type="http", auth="user", website=True)
    def portal_duo_activity_document(self, pair_id, activity_id, attachment_id, **kw):
        """A document of an activity the duo sees (the accommodation guide...), downloaded
        by one of its people only."""
        try:
            pair, _side = self._duo_pair(pair_id)
            activity_sudo = self._duo_activity(pair, activity_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        attachment_sudo = activity_sudo.attachment_ids.filtered(
            lambda attachment: attachment.id == attachment_id)
        if not attachment_sudo:
            return request.redirect(f"/my/duo/{pair.id}")
        return request.env["ir.binary"]._get_stream_from(attachment_sudo).get_response(
            as_attachment=True)
