from odoo import api, fields, models
from odoo.exceptions import ValidationError

LANGUAGE_LEVELS = [
    ("a1", "A1 Beginner"),
    ("a2", "A2 Elementary"),
    ("b1", "B1 Intermediate"),
    ("b2", "B2 Upper intermediate"),
    ("c1", "C1 Advanced"),
    ("c2", "C2 Proficient"),
    ("native", "Native"),
]
LEVEL_RANK = {code: rank for rank, (code, _label) in enumerate(LANGUAGE_LEVELS, start=1)}


class DuoLanguageSkill(models.Model):
    """A language a mentee or a mentor speaks, at a CEFR level."""

    _name = "duo.language.skill"
    _description = "Language Skill"
    _order = "level_rank desc, id"

    language_id = fields.Many2one("duo.language", required=True, ondelete="restrict")
    level = fields.Selection(LANGUAGE_LEVELS, required=True, default="b1")
    level_rank = fields.Integer(compute="_compute_level_rank", store=True)
    mentee_id = fields.Many2one("duo.mentee", index=True, ondelete="cascade")
    mentor_id = fields.Many2one("duo.mentor", index=True, ondelete="cascade")

    _mentee_language_uniq = models.UniqueIndex(
        "(mentee_id, language_id) WHERE mentee_id IS NOT NULL",
        "This language is already listed for this mentee.",
    )
    _mentor_language_uniq = models.UniqueIndex(
        "(mentor_id, language_id) WHERE mentor_id IS NOT NULL",
        "This language is already listed for this mentor.",
    )
    _one_owner = models.Constraint(
        "CHECK ((mentee_id IS NULL) != (mentor_id IS NULL))",
        "A language skill belongs to exactly one mentee or mentor.",
    )

    @api.depends("level")
    def _compute_level_rank(self):
        for skill in self:
            skill.level_rank = LEVEL_RANK.get(skill.level, 0)

    @api.constrains("language_id", "level")
    def _check_language(self):
        for skill in self:
            if not skill.language_id.active:
                raise ValidationError(
                    self.env._("The language %s is archived.", skill.language_id.name)
                )

    def _compute_display_name(self):
        levels = dict(self._fields["level"]._description_selection(self.env))
        for skill in self:
            skill.display_name = f"{skill.language_id.name} ({levels.get(skill.level, '')})"
