from odoo import fields, models
from odoo.exceptions import AccessError


class DuoCentreMixin(models.AbstractModel):
    """The centre a record belongs to, its company, and the coordinator in charge: what the
    per-centre and per-company record rules read, defined once for people and duos."""

    _name = "duo.centre.mixin"
    _description = "DUO Centre and Coordinator"

    centre_id = fields.Many2one(
        "duo.centre", required=True, index=True, tracking=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    company_id = fields.Many2one(related="centre_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Coordinator", tracking=True, default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )

    def _check_no_computed_write(self, vals):
        """Stored computed fields without an inverse (a duo's `is_open`, a mentor's open-duo
        count...) carry database guarantees: only the ORM's own computation sets them, never a
        client's write."""
        if self.env.su:
            return
        computed = [name for name in vals
                    if (field := self._fields.get(name)) and field.compute and field.store
                    and not field.inverse and field.readonly]
        if computed:
            raise AccessError(self.env._(
                "%(fields)s cannot be written: DUO computes them.",
                fields=", ".join(self._fields[name].get_description(self.env)["string"]
                                 for name in computed),
            ))

    def _check_rules_still_hold(self, vals):
        """Record rules are checked on the record as it was; a write that moves it out of
        the user's reach (to another centre or company) is refused as well."""
        if not self.env.su and {"centre_id", "company_id"} & set(vals):
            self.check_access("write")
