import pytz

from odoo import api, fields, models
from odoo.tools import email_normalize

from odoo.addons.duo_mentoring.tools import contact_lang

from .event_type import DUO_ACTIVITY_KINDS

DUO_ATTENDANCE = [
    ("registered", "Registered"),
    ("attended", "Attended"),
    ("missed", "Missed"),
    ("cancelled", "Cancelled"),
]



class EventRegistration(models.Model):
    _inherit = "event.registration"

    duo_mentee_id = fields.Many2one(
        "duo.mentee", string="Mentee", index="btree_not_null", ondelete="set null",
    )
    duo_mentor_id = fields.Many2one(
        "duo.mentor", string="Mentor", index="btree_not_null", ondelete="set null",
    )
    duo_kind = fields.Selection(related="event_id.duo_kind", string="DUO session kind")
    duo_missed = fields.Boolean(
        string="Missed", copy=False,
        help="Set when a DUO session is over and the person was not marked attended.",
    )
    duo_attendance = fields.Selection(
        DUO_ATTENDANCE, string="Attendance", compute="_compute_duo_attendance",
        store=True, precompute=True,
    )
    duo_training_attendance_ids = fields.One2many(
        "duo.training.attendance", "event_registration_id", string="Training attendance",
    )

    @api.depends("state", "duo_missed")
    def _compute_duo_attendance(self):
        for registration in self:
            if registration.state == "cancel":
                registration.duo_attendance = "cancelled"
            elif registration.state == "done":
                registration.duo_attendance = "attended"
            elif registration.duo_missed:
                registration.duo_attendance = "missed"
            else:
                registration.duo_attendance = "registered"

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        # Read after super(): the events are in cache, Odoo's own registrations cost nothing.
        duo_registrations = registrations.filtered(lambda r: r.event_id.duo_kind)
        if duo_registrations:
            duo_registrations._duo_link_people()
            duo_registrations._duo_sync_training_attendance()
            duo_registrations.filtered(lambda r: r.state == "done")._duo_on_attended()
        return registrations

    def write(self, vals):
        result = super().write(vals)
        if {"state", "duo_mentor_id", "duo_missed"} & set(vals):
            duo_registrations = self.filtered(lambda r: r.event_id.duo_kind)
            duo_registrations._duo_sync_training_attendance()
            if vals.get("state") == "done":
                duo_registrations._duo_on_attended()
        return result

    # ------------------------------------------------------------------ business
    def _duo_roles(self):
        """Which kinds of DUO people may register to this session."""
        self.ensure_one()
        event = self.event_id
        if event.duo_kind in ("training", "intervision"):
            return ("mentor",)
        if event.duo_kind == "info_session" and event.duo_audience:
            return (event.duo_audience,)
        return ("mentee", "mentor")

    def _duo_link_people(self):
        """Link each registration to the mentee or mentor with the same contact or email;
        the website registration to an information session creates the person."""
        unlinked = self.filtered(lambda r: not r.duo_mentee_id and not r.duo_mentor_id)
        if not unlinked:
            return
        partners = unlinked.partner_id
        email_of = {r: email_normalize(r.email or "") for r in unlinked}
        emails = {email for email in email_of.values() if email}
        found = {}
        for role in ("mentee", "mentor"):
            domain = [("partner_id", "in", partners.ids)]
            if emails:
                domain = ["|", *domain, ("partner_id.email_normalized", "in", list(emails))]
            # Registration desk staff may not read every centre's people: matching is a
            # lookup by exact contact or email, not a browse of the people.
            people_sudo = self.env[f"duo.{role}"].sudo().search(domain)
            for person in people_sudo:
                found.setdefault((role, person.partner_id.id), person)
                if person.partner_id.email_normalized:
                    found.setdefault((role, person.partner_id.email_normalized), person)
        to_create = self.browse()
        for registration in unlinked:
            for role in registration._duo_roles():
                person = found.get((role, registration.partner_id.id)) or found.get(
                    (role, email_of[registration])
                )
                if person:
                    registration[f"duo_{role}_id"] = person.id
                    break
            else:
                if registration.duo_kind == "info_session" and registration.email:
                    to_create |= registration
        to_create._duo_create_people()

    def _duo_create_people(self):
        """A visitor registering to an information session becomes a mentee (or mentor) at
        the Information session stage, in the language they registered in."""
        if not self:
            return
        if not self.env.su:
            # Back office: only staff who may create people do it; others only register.
            roles = {r._duo_roles()[0] for r in self}
            if not all(self.env[f"duo.{role}"].has_access("create") for role in roles):
                return
        default_centre = self.env["duo.centre"].sudo().search([], limit=1)
        for registration in self:
            role = registration._duo_roles()[0]
            event = registration.event_id
            centre = event.duo_centre_id or default_centre
            lang = registration.partner_id.lang or self.env.lang
            person = self.env[f"duo.{role}"].with_context(duo_skip_invitation=True).create({
                "name": registration.name or registration.email,
                "email": registration.email,
                "phone": registration.phone,
                "partner_id": registration.partner_id.id,
                "centre_id": centre.id,
                # Never the public user of a website registration.
                "user_id": (centre.coordinator_ids[:1] or event.user_id).id,
                "contact_lang": contact_lang(lang),
            })
            registration[f"duo_{role}_id"] = person.id
            if not registration.partner_id:
                registration.partner_id = person.partner_id

    def _duo_event_date(self):
        self.ensure_one()
        event = self.event_id
        begin = self.event_slot_id.start_datetime or event.date_begin
        tz = pytz.timezone(event.date_tz or "UTC")
        return pytz.utc.localize(begin).astimezone(tz).date()

    def _duo_on_attended(self):
        """What attending a DUO session changes on the person and their duo."""
        manual = self.env["ir.config_parameter"].sudo().get_param(
            "duo_event.info_session_manual_stage"
        )
        # The user was allowed to mark the attendance; recording its consequences on the
        # person (stage, dates, duo activities) is part of that same act.
        for registration in self.sudo():
            has_person = registration.duo_mentee_id or registration.duo_mentor_id
            kind = registration.event_id.duo_kind
            if kind == "info_session":
                for person in (registration.duo_mentee_id, registration.duo_mentor_id):
                    if not person:
                        continue
                    person.info_session_date = registration._duo_event_date()
                    if not manual and person.stage_code == "info_session":
                        person._move_to_stage("interview")
            elif kind in DUO_ACTIVITY_KINDS and has_person:
                activities = registration.event_id.duo_programme_activity_ids
                pairs = registration.duo_mentee_id.pair_ids | registration.duo_mentor_id.pair_ids
                pairs = pairs.filtered(lambda p: p.is_open or p.stage_code == "mentoring")
                if activities and pairs:
                    pairs.programme_activity_ids = [(4, a.id) for a in activities]

    def _duo_sync_training_attendance(self):
        """Mirror training registrations on the mentor's attendance lines, which the
        Ready to match gate reads."""
        training = self.filtered(
            lambda r: r.event_id.duo_kind == "training" and r.event_id.duo_training_module_id
        )
        if not training:
            return
        # Attendance lines are the DUO side of the registration the user just recorded.
        Attendance_sudo = self.env["duo.training.attendance"].sudo()
        to_create = []
        for registration in training.sudo():
            lines = registration.duo_training_attendance_ids
            if registration.state == "cancel" or not registration.duo_mentor_id:
                lines.filtered(lambda line: line.state == "registered").unlink()
                continue
            state = {"attended": "attended", "missed": "missed"}.get(
                registration.duo_attendance, "registered"
            )
            vals = {
                "mentor_id": registration.duo_mentor_id.id,
                "module_id": registration.event_id.duo_training_module_id.id,
                "date": registration._duo_event_date(),
                "state": state,
            }
            if lines:
                lines.write(vals)
            else:
                to_create.append(dict(vals, event_registration_id=registration.id))
        Attendance_sudo.create(to_create)

    def _duo_mark_missed(self):
        self.filtered(lambda r: r.state in ("draft", "open")).duo_missed = True

    @api.model
    def _cron_duo_mark_missed(self):
        """Daily: registrations to DUO sessions that are over and not marked attended are
        missed (the training gate then shows which module to catch up)."""
        self.search([
            ("event_id.duo_kind", "!=", False),
            ("event_id.date_end", "<", fields.Datetime.now()),
            ("state", "in", ("draft", "open")),
            ("duo_missed", "=", False),
        ])._duo_mark_missed()
