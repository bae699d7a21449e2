"""Public application forms: the shared flow (spam checks, validation, consent, creation,
confirmation) and the mentee and mentor forms. Other add-ons add their own form (volunteers)
by subclassing `DuoApplicationForm` and naming their methods after their kind."""

import base64
import logging
import re
from datetime import date

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.http import request
from odoo.tools import email_normalize
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.duo_mentoring.models.duo_language_skill import LEVEL_RANK
from odoo.addons.duo_mentoring.models.duo_person_mixin import GENDERS
from odoo.addons.duo_mentoring.tools import contact_lang, pdf_problem

_logger = logging.getLogger(__name__)

CV_MAX_BYTES = 5 * 1024 * 1024
# Bodies above this are refused by werkzeug (413) before being read; below it, an oversized
# CV gets a message next to the field.
MAX_REQUEST_BYTES = 25 * 1024 * 1024
LANGUAGE_ROWS = 4
SHORT_MAX = 120
LONG_MAX = 4000
HONEYPOT = "company_website"
CAPTCHA_ACTION = "duo_application"
THANKS_NAME_KEY = "duo_application_first_name"
PHONE_FALLBACK_RE = re.compile(r"^\+?[0-9][0-9 ()./-]{5,24}$")
_SCRIPT_RE = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Invisible characters that change how a text reads without being seen: bidi embeddings,
# overrides and isolates (a name or "cv\u202efdp.exe" shown reversed), zero-width spaces and
# joiners, the word joiner and the byte-order mark.
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(value, multiline=False):
    """Plain text from what a visitor typed: scripts, tags, control and invisible formatting
    characters removed."""
    if not isinstance(value, str):
        return ""
    value = _INVISIBLE_RE.sub("", _CONTROL_RE.sub("", _TAG_RE.sub("", _SCRIPT_RE.sub("", value))))
    if multiline:
        lines = (" ".join(line.split()) for line in value.replace("\r", "").split("\n"))
        return "\n".join(lines).strip()
    return " ".join(value.split())


