import binascii

from odoo import fields
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.duo_goal import PORTAL_GOAL_STATES
from ..models.duo_meeting import MODES, RATINGS
from ..models.duo_pair import PORTAL_MEETING_STAGES

AGREEMENT_REPORT = "duo_mentoring.action_report_duo_agreement"
# Durations offered when logging a meeting (hours): a choice, not a number to type.
DURATIONS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
TEXT_LIMIT = 2000
UPCOMING_LISTED = 10


class DuoPortal(CustomerPortal):
    """/my/duo: a mentor's or mentee's own duos.

    Reading runs with the person's own rights (the portal record rules on duos, meetings and
    goals). What the person may do beyond them (answer after the first meeting, choose what
    their partner sees, raise a concern) goes through ``sudo()`` only after the explicit
    ownership check of ``_duo_pair``, and writes whitelisted values only.
    """

    # ------------------------------------------------------------------ helpers
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "duo_count" in counters:
            Pair = request.env["duo.pair"]
            values["duo_count"] = (
                Pair.search_count(self._duo_domain()) if Pair.has_access("read") else 0)
        return values

    def _duo_domain(self):
        partner = request.env.user.partner_id
        return ["|", ("mentee_partner_id", "=", partner.id),
                ("mentor_partner_id", "=", partner.id)]

    def _duo_pair(self, pair_id):
        """The current user's own duo and their side in it, else AccessError or
        MissingError. Staff who could read the duo are not its mentee or mentor: refused."""
        pair = request.env["duo.pair"].browse(pair_id)
        if not pair.exists():
            raise MissingError(request.env._("This duo does not exist."))
        pair.check_access("read")
        side = pair._duo_portal_side()
        if not side:
            raise AccessError(request.env._("This is not your duo."))
        return pair, side

    def _duo_next_step(self, pair_sudo, side, first_meeting_done):
        _ = request.env._
        code = pair_sudo.stage_code
        if code == "proposed":
            return _("Your coordinator will contact you to plan a first meeting with your "
                     "duo partner.")
        if code == "first_meeting":
            if not first_meeting_done:
                return _("Meet your duo partner at the first meeting. Afterwards, tell us "
                         "here whether you want to continue.")
            if pair_sudo[f"{side}_answer"] == "pending":
                return _("Tell us whether you want to continue with this duo.")
            return _("Thank you for your answer. We are waiting for your duo partner's "
                     "answer.")
        if code == "approved":
            if pair_sudo[f"{side}_signed_on"]:
                return _("Thank you for signing. We are waiting for your duo partner's "
                         "signature.")
            return _("You both said yes! Read the mentoring agreement and the code of "
                     "conduct below, then sign them here.")
        if code == "agreement":
            return _("The agreement is signed: your six months of mentoring start soon.")
        if code == "mentoring":
            return _("Meet every week, log each meeting here and work together on your "
                     "action plan.")
        return _("This duo is closed. Thank you for taking part in DUO!")

    def _duo_page_values(self, pair, side, **kwargs):
        # sudo: after _duo_pair's ownership check, to read what the person may see but not
        # through the ORM: their own answer, their partner's shared card, the coordinator's
        # contact and the duo's calendar events.
        pair_sudo = pair.sudo()
        other_side = "mentor" if side == "mentee" else "mentee"
        now = fields.Datetime.now()
        first_meeting_sudo = pair_sudo.first_meeting_event_id
        first_meeting_done = bool(first_meeting_sudo) and first_meeting_sudo.start <= now
        # Only the events the person is invited to: the coordinator may plan one with one
        # side only. "Only internal users" events stay staff's even for an attendee.
        events_sudo = request.env["calendar.event"].sudo().search([
            ("start", ">=", now),
            ("partner_ids", "in", request.env.user.partner_id.ids),
            "|", ("id", "=", first_meeting_sudo.id),
            "&", ("res_model", "=", "duo.pair"), ("res_id", "=", pair.id),
        ], order="start").filtered(
            lambda event: event.effective_privacy != "confidential")[:UPCOMING_LISTED]
        coordinator_sudo = pair_sudo.user_id
        return {
            "page_name": "duo_detail",
            "pair": pair,
            "side": side,
            "stage_name": pair.stage_id.name,
            "me": pair_sudo._duo_portal_person(side)._duo_portal_card(),
            "me_person_sudo": pair_sudo._duo_portal_person(side),
            "partner_card": pair_sudo._duo_portal_person(other_side)._duo_portal_card(),
            "coordinator": coordinator_sudo and {
                "name": coordinator_sudo.name,
                "email": coordinator_sudo.email,
                "phone": coordinator_sudo.partner_id.phone,
            },
            "next_step": self._duo_next_step(pair_sudo, side, first_meeting_done),
            "first_meeting_sudo": first_meeting_sudo,
            "first_meeting_done": first_meeting_done,
            "can_answer": (pair_sudo.stage_code == "first_meeting"
                           and pair_sudo[f"{side}_answer"] == "pending"),
            "my_answer": pair_sudo[f"{side}_answer"],
            "events_sudo": events_sudo,
            "meetings": pair.meeting_ids,
            "goals": pair.goal_ids.filtered(lambda goal: goal.state != "dropped"),
            "can_log": pair.stage_code in PORTAL_MEETING_STAGES,
            "can_sign": (pair_sudo.stage_code == "approved"
                         and not pair_sudo[f"{side}_signed_on"]),
            "my_signed_by": pair_sudo[f"{side}_signed_by"],
            "my_signed_on": pair_sudo[f"{side}_signed_on"],
            "error": {},
            **kwargs,
        }

    def _duo_redirect(self, pair, done):
        return request.redirect(f"/my/duo/{pair.id}?done={done}")

    # ------------------------------------------------------------------ pages
    @route("/my/duo", type="http", auth="user", website=True)
    def portal_my_duos(self, **kw):
        Pair = request.env["duo.pair"]
        pairs = Pair.search(self._duo_domain()) if Pair.has_access("read") else Pair
        if len(pairs) == 1:
            return request.redirect(f"/my/duo/{pairs.id}")
        values = self._prepare_portal_layout_values()
        values.update(page_name="duo", pairs=pairs)
        return request.render("duo_portal.portal_my_duos", values)

    @route("/my/duo/<int:pair_id>", type="http", auth="user", website=True)
    def portal_my_duo(self, pair_id, done=None, **kw):
        try:
            pair, side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(self._duo_page_values(pair, side, done=done))
        return request.render("duo_portal.portal_my_duo", values)

    # ------------------------------------------------------------------ first meeting
    @route("/my/duo/<int:pair_id>/answer", type="http", auth="user", website=True,
           methods=["POST"])
    def portal_duo_answer(self, pair_id, answer=None, reason=None, **kw):
        try:
            pair, side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        _ = request.env._
        reason = (reason or "").strip()[:TEXT_LIMIT]
        values = self._duo_page_values(pair, side, post={"reason": reason})
        error = values["error"]
        if not values["can_answer"]:
            error["answer"] = _("Your answer for this duo is already recorded.")
        elif not values["first_meeting_done"]:
            error["answer"] = _("You can answer once the first meeting took place.")
        elif answer not in ("accepted", "rejected"):
            error["answer"] = _("Choose yes or no.")
        elif answer == "rejected" and not reason:
            error["reason"] = _("Tell us why, in a few words: it helps us find a better duo.")
        if not error:
            try:
                # sudo: the person answers for their own side only (the side comes from the
                # ownership check, never from the form); the duo's own stage logic and date
                # checks apply as they do for staff.
                pair.sudo()._record_answer(side, answer, reason if answer == "rejected" else None)
            except (UserError, ValidationError) as exc:
                error["answer"] = exc.args[0]
            else:
                return self._duo_redirect(pair, "answer")
        values.update(self._prepare_portal_layout_values())
        return request.render("duo_portal.portal_my_duo", values)

    # ------------------------------------------------------------------ agreement
    @route("/my/duo/<int:pair_id>/agreement", type="http", auth="user", website=True)
    def portal_duo_agreement(self, pair_id, report_type="html", download=False, **kw):
        """The agreement and the code of conduct, as the PDF staff print: read on the page
        before signing (html), downloaded once signed (pdf)."""
        try:
            pair, _side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type not in ("html", "pdf"):
            return request.redirect(f"/my/duo/{pair.id}")
        # sudo: after _duo_pair's ownership check; the report prints both people's names
        # and signatures, which portal users do not read through the ORM.
        return self._show_report(pair.sudo(), report_type, AGREEMENT_REPORT,
                                 download=download)

    @route("/my/duo/<int:pair_id>/sign", type="jsonrpc", auth="user", website=True)
    def portal_duo_sign(self, pair_id, name=None, signature=None, **kw):
        """The portal's signature widget posts here (JSON-RPC, as sale's quotation accept):
        the current user signs for their own side of their own duo only."""
        _ = request.env._
        try:
            pair, side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return {"error": _("This is not your duo.")}
        name = (name or "").strip()[:200]
        if not name:
            return {"error": _("Type your name to sign.")}
        if not signature:
            return {"error": _("Signature is missing.")}
        try:
            with request.env.cr.savepoint():
                # sudo: the side comes from the ownership check, never from the request;
                # the duo's own stage gate and date checks apply as they do for staff.
                pair.sudo()._duo_portal_sign(side, name, signature)
        except (UserError, ValidationError) as exc:
            return {"error": exc.args[0]}
        except (TypeError, ValueError, binascii.Error):
            return {"error": _("Invalid signature data.")}
        return {"force_refresh": True, "redirect_url": f"/my/duo/{pair.id}?done=signed"}

    # ------------------------------------------------------------------ what the partner sees
    @route("/my/duo/<int:pair_id>/sharing", type="http", auth="user", website=True,
           methods=["POST"])
    def portal_duo_sharing(self, pair_id, **post):
        try:
            pair, side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        # sudo: the person's own record (side from the ownership check), two choices only.
        pair.sudo()._duo_portal_person(side).write({
            "portal_share_email": bool(post.get("share_email")),
            "portal_share_phone": bool(post.get("share_phone")),
        })
        return self._duo_redirect(pair, "sharing")

    # ------------------------------------------------------------------ meetings
    @route("/my/duo/<int:pair_id>/meeting/new", type="http", auth="user", website=True,
           methods=["GET", "POST"])
    def portal_duo_log_meeting(self, pair_id, **post):
        try:
            pair, side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        Meeting = request.env["duo.meeting"]
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="duo_meeting", pair=pair, post=post, error={}, durations=DURATIONS,
            # Labels in the person's language.
            modes=Meeting._fields["mode"]._description_selection(request.env),
            ratings=Meeting._fields["rating"]._description_selection(request.env),
            today=fields.Date.to_string(fields.Date.context_today(request.env.user)),
            can_log=pair.stage_code in PORTAL_MEETING_STAGES,
        )
        if request.httprequest.method == "POST" and values["can_log"]:
            error, vals, worry = self._duo_validate_meeting(pair, post)
            if not error:
                try:
                    meeting = Meeting.create(vals)
                except (AccessError, UserError, ValidationError) as exc:
                    error["general"] = exc.args[0]
                else:
                    if worry is not None:
                        # sudo: the worry is staff-only (the partner must not read it); the
                        # meeting was just created by this person in their own duo.
                        meeting_sudo = meeting.sudo()
                        meeting_sudo.write({"concern": True, "concern_note": worry})
                        pair.sudo()._duo_raise_concern(side, worry, meeting_sudo)
                    return self._duo_redirect(pair, "meeting")
            values["error"] = error
        return request.render("duo_portal.portal_duo_log_meeting", values)

    def _duo_validate_meeting(self, pair, post):
        """Whitelist and check what the person submits; returns (error, vals, worry)."""
        _ = request.env._
        error = {}
        try:
            day = fields.Date.to_date(post.get("date"))
        except ValueError:
            day = None
        if not day or day > fields.Date.context_today(request.env.user):
            error["date"] = _("Enter the date of the meeting (not in the future).")
        try:
            duration = float((post.get("duration") or "").replace(",", "."))
        except ValueError:
            duration = 0.0
        if not 0 < duration <= 24:
            error["duration"] = _("Choose how long you met.")
        mode = post.get("mode")
        if mode not in dict(MODES):
            error["mode"] = _("Choose how you met.")
        rating = post.get("rating") or False
        if rating and rating not in dict(RATINGS):
            error["rating"] = _("Choose how it went.")
        worry = None
        if post.get("worried"):
            worry = (post.get("worry") or "").strip()[:TEXT_LIMIT]
            if not worry:
                error["worry"] = _("Tell your coordinator what worries you.")
        vals = {
            "pair_id": pair.id,
            "date": day,
            "duration": duration,
            "mode": mode,
            "rating": rating,
            "topics": (post.get("topics") or "").strip()[:200],
            "notes": (post.get("notes") or "").strip()[:TEXT_LIMIT] or False,
        }
        return error, vals, worry

    # ------------------------------------------------------------------ goals
    @route("/my/duo/<int:pair_id>/goal/<int:goal_id>", type="http", auth="user",
           website=True, methods=["POST"])
    def portal_duo_goal(self, pair_id, goal_id, state=None, **kw):
        try:
            pair, _side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        goal = pair.goal_ids.filtered(lambda g: g.id == goal_id)
        if not goal or state not in PORTAL_GOAL_STATES:
            return request.redirect(f"/my/duo/{pair.id}")
        try:
            goal.write({"state": state})
        except AccessError:
            return request.redirect(f"/my/duo/{pair.id}")
        return self._duo_redirect(pair, "goal")

    # ------------------------------------------------------------------ concern
    @route("/my/duo/<int:pair_id>/concern", type="http", auth="user", website=True,
           methods=["GET", "POST"])
    def portal_duo_concern(self, pair_id, **post):
        try:
            pair, side = self._duo_pair(pair_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(page_name="duo_concern", pair=pair, post=post, error={})
        if request.httprequest.method == "POST":
            reason = (post.get("reason") or "").strip()[:TEXT_LIMIT]
            if not reason:
                values["error"]["reason"] = request.env._(
                    "Tell your coordinator, in a few words, what makes you unsure.")
            else:
                # sudo: an activity for the coordinator on the person's own duo (checked
                # above); portal users cannot schedule activities themselves.
                pair.sudo()._duo_raise_concern(side, reason)
                return self._duo_redirect(pair, "concern")
        return request.render("duo_portal.portal_duo_concern", values)
