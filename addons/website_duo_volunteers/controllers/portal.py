from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal

# Latest entries listed on /my/volunteering (the approved total covers them all).
HOURS_LISTED = 50


class DuoVolunteerPortal(CustomerPortal):
    """/my/volunteering: a volunteer's missions and hours, and a form to log hours.

    Everything runs with the volunteer's own rights (no sudo): the portal record rules
    restrict missions, sign-ups and hours to the volunteer's own.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "volunteering_count" in counters:
            Signup = request.env["duo.volunteer.signup"]
            values["volunteering_count"] = (
                Signup.search_count(self._duo_signup_domain()) if Signup.has_access("read") else 0
            )
        return values

    def _duo_volunteer(self):
        Volunteer = request.env["duo.volunteer"]
        if not Volunteer.has_access("read"):
            return Volunteer
        return Volunteer.search([("partner_id", "=", request.env.user.partner_id.id)], limit=1)

    def _duo_signup_domain(self):
        return [
            ("volunteer_id.partner_id", "=", request.env.user.partner_id.id),
            ("state", "=", "confirmed"),
        ]

    def _duo_volunteering_values(self, **kwargs):
        volunteer = self._duo_volunteer()
        signups = request.env["duo.volunteer.signup"].search(
            self._duo_signup_domain() + [("mission_id.state", "in", ("open", "done"))]
        ) if volunteer else request.env["duo.volunteer.signup"]
        Hour = request.env["duo.volunteer.hour"]
        hours = Hour.search(
            [("volunteer_id", "=", volunteer.id)], limit=HOURS_LISTED
        ) if volunteer else Hour
        # The total covers every approved entry, not only the ones listed: one grouped query.
        hours_approved = Hour._read_group(
            [("volunteer_id", "=", volunteer.id), ("state", "=", "approved")],
            aggregates=["hours:sum"],
        )[0][0] if volunteer else 0.0
        return {
            "page_name": "duo_volunteering",
            "volunteer": volunteer,
            "signups": signups,
            "hours": hours,
            "hours_approved": hours_approved,
            "today": fields.Date.to_string(fields.Date.context_today(request.env.user)),
            **kwargs,
        }

    @route("/my/volunteering", type="http", auth="user", website=True)
    def portal_my_volunteering(self, **kw):
        values = self._duo_volunteering_values(logged=kw.get("logged"))
        return request.render("website_duo_volunteers.portal_my_volunteering", values)

    @route("/my/volunteering/hours/new", type="http", auth="user", website=True,
           methods=["GET", "POST"])
    def portal_volunteering_log_hours(self, **post):
        values = self._duo_volunteering_values(error={}, post=post)
        volunteer = values["volunteer"]
        if not volunteer:
            return request.redirect("/my")
        if request.httprequest.method == "POST":
            error, vals = self._duo_validate_hours(volunteer, values["signups"], post)
            if not error:
                try:
                    request.env["duo.volunteer.hour"].create(vals)
                except (AccessError, ValidationError) as exc:
                    error["general"] = str(exc)
                else:
                    return request.redirect("/my/volunteering?logged=1")
            values["error"] = error
        return request.render("website_duo_volunteers.portal_volunteering_log_hours", values)

    def _duo_validate_hours(self, volunteer, signups, post):
        """Whitelist and check the fields a volunteer may submit."""
        env = request.env
        error = {}
        missions = signups.mission_id
        try:
            mission = missions.filtered(lambda m: m.id == int(post.get("mission_id") or 0))
        except ValueError:
            mission = missions.browse()
        if not mission:
            error["mission_id"] = env._("Choose one of your missions.")
        try:
            hours = float((post.get("hours") or "").replace(",", "."))
        except ValueError:
            hours = 0.0
        if not 0 < hours <= 24:
            error["hours"] = env._("Enter a number of hours between 0 and 24.")
        try:
            date = fields.Date.to_date(post.get("date"))
        except ValueError:
            date = None
        if not date or date > fields.Date.context_today(volunteer):
            error["date"] = env._("Enter a date that is not in the future.")
        vals = {
            "volunteer_id": volunteer.id,
            "mission_id": mission.id,
            "hours": hours,
            "date": date,
            "description": (post.get("description") or "")[:500],
        }
        return error, vals
