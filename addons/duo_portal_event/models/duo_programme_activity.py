from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.duo_event.models.event_type import DUO_ACTIVITY_KINDS

# Activities listed on a duo's page at most (the coming sessions first, then the documents).
PORTAL_ACTIVITIES_LISTED = 20


class DuoProgrammeActivity(models.Model):
    _inherit = "duo.programme.activity"

    @api.model
    def _duo_portal_domain(self, pair):
        """What the people of `pair` see on the portal: the activities of the duo's centre or
        of every centre, whose session is still to come (and not cancelled) or that share
        documents (the accommodation guide). The session must be one of the programme's
        activities for both sides (not a mentor training or intervision, not an information
        session) of the duo's centre or of every centre. A closed duo sees none."""
        if not pair.is_open:
            return Domain.FALSE
        upcoming = (Domain("event_id", "!=", False)
                    & Domain("event_id.duo_kind", "in", DUO_ACTIVITY_KINDS)
                    & Domain("event_id.duo_centre_id", "in", [False, *pair.centre_id.ids])
                    & Domain("event_id.date_end", ">", fields.Datetime.now())
                    & Domain("event_id.kanban_state", "!=", "cancel"))
        documents = Domain("event_id", "=", False) & Domain("attachment_ids", "!=", False)
        return (Domain("centre_id", "in", [False, *pair.centre_id.ids])
                & (upcoming | documents))

    @api.model
    def _duo_portal_activities(self, pair):
        """The activities `pair` sees, sessions by date then documents."""
        activities = self.search(self._duo_portal_domain(pair), limit=PORTAL_ACTIVITIES_LISTED)
        return activities.sorted(lambda activity: (
            not activity.event_id, activity.event_id.date_begin or fields.Datetime.now(),
            activity.id))

    def _duo_portal_registrations(self, person):
        """`person`'s (a mentee or a mentor) own registrations to the sessions of these
        activities that are not cancelled, by event."""
        registrations = self.env["event.registration"].search([
            ("event_id", "in", self.event_id.ids), ("state", "!=", "cancel"),
            "|", ("partner_id", "=", person.partner_id.id),
            (f"duo_{person._duo_role}_id", "=", person.id),
        ])
        return {registration.event_id: registration for registration in registrations}

    def _duo_portal_can_register(self):
        """Whether the portal offers to register to this activity's session: a session of
        one time slot, open to registrations (dates, seats, tickets)."""
        self.ensure_one()
        event = self.event_id
        return bool(event) and not event.is_multi_slots and event.event_registrations_open

    def _duo_portal_register(self, pair, side):
        """Register the mentee or the mentor (`side`) of `pair` to this activity's session.
        Called as superuser by the portal after its ownership check: the activity must be
        one the duo sees, the session open, with a seat left (Odoo's seat check applies on
        top); a person already registered is not registered twice."""
        self.ensure_one()
        _ = self.env._
        if not self.filtered_domain(self._duo_portal_domain(pair)):
            raise UserError(_("This activity is not open to your duo."))
        if not self._duo_portal_can_register():
            raise UserError(_("Registrations to this activity are closed."))
        event = self.event_id
        # The session's own rules on who attends (duo_event): mentor-only sessions, an
        # information session for one audience.
        if side not in self.env["event.registration"].new({"event_id": event.id})._duo_roles():
            raise UserError(_("This activity is not open to your duo."))
        person = pair._duo_portal_person(side)
        registration = self._duo_portal_registrations(person).get(event)
        if registration:
            return registration
        if event.seats_limited and event.seats_max and event.seats_available <= 0:
            raise UserError(_("This activity is full."))
        tickets = event.event_ticket_ids.filtered("sale_available")
        if event.event_ticket_ids and not tickets:
            raise UserError(_("This activity is full."))
        return self.env["event.registration"].create({
            "event_id": event.id,
            "event_ticket_id": tickets[:1].id,
            "partner_id": person.partner_id.id,
            f"duo_{side}_id": person.id,
        })
