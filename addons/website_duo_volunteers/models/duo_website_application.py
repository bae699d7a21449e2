from odoo import api, models


class DuoWebsiteApplication(models.AbstractModel):
    _inherit = "duo.website.application"

    @api.model
    def _confirmation_templates(self):
        return {
            **super()._confirmation_templates(),
            "duo.volunteer": "website_duo_volunteers.mail_template_duo_volunteer_application",
        }
