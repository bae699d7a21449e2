from odoo import models

from odoo.addons.duo_mentoring.models.duo_gdpr_mixin import PersonalData


class DuoPersonMixin(models.AbstractModel):
    _inherit = "duo.person.mixin"

    def _gdpr_data_map(self):
        """Registrations to information sessions, trainings and activities: they stay for the
        attendance figures, without who registered."""
        locations = super()._gdpr_data_map()
        registrations = self.env["event.registration"].sudo().search([
            "|", (f"duo_{self._duo_role}_id", "=", self.id),
            ("partner_id", "=", self.partner_id.id),
        ])
        return [*locations, PersonalData(
            "event registrations", registrations,
            ["event_id", "name", "email", "phone", "state", "duo_attendance", "create_date"],
            values={"name": self.env._("(anonymised)"), "email": False, "phone": False,
                    "partner_id": False, "company_name": False},
        )]
