import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)


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

    # ------------------------------------------------------------------ follow-up queue
    @api.model
    def _confirmation_templates(self):
        """The confirmation email of each kind of application; form add-ons add theirs."""
        return {
            "duo.mentee": "website_duo.mail_template_duo_mentee_application",
            "duo.mentor": "website_duo.mail_template_duo_mentor_application",
        }

    @api.model
    def _cron_application_followup(self, limit=200):
        """The follow-up of the website applications saved since the last run: proof of
        consent in the chatter, the coordinator's to-do and the queued confirmation email.
        Each application in a savepoint: one that fails is logged and never blocks the
        others; its record stays saved."""
        done = 0
        for model_name, template_xmlid in self._confirmation_templates().items():
            # sudo: the follow-up writes on the pipeline for the anonymous applicant.
            records = self.env[model_name].sudo().with_context(
                active_test=False, mail_notify_force_send=False,
            ).search([("website_followup_pending", "=", True)], order="id",
                     limit=limit - done)
            for record in records:
                if record.gdpr_erased_date:
                    continue  # erased before its follow-up: nothing is sent or noted
                try:
                    with self.env.cr.savepoint():
                        record._duo_website_followup(template_xmlid)
                except Exception:  # noqa: BLE001 - the application itself stays saved
                    _logger.exception("Follow-up of website application %s failed", record)
            records.website_followup_pending = False
            done += len(records)
            if done >= limit:
                # More than a batch waiting: run again right after this transaction.
                self.env.ref("website_duo.ir_cron_duo_application_followup")._trigger()
                break
        if done:
            # The confirmations and notifications are queued: send them now, not within
            # the hour of the mail queue's own schedule.
            self.env.ref("mail.ir_cron_mail_scheduler_action")._trigger()
        return done


class DuoApplicationMixin(models.AbstractModel):
    _inherit = "duo.application.mixin"

    website_followup_pending = fields.Boolean(
        readonly=True, copy=False,
        help="Set while the website follow-up (consent note, coordinator's to-do, "
             "confirmation email) waits for its cron job.",
    )

    _website_followup_idx = models.Index("(id) WHERE website_followup_pending IS TRUE")

    def _application_write_vals(self, vals):
        # Only the form (as superuser) queues a follow-up: a client writing the flag would
        # have the cron write and send in the programme's name.
        if "website_followup_pending" in vals and not self.env.su:
            raise AccessError(self.env._("The website follow-up is queued by the forms only."))
        return super()._application_write_vals(vals)

    def _duo_website_coordinator(self):
        return self.user_id or self.centre_id.coordinator_ids[:1]

    def _duo_website_staff_record(self):
        """The record in its coordinator's language (staff read notes and to-dos in their own
        language, not the visitor's)."""
        return self.with_context(lang=self._duo_website_coordinator().lang or self.env.lang)

    def _duo_website_schedule(self, texts):
        """A to-do for the coordinator; `texts(env)` gives its summary and note in the
        coordinator's language."""
        coordinator = self._duo_website_coordinator()
        if coordinator:
            staff_record = self._duo_website_staff_record()
            summary, note = texts(staff_record.env)
            staff_record.activity_schedule(
                "website_duo.mail_activity_type_duo_application",
                summary=summary, note=note, user_id=coordinator.id,
            )

    def _duo_website_followup(self, template_xmlid):
        """Proof of consent on the record, a to-do for the coordinator and the confirmation,
        queued (sent by the mail cron): a mail server down never loses an application."""
        self.ensure_one()
        # What `mail.thread.create` does, skipped in the request: the coordinator (and
        # whoever follows the centre's records) follows the application.
        self._message_auto_subscribe({
            name: self[name].id for name, field in self._fields.items()
            if field.type == "many2one" and field.store
        })
        staff_record = self._duo_website_staff_record()
        staff_env = staff_record.env
        # Written by the applicant, so that the chatter names them, not the public user.
        staff_record.message_post(author_id=self.partner_id.id, body=Markup(
            "<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li></ul>"
        ) % (
            staff_env._("Application received from the website."),
            staff_env._("Privacy notice %(version)s accepted on %(date)s (UTC)",
                        version=self.consent_version, date=self.consent_date),
            staff_env._("From IP address %s", self.consent_ip),
            staff_env._("Notice shown in %s", self.consent_lang),
        ))
        duplicates = self.duplicate_count

        def welcome(env):
            note = env._("Welcome %s and invite them to an information session.", self.name)
            if duplicates:
                note = " ".join([note, env._(
                    "%s other contact(s) may be the same person: check the possible "
                    "duplicates on the application before going on.", duplicates)])
            return env._("New website application: %s", self.name), note

        self._duo_website_schedule(welcome)
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if not template:
            return
        try:
            with self.env.cr.savepoint():
                self.message_post_with_source(
                    template, message_type="comment", subtype_xmlid="mail.mt_comment",
                    force_send=False,
                )
        except Exception:  # noqa: BLE001 - any failure must leave the application saved
            _logger.exception("Confirmation of website application %s failed", self)
            staff_record.message_post(body=staff_env._(
                "The confirmation email could not be prepared; please confirm the "
                "application to the applicant by hand."
            ))
            self._duo_website_schedule(lambda env: (
                env._("Confirmation email failed: %s", self.name),
                env._("Confirm the application by phone or email."),
            ))
