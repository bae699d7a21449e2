from odoo import api, fields, models

WEEKDAYS = [
    ("0", "Monday"), ("1", "Tuesday"), ("2", "Wednesday"), ("3", "Thursday"),
    ("4", "Friday"), ("5", "Saturday"), ("6", "Sunday"),
]
DAY_PARTS = [("morning", "Morning"), ("afternoon", "Afternoon"), ("evening", "Evening")]


class DuoAvailabilitySlot(models.Model):
    """One weekly slot (weekday × part of day). People pick the slots they are free; matching
    reads them as a 21-bit mask (bit = weekday * 3 + part)."""

    _name = "duo.availability.slot"
    _description = "Weekly Availability Slot"
    _order = "bit"

    name = fields.Char(compute="_compute_name")
    weekday = fields.Selection(WEEKDAYS, required=True)
    day_part = fields.Selection(DAY_PARTS, required=True)
    bit = fields.Integer(compute="_compute_bit", store=True, index=True)

    _slot_uniq = models.Constraint("unique (weekday, day_part)", "This slot already exists.")

    @api.depends("weekday", "day_part")
    def _compute_bit(self):
        parts = [code for code, _label in DAY_PARTS]
        for slot in self:
            slot.bit = int(slot.weekday) * 3 + parts.index(slot.day_part)

    @api.depends("weekday", "day_part")
    def _compute_name(self):
        days = dict(self._fields["weekday"]._description_selection(self.env))
        parts = dict(self._fields["day_part"]._description_selection(self.env))
        for slot in self:
            slot.name = f"{days.get(slot.weekday, '')} {parts.get(slot.day_part, '')}".lower()

    @api.model
    def mask_of(self, slots):
        """The bitmask of a recordset of slots."""
        mask = 0
        for bit in slots.mapped("bit"):
            mask |= 1 << bit
        return mask
