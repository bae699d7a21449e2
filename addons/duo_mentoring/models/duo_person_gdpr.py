import json

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import AccessError

# Stages after which a person's file is only kept for the retention period.
CLOSED_CODES = ("withdrawn", "not_eligible", "alumni")


class DuoPersonMixin(models.AbstractModel):
    """GDPR duties on mentees and mentors: export of everything held on a person (right of
    access and portability), erasure (right to be forgotten) and automatic anonymisation after
    the retention period. Statistics survive: duos keep their stages, dates and outcomes."""

    _inherit = "duo.person.mixin"

    gdpr_erased_date = fields.Datetime(string="Anonymised on", readonly=True, copy=False)

    def _gdpr_personal_fields(self):
        """Fields cleared by an erasure (subclasses add their own)."""
        return ["birthdate", "gender", "commune_id", "cv", "cv_filename", "questionnaire_notes",
                "education", "education_details", "interview_notes", "close_reason",
                "eligibility_override_reason", "consent_version", "consent_channel",
                "consent_ip", "consent_lang",
                "tag_ids", "slot_ids", "sector_ids"]

    def _check_gdpr_rights(self):
        if not self.env.user.has_group("duo_mentoring.group_duo_manager"):
            raise AccessError(self.env._("Only DUO managers handle personal data requests."))

    # ------------------------------------------------------------------ export
    def _gdpr_export_data(self):
        self.ensure_one()
        # Managers only (checked by the caller); sudo reads the special-category fields too.
        person_sudo = self.sudo()
        skip = {"cv", "message_ids", "activity_ids", "message_follower_ids",
                "website_message_ids", "message_partner_ids"}
        names = [name for name, field in person_sudo._fields.items()
                 if field.store and name not in skip and field.type != "binary"]
        record = person_sudo.read(names)[0]
        pairs = person_sudo.pair_ids
        messages = self.env["mail.message"].sudo().search(
            [("model", "=", self._name), ("res_id", "=", self.id)], order="date"
        )
        return {
            "kind": self._duo_role,
            "record": record,
            "contact": person_sudo.partner_id.read(["name", "email", "phone", "street",
                                                    "zip", "city", "lang"])[0],
            "languages": [{"language": s.language_id.name, "level": s.level}
                          for s in person_sudo.language_skill_ids],
            "duos": [{
                "name": pair.name, "stage": pair.stage_id.name,
                "start_date": pair.start_date, "end_date": pair.end_date,
                "outcome": pair.outcome,
                "meetings": pair.meeting_ids.read(["date", "duration", "topics", "notes"]),
                "goals": pair.goal_ids.read(["name", "target_date", "state", "review"]),
            } for pair in pairs],
            "messages": [{"date": m.date, "author": m.author_id.name, "body": m.body}
                         for m in messages],
        }

    def action_gdpr_export(self):
        """A JSON file with everything DUO holds on the person, attached to the record."""
        self.ensure_one()
        self._check_gdpr_rights()
        payload = json.dumps(self._gdpr_export_data(), default=str, indent=2,
                             ensure_ascii=False)
        attachment = self.env["ir.attachment"].create({
            "name": f"gdpr-export-{self._duo_role}-{self.id}.json",
            "raw": payload.encode(),
            "mimetype": "application/json",
            "res_model": self._name,
            "res_id": self.id,
        })
        self.message_post(body=self.env._("Personal data exported on request."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------------ erasure
    def action_gdpr_erase(self):
        self._check_gdpr_rights()
        self._gdpr_anonymise()
        return True

    def _gdpr_anonymise(self):
        """Replace identifying data by placeholders, delete notes, CV, messages and
        attachments; keep the anonymous facts the programme reports on."""
        now = fields.Datetime.now()
        # Erasure must reach fields and messages the current user cannot see (sensitive data,
        # other people's notes): the caller is a manager or the retention cron.
        people_sudo = self.sudo()
        empty = {name: False for name in self._gdpr_personal_fields()}
        # Free texts that constraints require when set: keep a placeholder, not the text.
        placeholder = self.env._("(anonymised)")
        empty.update(close_reason=placeholder, eligibility_override_reason=placeholder)
        for name, field in people_sudo._fields.items():
            if name in empty and field.type == "many2many":
                empty[name] = [(5, 0, 0)]
        for person in people_sudo:
            label = self.env._("Anonymised %(kind)s %(id)s", kind=self._description,
                               id=person.id)
            person.partner_id.write({
                "name": label, "email": False, "phone": False, "street": False,
                "street2": False, "zip": False, "city": False, "comment": False,
                "image_1920": False,
            })
        people_sudo.language_skill_ids.unlink()
        self.env["mail.message"].sudo().search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        people_sudo.with_context(tracking_disable=True).write(
            dict(empty, active=False, gdpr_erased_date=now)
        )

    def _cron_gdpr_retention(self):
        """Anonymise people who left the programme longer ago than the retention period."""
        months = int(self.env["ir.config_parameter"].sudo().get_param(
            "duo_mentoring.retention_months", 24))
        limit = fields.Datetime.now() - relativedelta(months=months)
        expired = self.with_context(active_test=False).search([
            ("stage_code", "in", CLOSED_CODES), ("date_stage", "<", limit),
            ("gdpr_erased_date", "=", False),
        ])
        expired._gdpr_anonymise()