def to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class DuoApplicationForm(http.Controller):
    """The flow every application form follows. A kind ("mentee", "mentor", "volunteer")
    provides `_duo_<kind>_spec()` and `_duo_<kind>_vals(form, values, errors)`; subclasses
    of several add-ons are merged by Odoo, so the methods are named after the kind, never
    overridden."""

    # ------------------------------------------------------------------ shared flow
    def _duo_spec(self, kind):
        spec = getattr(self, f"_duo_{kind}_spec", None)
        if spec is None:
            raise request.not_found()
        return dict(spec(), kind=kind)

    def _duo_application(self, kind):
        spec = self._duo_spec(kind)
        if request.httprequest.method != "POST":
            return self._duo_render_form(spec, {}, {})
        Submission = request.env["duo.website.submission"]
        ip = request.httprequest.remote_addr
        form = request.httprequest.form
        if Submission._is_over_limit(ip):
            errors = {"form": request.env._(
                "Many applications were sent from your connection in the last hour. Please "
                "try again later, or call us: we will gladly help you."
            )}
            return self._duo_render_form(spec, {}, errors, status=429)
        if form.get(HONEYPOT):
            # A field people cannot see was filled: a robot. It is told all went well.
            Submission._log(ip, kind, "spam")
            return self._duo_render_thanks(spec, "")

        values, errors = {}, {}
        try:
            request.env["ir.http"]._verify_request_recaptcha_token(CAPTCHA_ACTION)
        except (UserError, ValidationError) as exc:
            errors["form"] = exc.args[0] if exc.args else request.env._("Please retry.")
        vals = self._duo_common_vals(form, values, errors)
        vals.update(getattr(self, f"_duo_{kind}_vals")(form, values, errors))
        if errors:
            Submission._log(ip, kind, "invalid")
            return self._duo_render_form(spec, values, errors, status=422)

        try:
            # All or nothing (`_create_public_application` works in a savepoint): a refused
            # value leaves no contact or half a file behind.
            record_sudo = self._duo_create(spec, vals)
        except (UserError, ValidationError, psycopg2.Error) as exc:
            _logger.info("Website %s application refused: %s", kind, exc)
            errors["form"] = request.env._(
                "Your application could not be saved. Please check your answers or contact us."
            )
            Submission._log(ip, kind, "invalid")
            return self._duo_render_form(spec, values, errors, status=422)
        if not record_sudo:
            # The same email already waits for review: the visitor sees the same page and
            # nothing else happens (no second record, email or to-do).
            Submission._log(ip, kind, "pending")
            return self._duo_render_thanks(spec, vals["name"])
        self._duo_queue_followup()
        Submission._log(ip, kind, "saved")
        return self._duo_render_thanks(spec, vals["name"])

    def _duo_create(self, spec, vals):
        """A new record with a new contact, never an existing one (see
        `duo.application.mixin`); empty when the same email already waits for review."""
        # sudo: the visitor has no rights on the pipeline; every value was checked above and
        # only whitelisted fields reach `vals`.
        model_sudo = request.env[spec["model"]].sudo().with_context(
            duo_skip_invitation=True, mail_create_nolog=True, mail_create_nosubscribe=True,
            # No chatter work in the request: the coordinator starts following the record
            # in the follow-up (`_duo_website_followup`), which the visitor does not wait for.
            tracking_disable=True,
            lang=request.env.lang,
        )
        vals = dict(vals, website_followup_pending=True)
        return model_sudo._create_public_application(vals, lang=self._duo_contact_lang())

    def _duo_render_form(self, spec, values, errors, status=200):
        qcontext = {
            "values": values,
            "errors": errors,
            "form_action": request.env["ir.http"]._url_for(spec["path"]),
            "honeypot": HONEYPOT,
            "captcha_action": CAPTCHA_ACTION,
            "cv_max_mb": CV_MAX_BYTES // (1024 * 1024),
            "privacy_version": self._duo_privacy_version(),
            "language_rows": range(1, LANGUAGE_ROWS + 1),
            **self._duo_choices(),
            **getattr(self, f"_duo_{spec['kind']}_choices", dict)(),
        }
        return request.render(spec["template"], qcontext, status=status)

    def _duo_render_thanks(self, spec, typed_name):
        """Answer a handled POST with a redirect to the thank-you page (post/redirect/get):
        reloading that page shows it again and sends nothing. The page greets the first name
        the visitor typed (never one from our records), through the visitor's own session."""
        request.session[THANKS_NAME_KEY] = (typed_name or "").split(" ")[0]
        return request.redirect(request.env["ir.http"]._url_for(f"{spec['path']}/thanks"),
                                code=303, local=True)

    def _duo_thanks_page(self, kind):
        spec = self._duo_spec(kind)
        events_sudo, are_info_sessions = request.env[
            "duo.website.application"
        ]._upcoming_info_sessions()
        return request.render(spec["thanks_template"], {
            "first_name": request.session.get(THANKS_NAME_KEY, ""),
            "events_sudo": events_sudo,
            "are_info_sessions": are_info_sessions,
        })

    def _duo_choices(self):
        """What the selects and checkboxes offer. sudo: public reference data only."""
        env = request.env
        slots_sudo = env["duo.availability.slot"].sudo().search([])
        slot_fields = slots_sudo._fields
        return {
            "communes_sudo": env["duo.commune"].sudo().search([]),
            "sectors_sudo": env["duo.sector"].sudo().search([("parent_id", "=", False)]),
            "languages_sudo": env["duo.language"].sudo().search([]),
            "levels": env["duo.language.skill"]._fields["level"]._description_selection(env),
            "genders": env["duo.mentee"]._fields["gender"]._description_selection(env),
            "weekdays": slot_fields["weekday"]._description_selection(env),
            "day_parts": slot_fields["day_part"]._description_selection(env),
            "slot_by_key": {(s.weekday, s.day_part): s.id for s in slots_sudo},
            "centres_sudo": env["duo.centre"].sudo().search([]),
        }

    def _duo_privacy_version(self):
        # sudo: visitors cannot read system parameters; only this public version is used.
        return request.env["ir.config_parameter"].sudo().get_param(
            "duo_mentoring.privacy_notice_version", "2026-01"
        )

    # ------------------------------------------------------------------ field readers
    def _duo_text(self, form, name, values, errors, required=False, max_len=SHORT_MAX,
                  multiline=False):
        text = clean_text(form.get(name, ""), multiline=multiline)
        values[name] = text[: max_len * 2]
        if required and not text:
            errors[name] = request.env._("Please fill in this field.")
        elif len(text) > max_len:
            errors[name] = request.env._("Please keep it under %s characters.", max_len)
        return text or False

    def _duo_int(self, form, name, values, errors, low, high):
        raw = clean_text(form.get(name, ""))[:20]
        values[name] = raw
        number = to_int(raw)
        if number is None or not low <= number <= high:
            errors[name] = request.env._("Please give a number from %(low)s to %(high)s.",
                                         low=low, high=high)
        return number

    def _duo_ids(self, form, name, values, errors, allowed_ids, required=True):
        ids = {to_int(value) for value in form.getlist(name)[:200]} & set(allowed_ids)
        values[name] = ids
        if required and not ids:
            errors[name] = request.env._("Please choose at least one.")
        return sorted(ids)

    def _duo_common_vals(self, form, values, errors):
        """Name, email, phone and consent: what every application has."""
        env = request.env
        name = self._duo_text(form, "name", values, errors, required=True)
        email_raw = clean_text(form.get("email", ""))[:300]
        values["email"] = email_raw
        email = email_normalize(email_raw) if len(email_raw) <= 254 else False
        if not email_raw:
            errors["email"] = env._("Please fill in this field.")
        elif not email:
            errors["email"] = env._("This email address does not look valid.")
        phone = self._duo_phone(form, values, errors)
        if not form.get("consent"):
            errors["consent"] = env._(
                "We can only process your application with your consent to the privacy notice."
            )
        values["consent"] = bool(form.get("consent"))
        return {
            "name": name,
            "email": email,
            "phone": phone,
            "consent_date": fields.Datetime.now(),
            "consent_version": self._duo_privacy_version(),
            "consent_channel": "website",
            "consent_ip": request.httprequest.remote_addr,
            "consent_lang": env.lang or "en_US",
        }

    def _duo_contact_lang(self):
        """The programme language closest to the page the visitor used (fr_BE: fr_FR)."""
        return contact_lang(request.env.lang)

    def _duo_phone(self, form, values, errors):
        raw = clean_text(form.get("phone", ""))[:40]
        values["phone"] = raw
        if not raw:
            errors["phone"] = request.env._("Please fill in this field.")
            return False
        belgium = request.env.ref("base.be", raise_if_not_found=False)
        try:
            formatted = request.env["res.partner"]._phone_format(
                number=raw, country=belgium, force_format="INTERNATIONAL",
                raise_exception=True,
            )
        except UserError:
            formatted = False
        if not formatted or not PHONE_FALLBACK_RE.match(formatted):
            errors["phone"] = request.env._(
                "This phone number does not look valid, e.g. +32 470 12 34 56."
            )
            return False
        return formatted

    def _duo_birthdate(self, form, values, errors, min_age, max_age=None):
        raw = clean_text(form.get("birthdate", ""))[:10]
        values["birthdate"] = raw
        try:
            birthdate = fields.Date.to_date(raw) if raw else None
        except ValueError:
            birthdate = None
        if not birthdate or birthdate >= date.today() or birthdate.year < 1900:
            errors["birthdate"] = request.env._("Please give your birth date.")
            return False
        age = relativedelta(date.today(), birthdate).years
        if age < min_age or (max_age is not None and age > max_age):
            if max_age is None:
                message = request.env._("This programme is for people aged %s or more.",
                                        min_age)
            else:
                message = request.env._(
                    "This programme is for people aged %(min)s to %(max)s.",
                    min=min_age, max=max_age,
                )
            errors["birthdate"] = message
            return False
        return birthdate

    def _duo_cv(self, values, errors):
        """Optional CV: a real PDF (its first bytes, not its name) of at most 5 MB."""
        upload = request.httprequest.files.get("cv")
        if not upload or not upload.filename:
            return {}
        data = upload.read(CV_MAX_BYTES + 1)
        if len(data) > CV_MAX_BYTES:
            errors["cv"] = request.env._("Your CV is too large: %s MB at most, please.",
                                         CV_MAX_BYTES // (1024 * 1024))
        elif not data.startswith(b"%PDF-") or guess_mimetype(data) != "application/pdf":
            errors["cv"] = request.env._("Your CV must be a PDF file.")
        elif problem := pdf_problem(data):
            if problem == "encrypted":
                errors["cv"] = request.env._(
                    "Your CV is protected by a password. Please send it without one.")
            else:
                # Scripts, launch actions and embedded files can harm whoever opens the CV.
                errors["cv"] = request.env._(
                    "Your CV could not be accepted: it contains scripts, attachments or "
                    "actions, or could not be read. Please save it again as a plain PDF.")
        if "cv" in errors:
            return {}
        filename = clean_text(upload.filename.replace("\\", "/").rsplit("/", 1)[-1])[:100]
        if not filename.lower().endswith(".pdf"):
            filename = f"{filename or 'cv'}.pdf"
        values["cv_filename"] = filename
        return {"cv": base64.b64encode(data), "cv_filename": filename}

    def _duo_language_rows(self, form, values, errors):
        """Up to LANGUAGE_ROWS (language, level) pairs; at least one."""
        allowed = set(request.env["duo.language"].sudo().search([]).ids)
        rows, seen = [], set()
        for index in range(1, LANGUAGE_ROWS + 1):
            language_id = to_int(form.get(f"language_{index}"))
            level = form.get(f"level_{index}") or ""
            values[f"language_{index}"] = language_id
            values[f"level_{index}"] = level if level in LEVEL_RANK else ""
            if not language_id:
                continue
            if language_id not in allowed or level not in LEVEL_RANK:
                errors[f"language_{index}"] = request.env._(
                    "Please choose a language and your level."
                )
            elif language_id in seen:
                errors[f"language_{index}"] = request.env._("This language is already listed.")
            else:
                seen.add(language_id)
                rows.append(Command.create({"language_id": language_id, "level": level}))
        if not rows and not any(key.startswith("language_") for key in errors):
            errors["language_1"] = request.env._("Please tell us at least one language.")
        return rows

    def _duo_person_vals(self, form, values, errors, role):
        """Profile shared by mentees and mentors. The centre follows the commune."""
        # sudo: the anonymous visitor validates against reference data it cannot read
        # (communes, centres, sectors, slots, stages); only ids go into the record.
        env = request.env
        communes_sudo = env["duo.commune"].sudo()
        commune_id = to_int(form.get("commune_id"))
        values["commune_id"] = commune_id
        commune_sudo = communes_sudo.browse(commune_id).exists() if commune_id else communes_sudo
        if not commune_sudo:
            errors["commune_id"] = env._("Please choose your commune.")
        centre_sudo = commune_sudo.centre_id or env["duo.centre"].sudo().search([], limit=1)
        if role == "mentee":
            birthdate = self._duo_birthdate(form, values, errors, centre_sudo.mentee_min_age,
                                            centre_sudo.mentee_max_age)
        else:
            birthdate = self._duo_birthdate(form, values, errors, centre_sudo.mentor_min_age)
        gender = form.get("gender") or False
        if gender not in dict(GENDERS):
            gender = False
        values["gender"] = gender
        sectors = env["duo.sector"].sudo().search([("parent_id", "=", False)]).ids
        slots = env["duo.availability.slot"].sudo().search([]).ids
        return {
            "birthdate": birthdate,
            "gender": gender,
            "commune_id": commune_sudo.id,
            "centre_id": centre_sudo.id,
            "user_id": centre_sudo.coordinator_ids[:1].id,
            "stage_id": env["duo.intake.stage"].sudo().search(
                [("code", "=", "info_session"), (f"for_{role}", "=", True)], limit=1
            ).id,
            "sector_ids": [Command.set(self._duo_ids(form, "sector_ids", values, errors,
                                                     sectors))],
            "slot_ids": [Command.set(self._duo_ids(form, "slot_ids", values, errors, slots))],
            "language_skill_ids": self._duo_language_rows(form, values, errors),
            "contact_lang": self._duo_contact_lang(),
            **self._duo_cv(values, errors),
        }

    # ------------------------------------------------------------------ after the decision
    def _duo_queue_followup(self):
        """The proof of consent in the chatter, the coordinator's to-do and the queued
        confirmation email follow within seconds, from the cron job this triggers (see
        `duo.website.application._cron_application_followup`): the visitor does not wait
        for them, and a failure there never loses the saved application."""
        # sudo: the public user may not trigger cron jobs.
        request.env.ref("website_duo.ir_cron_duo_application_followup").sudo()._trigger()


class DuoMentoringApplication(DuoApplicationForm):
    """Mentee and mentor application forms."""

    def _duo_mentee_spec(self):
        return {
            "model": "duo.mentee",
            "path": "/duo/apply/mentee",
            "template": "website_duo.duo_application_mentee",
            "thanks_template": "website_duo.duo_application_thanks",
        }

    def _duo_mentor_spec(self):
        return {
            "model": "duo.mentor",
            "path": "/duo/apply/mentor",
            "template": "website_duo.duo_application_mentor",
            "thanks_template": "website_duo.duo_application_thanks",
        }

    def _duo_mentee_vals(self, form, values, errors):
        vals = self._duo_person_vals(form, values, errors, "mentee")
        vals["job_goal"] = self._duo_text(form, "job_goal", values, errors, required=True)
        return vals

    def _duo_mentor_vals(self, form, values, errors):
        vals = self._duo_person_vals(form, values, errors, "mentor")
        vals.update({
            "job_title": self._duo_text(form, "job_title", values, errors, required=True),
            "career_summary": self._duo_text(form, "career_summary", values, errors,
                                             max_len=LONG_MAX, multiline=True),
            "experience_years": self._duo_int(form, "experience_years", values, errors, 0, 60),
            "capacity": self._duo_int(form, "capacity", values, errors, 1, 3),
            "motivation": self._duo_text(form, "motivation", values, errors, required=True,
                                         max_len=LONG_MAX, multiline=True),
        })
        return vals

    @http.route("/duo/apply/mentee", type="http", auth="public", website=True,
                methods=["GET", "POST"], sitemap=True, max_content_length=MAX_REQUEST_BYTES)
    def duo_apply_mentee(self, **_post):
        return self._duo_application("mentee")

    @http.route("/duo/apply/<string:kind>/thanks", type="http", auth="public", website=True,
                methods=["GET"], sitemap=False)
    def duo_apply_thanks(self, kind, **_kw):
        return self._duo_thanks_page(kind)

    @http.route("/duo/apply/mentor", type="http", auth="public", website=True,
                methods=["GET", "POST"], sitemap=True, max_content_length=MAX_REQUEST_BYTES)
    def duo_apply_mentor(self, **_post):
        return self._duo_application("mentor")
