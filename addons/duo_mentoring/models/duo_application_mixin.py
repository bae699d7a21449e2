import psycopg2
from psycopg2 import errorcodes

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import email_normalize

from ..tools import installed_lang


class DuoApplicationMixin(models.AbstractModel):
    """Public applications (mentees, mentors, volunteers) arrive as records of their own with
    a contact of their own: what strangers type never lands on an existing contact or DUO
    record. Staff see possible duplicates (same email, phone, or name and birth date) and merge
    contacts with Odoo's own merge wizard once they are sure.

    The database keeps at most one application waiting for review per normalised email and
    kind (one table per kind): a form posted twice, or ten times at once, gives one record."""

    _name = "duo.application.mixin"
    _description = "DUO Application Review"

    # Each kind declares its own contact field; the duplicate check reads it.
    partner_id = fields.Many2one("res.partner", string="Contact")
    application_email = fields.Char(
        string="Email as applied", readonly=True, copy=False,
        help="Normalised email of the website application, kept for the duplicate check.",
    )
    application_pending = fields.Boolean(
        string="Application to review", readonly=True, copy=False, index=True,
        help="Sent from the website and not reviewed by staff yet.",
    )
    duplicate_partner_ids = fields.Many2many(
        "res.partner", string="Possible duplicates", compute="_compute_duplicate_partner_ids",
        help="Other contacts with the same email, phone, or name and birth date.",
    )
    duplicate_count = fields.Integer(compute="_compute_duplicate_partner_ids")

    _pending_application_uniq = models.UniqueIndex(
        "(application_email) WHERE application_pending IS TRUE",
        "An application with this email is already waiting for review.",
    )

    def _duplicate_people_domain(self):
        """Extra domain on this model's records that point to the same person (persons add
        name and birth date); False when there is none."""
        return False

    @api.depends("partner_id.email_normalized", "partner_id.phone_sanitized")
    def _compute_duplicate_partner_ids(self):
        # Read with the user's own rights: staff only see duplicates they may see.
        partners = self.partner_id
        emails = {email for email in partners.mapped("email_normalized") if email}
        phones = {phone for phone in partners.mapped("phone_sanitized") if phone}
        matches = self.env["res.partner"]
        if emails or phones:
            domain = Domain.OR([
                *([Domain("email_normalized", "in", list(emails))] if emails else []),
                *([Domain("phone_sanitized", "in", list(phones))] if phones else []),
            ])
            matches = self.env["res.partner"].search(domain & Domain("id", "not in", partners.ids),
                                                     limit=200)
        people_domain = self._duplicate_people_domain()
        same_people = self.browse()
        if people_domain:
            same_people = self.search(Domain(people_domain) & Domain("id", "not in", self.ids),
                                      limit=200)
        for record in self:
            partner = record.partner_id
            found = matches.filtered(lambda match, partner=partner: (
                (partner.email_normalized and match.email_normalized == partner.email_normalized)
                or (partner.phone_sanitized and match.phone_sanitized == partner.phone_sanitized)
            ))
            found |= same_people.filtered(record._is_same_person).partner_id - partner
            record.duplicate_partner_ids = found
            record.duplicate_count = len(found)

    def _is_same_person(self, other):
        return False

    # ------------------------------------------------------------------ public intake
    @api.model
    def _create_public_application(self, vals, lang=None):
        """Create an application typed by a visitor: a new contact and a new record, marked
        for review. Returns the record, or an empty recordset when an application with the
        same email is already waiting for review (the database refuses the second one, also
        when both arrive at the same time)."""
        vals = dict(vals)
        email = email_normalize(vals.get("email") or "") or False
        if email and self.search_count([("application_email", "=", email),
                                        ("application_pending", "=", True)], limit=1):
            return self.browse()
        # The name stays in `vals` too: the record stores it (a related field).
        partner_vals = {key: vals.pop(key) for key in ("email", "phone") if key in vals}
        partner_vals["name"] = vals.get("name")
        partner_lang = installed_lang(self.env, lang)
        try:
            with self.env.cr.savepoint():
                partner = self.env["res.partner"].create(
                    dict(partner_vals, **({"lang": partner_lang} if partner_lang else {})))
                return self.create(dict(vals, partner_id=partner.id, application_email=email,
                                        application_pending=True))
        except psycopg2.IntegrityError as exc:
            constraint = f"{self._table}_pending_application_uniq"
            if exc.pgcode == errorcodes.UNIQUE_VIOLATION and exc.diag.constraint_name == constraint:
                return self.browse()
            raise

    # ------------------------------------------------------------------ review
    def _application_write_vals(self, vals):
        """`vals` of a write, checked and completed: a staff decision on the record (a new
        stage) is its review."""
        if "stage_id" in vals and "application_pending" not in vals:
            return dict(vals, application_pending=False)
        return vals

    def action_mark_reviewed(self):
        self.application_pending = False
        return True

    def action_merge_duplicates(self):
        """Odoo's contact merge, prefilled with this contact and its possible duplicates;
        staff choose the contact to keep and confirm."""
        self.ensure_one()
        self.application_pending = False
        partners = self.partner_id | self.duplicate_partner_ids[:2]
        return {
            "type": "ir.actions.act_window",
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": "res.partner", "active_ids": partners.ids,
                        "active_id": self.partner_id.id},
        }
