from odoo import api, fields, models
from odoo.fields import Domain


class DuoWebsiteApplication(models.AbstractModel):
    """Helpers shared by the website application forms (mentees, mentors, volunteers), their
    thank-you pages and their confirmation emails."""

    _name = "duo.website.application"
    _description = "Website Application Helpers"

    @api.model
    def _upcoming_info_sessions(self, limit=3):
        """The next published information sessions (events of an information-session type);
        every upcoming published event when no type is marked as such. Returns
        ``(events_sudo, are_info_sessions)``."""
        # sudo: shown to anonymous visitors and rendered in emails; published events only.
        events_sudo = self.env["event.event"].sudo()
        domain = Domain("is_published", "=", True) & Domain(
            "date_end", ">=", fields.Datetime.now()
        )
        info_type_ids = self.env["event.type"].sudo().search(
            [("duo_kind", "=", "info_session")]).ids
        if info_type_ids:
            domain &= Domain("event_type_id", "in", info_type_ids)
        return events_sudo.search(domain, order="date_begin", limit=limit), bool(info_type_ids)
