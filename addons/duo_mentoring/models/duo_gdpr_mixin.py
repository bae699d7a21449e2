import base64
from dataclasses import dataclass, field

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.modules.registry import Registry

ERASE_UNLINK = "unlink"
ERASE_ANONYMISE = "anonymise"
ERASE_KEEP = "keep"


@dataclass
class PersonalData:
    """One place where a person's data lives: the records (read as superuser), the fields the
    export gives, and what an erasure does with them: delete them (``unlink``), overwrite the
    fields in ``values`` (``anonymise``: the record stays for anonymous statistics) or leave
    them (``keep``: exported only)."""

    label: str
    records: models.BaseModel
    fields: list[str]
    erase: str = ERASE_ANONYMISE
    values: dict = field(default_factory=dict)
    context: dict = field(default_factory=dict)


class DuoGdprMixin(models.AbstractModel):
    """The GDPR rights of access and erasure on one declared map of where a person's data
    lives (`_gdpr_data_map`). Each add-on extends the map for the records it adds (events,
    surveys, portal...); export and erasure both read it, so they cannot drift apart.

    Besides the mapped fields, an erasure removes what Odoo keeps about those records: chatter
    messages with their tracking values and notifications, activities, followers, attachments
    (and their files) and queued emails. It writes no new history."""

    _name = "duo.gdpr.mixin"
    _description = "DUO Personal Data"

    gdpr_erased_date = fields.Datetime(string="Anonymised on", readonly=True, copy=False)

    # ------------------------------------------------------------------ the map
    def _gdpr_contact(self):
        return self.partner_id

    def _gdpr_data_map(self):
        """Where this person's data lives; extend with ``super()``."""
        self.ensure_one()
        return [PersonalData("contact", self._gdpr_contact().sudo(), [
            "name", "email", "phone", "street", "street2", "zip", "city", "country_id", "lang",
            "comment",
        ], values={
            "name": self._gdpr_label(), "email": False, "phone": False, "street": False,
            "street2": False, "zip": False, "city": False, "comment": False,
            "image_1920": False, "active": False,
        })]

    def _gdpr_contact_in_use(self):
        """Reasons to leave the contact untouched: it is also someone's user, or another live
        record of DUO points to it (after staff merged contacts). The erased record then gets
        an anonymous contact of its own instead."""
        self.ensure_one()
        contact = self._gdpr_contact().sudo()
        reasons = []
        if contact.with_context(active_test=False).user_ids:
            reasons.append("user")
        for model in ("duo.mentee", "duo.mentor"):
            if self._gdpr_others_on_contact(model, contact):
                reasons.append(model)
        return reasons

    def _gdpr_others_on_contact(self, model, contact):
        """Whether another record of `model`, not erased, uses this contact."""
        return bool(self.env[model].sudo().with_context(active_test=False).search_count([
            ("partner_id", "=", contact.id), ("gdpr_erased_date", "=", False),
            *([("id", "!=", self.id)] if model == self._name else []),
        ], limit=1))

    # ------------------------------------------------------------------ rights
    def _check_gdpr_rights(self):
        if not self.env.user.has_group("duo_mentoring.group_duo_manager"):
            raise AccessError(self.env._("Only DUO managers handle personal data requests."))

    # ------------------------------------------------------------------ export
    def action_gdpr_export(self):
        """Download everything DUO holds on the person as a JSON file, generated for the
        request and never stored (a stored copy would be readable by others)."""
        self.ensure_one()
        self._check_gdpr_rights()
        return {
            "type": "ir.actions.act_url",
            "url": f"/duo/gdpr/export/{self._name}/{self.id}",
            "target": "self",
        }

    def _gdpr_export_data(self):
        """Everything DUO holds on the person, as JSON-ready data (CV and other files
        included, in base64)."""
        self.ensure_one()
        # sudo: managers only (checked by the caller); the map reaches special-category
        # fields and Odoo records other staff cannot see.
        locations = self.sudo()._gdpr_data_map()
        data = {"kind": self._description, "exported_on": fields.Datetime.now()}
        for location in locations:
            records = location.records.with_context(active_test=False)
            rows = records.read(location.fields)
            for row in rows:
                # Binary fields (the CV) come as base64 bytes: keep them readable in JSON.
                row.update({key: value.decode() for key, value in row.items()
                            if isinstance(value, bytes)})
            data.setdefault(location.label, []).extend(rows)
        targets = self._gdpr_targets(locations)
        messages = self.env["mail.message"].sudo().search(
            self._gdpr_message_domain(targets), order="date, id")
        data["messages"] = [{
            "date": message.date, "record": f"{message.model},{message.res_id}",
            "author": message.author_id.name, "subject": message.subject, "body": message.body,
        } for message in messages]
        data["activities"] = [{
            "record": f"{activity.res_model},{activity.res_id}",
            "type": activity.activity_type_id.name, "summary": activity.summary,
            "note": activity.note, "deadline": activity.date_deadline,
        } for activity in self.env["mail.activity"].sudo().search(
            self._gdpr_res_domain(targets))]
        data["emails"] = [{
            "date": mail.date, "subject": mail.subject, "body": mail.body_html,
            "state": mail.state,
        } for mail in self.env["mail.mail"].sudo().search(self._gdpr_mail_domain(locations))]
        attachments = self.env["ir.attachment"].sudo().search(
            self._gdpr_res_domain(targets) | Domain("id", "in", messages.attachment_ids.ids))
        data["files"] = [{
            "name": attachment.name, "mimetype": attachment.mimetype,
            "record": f"{attachment.res_model},{attachment.res_id}",
            "content_base64": base64.b64encode(attachment.raw or b"").decode(),
        } for attachment in attachments]
        return data

    # ------------------------------------------------------------------ erasure
    def action_gdpr_erase(self):
        self._check_gdpr_rights()
        self._gdpr_anonymise()
        return True

    @api.model
    def _gdpr_targets(self, locations):
        """{model: ids} of every mapped record."""
        targets = {}
        for location in locations:
            if location.records:
                targets.setdefault(location.records._name, set()).update(location.records.ids)
        return {model: sorted(ids) for model, ids in targets.items()}

    @api.model
    def _gdpr_message_domain(self, targets):
        return Domain.OR([Domain("model", "=", model) & Domain("res_id", "in", ids)
                          for model, ids in targets.items()] or [Domain.FALSE])

    @api.model
    def _gdpr_res_domain(self, targets):
        return Domain.OR([Domain("res_model", "=", model) & Domain("res_id", "in", ids)
                          for model, ids in targets.items()] or [Domain.FALSE])

    @api.model
    def _gdpr_mail_domain(self, locations):
        contacts = self.env["res.partner"].browse({
            partner_id for location in locations if location.records._name == "res.partner"
            for partner_id in location.records.ids})
        domain = Domain("recipient_ids", "in", contacts.ids)
        for email in set(filter(None, contacts.mapped("email_normalized"))):
            domain |= Domain("email_to", "ilike", email)
        return domain

    def _gdpr_anonymise(self):
        """Erase each person following the map. Runs as superuser: erasure must reach fields,
        messages and records the current user cannot see (the caller is a manager or the
        retention cron)."""
        quiet = {"tracking_disable": True, "mail_notrack": True, "mail_create_nolog": True,
                 "active_test": False}
        for person in self.sudo().with_context(**quiet):
            contact = person._gdpr_contact()
            keep_contact = bool(person._gdpr_contact_in_use())
            locations = person._gdpr_data_map()
            if keep_contact:
                locations = [loc for loc in locations if loc.records != contact]
            targets = self._gdpr_targets(locations)
            # Read before the contact loses its email address.
            mail_domain = self._gdpr_mail_domain(locations)
            contacts = self.env["res.partner"].browse(targets.get("res.partner", []))
            for location in locations:
                records = location.records.with_context(**quiet, **location.context).exists()
                if location.erase == ERASE_ANONYMISE and records and location.values:
                    records.write(location.values)
            # After the writes: what they caused (a duo's closing email...) goes as well.
            person._gdpr_purge_traces(targets, mail_domain, contacts)
            for location in locations:
                if location.erase == ERASE_UNLINK:
                    location.records.with_context(**quiet).exists().unlink()
            if keep_contact:
                # A contact others rely on stays as it is; the erased record leaves it.
                person.partner_id = person.env["res.partner"].create(
                    {"name": person._gdpr_label(), "active": False})
        self._gdpr_collect_files_after_commit()

    def _gdpr_label(self):
        return self.env._("Anonymised %(kind)s %(id)s", kind=self._description, id=self.id)

    def _gdpr_purge_traces(self, targets, mail_domain, contacts):
        """Chatter (with tracking values and notifications, by cascade), activities, followers,
        attachments with their files, and emails of the mapped records or to the person."""
        env = self.env
        on_targets = self._gdpr_res_domain(targets)
        messages = env["mail.message"].search(self._gdpr_message_domain(targets))
        attachments = env["ir.attachment"].search(
            on_targets | Domain("id", "in", messages.attachment_ids.ids))
        env["mail.mail"].search(mail_domain).unlink()
        messages.unlink()
        env["mail.activity"].search(on_targets).unlink()
        env["mail.followers"].search(
            on_targets | Domain("partner_id", "in", contacts.ids)).unlink()
        # Some went with their messages already.
        attachments.exists().unlink()
        # Composers of emails sent from these records keep the rendered body until the
        # transient-model vacuum: not that long.
        composers = env["mail.compose.message"].search([("model", "in", list(targets))])
        composers.filtered(lambda composer: set(composer._evaluate_res_ids() or [])
                           & set(targets[composer.model])).unlink()

    def _gdpr_collect_files_after_commit(self):
        """Files of deleted attachments stay on disk until Odoo's file-store garbage collector
        runs (nightly). Run it right after the erasure commits, in its own transaction (it
        locks the attachments table, which it must do first)."""
        dbname = self.env.cr.dbname

        @self.env.cr.postcommit.add
        def collect_files():
            with Registry(dbname).cursor() as cr:
                api.Environment(cr, SUPERUSER_ID, {})["ir.attachment"]._gc_file_store()
