from markupsafe import Markup, escape

from odoo import http
from odoo.fields import Command
from odoo.http import request

from odoo.addons.website_duo.controllers.application import (
    LONG_MAX,
    MAX_REQUEST_BYTES,
    DuoApplicationForm,
    to_int,
)

VOLUNTEER_LANGUAGE_ROWS = 4


class DuoVolunteerApplication(DuoApplicationForm):
    """Volunteer sign-up: kinds of help, languages, availability. Follows the flow of the
    mentee and mentor forms (spam checks, validation, consent, confirmation)."""

    def _duo_volunteer_spec(self):
        return {
            "model": "duo.volunteer",
            "path": "/duo/apply/volunteer",
            "template": "website_duo_volunteers.duo_application_volunteer",
            "thanks_template": "website_duo_volunteers.duo_application_volunteer_thanks",
        }

    def _duo_volunteer_choices(self):
        # sudo: public reference data only.
        return {
            "help_kinds_sudo": request.env["duo.help.kind"].sudo().search([]),
            "volunteer_language_rows": range(1, VOLUNTEER_LANGUAGE_ROWS + 1),
        }

    def _duo_volunteer_vals(self, form, values, errors):
        # sudo: the anonymous visitor validates against reference data it cannot read
        # (centres, kinds of help, slots, languages, the first stage); only ids are kept.
        env = request.env
        centres_sudo = env["duo.centre"].sudo().search([])
        centre_id = to_int(form.get("centre_id"))
        values["centre_id"] = centre_id
        if centre_id not in centres_sudo.ids:
            errors["centre_id"] = env._("Please choose a centre.")
            centre_id = False
        centre_sudo = centres_sudo.browse(centre_id)
        help_kinds = env["duo.help.kind"].sudo().search([]).ids
        slots = env["duo.availability.slot"].sudo().search([]).ids
        languages = set(env["duo.language"].sudo().search([]).ids)
        language_ids = []
        for index in range(1, VOLUNTEER_LANGUAGE_ROWS + 1):
            language_id = to_int(form.get(f"language_{index}"))
            values[f"language_{index}"] = language_id
            if language_id in languages and language_id not in language_ids:
                language_ids.append(language_id)
        if not language_ids:
            errors["language_1"] = env._("Please tell us at least one language.")
        motivation = self._duo_text(form, "motivation", values, errors, max_len=LONG_MAX,
                                    multiline=True)
        stage = env["duo.volunteer.stage"].sudo().search([], order="sequence, id", limit=1)
        return {
            "centre_id": centre_id,
            "company_id": centre_sudo.company_id.id or env.company.id,
            "user_id": centre_sudo.coordinator_ids[:1].id,
            "stage_id": stage.id,
            "help_kind_ids": [Command.set(self._duo_ids(form, "help_kind_ids", values, errors,
                                                        help_kinds))],
            "availability_ids": [Command.set(self._duo_ids(form, "slot_ids", values, errors,
                                                           slots))],
            "language_ids": [Command.set(language_ids)],
            # Plain text typed by the visitor, escaped line by line.
            "notes": motivation and Markup("<p>%s</p>") % Markup("<br/>").join(
                escape(line) for line in motivation.split("\n")
            ),
        }

    @http.route("/duo/apply/volunteer", type="http", auth="public", website=True,
                methods=["GET", "POST"], sitemap=True, max_content_length=MAX_REQUEST_BYTES)
    def duo_apply_volunteer(self, **_post):
        return self._duo_application("volunteer")
