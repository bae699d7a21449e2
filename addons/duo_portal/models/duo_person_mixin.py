from odoo import fields, models
from odoo.tools import email_normalize

from odoo.addons.duo_mentoring.models.duo_gdpr_mixin import PersonalData
from odoo.addons.duo_mentoring.models.duo_pair import BRUSSELS_TZ


class DuoPersonMixin(models.AbstractModel):
    _inherit = "duo.person.mixin"

    # The person chooses which contact details their duo partner sees on the portal.
    portal_share_email = fields.Boolean(
        string="Email shared with the duo partner",
        help="The duo partner sees this email address on the portal.")
    portal_share_phone = fields.Boolean(
        string="Phone shared with the duo partner",
        help="The duo partner sees this phone number on the portal.")

    def _duo_portal_user(self):
        """The person's login: the contact's own when it has one, else a new portal user
        in the person's company. Returns (user, problem), `problem` a translated reason when
        no login can be given."""
        self.ensure_one()
        # sudo: logins are made by user administrators; the caller checked that the staff
        # member may change this person's duo.
        partner_sudo = self.partner_id.sudo()
        users = partner_sudo.with_context(active_test=False).user_ids
        Users = self.env["res.users"].sudo()
        user = users.filtered("active")[:1]
        if user:
            return user, ""
        portal, public = self.env.ref("base.group_portal"), self.env.ref("base.group_public")
        archived = users.filtered("share")[:1]
        if archived:
            archived.write({"active": True, "group_ids": [(4, portal.id), (3, public.id)]})
            partner_sudo.signup_prepare()
            return archived, ""
        if users:
            return Users, self.env._("their internal login is archived")
        email = email_normalize(partner_sudo.email)
        if not email:
            return Users, self.env._("no valid email address")
        if Users.with_context(active_test=False).search_count([("login", "=", email)], limit=1):
            return Users, self.env._("%s is already the login of another user", email)
        company = self.company_id or self.env.company
        user = Users.with_company(company).with_context(
            no_reset_password=True)._create_user_from_template({
                "email": email,
                "login": email,
                "partner_id": partner_sudo.id,
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                # Meeting times on the portal read in the programme's time zone.
                "tz": self.env.user.tz or BRUSSELS_TZ,
            })
        partner_sudo.signup_prepare()
        return user, ""

    def _duo_portal_card(self):
        """What the duo partner sees of this person: the name and the contact details the
        person chose to share."""
        self.ensure_one()
        return {
            "name": self.name,
            "email": self.portal_share_email and self.email,
            "phone": self.portal_share_phone and self.phone,
        }

    # ------------------------------------------------------------------ GDPR
    def _gdpr_anonymise(self):
        """The portal login given for the duo space goes with the person: deleted first, so
        that the erasure then treats the contact like any other. A contact that is also an
        internal user's, or that other DUO records still use, keeps its login (and the
        erasure leaves that contact, as the core does)."""
        for person in self.sudo().with_context(active_test=False):
            users = person._gdpr_contact().user_ids
            if (users and all(users.mapped("share"))
                    and set(person._gdpr_contact_in_use()) == {"user"}):
                users.unlink()
        return super()._gdpr_anonymise()

    def _gdpr_data_map(self):
        locations = super()._gdpr_data_map()
        pairs = self.pair_ids.sudo().with_context(active_test=False)
        side = "mentee" if self._name == "duo.mentee" else "mentor"
        return [
            *locations,
            # Topics and notes are in the core's map; what the portal adds is here.
            PersonalData("meetings logged on the portal", pairs.meeting_ids, [
                "logged_by", "mode", "rating", "concern", "concern_note",
            ], values={"rating": False, "concern_note": False}),
            # The person's own side of the agreement signed online; the day stays.
            PersonalData("agreement signed on the portal", pairs, [
                f"{side}_signature", f"{side}_signed_by", f"{side}_signed_on",
            ], values={f"{side}_signature": False, f"{side}_signed_by": False}),
        ]
