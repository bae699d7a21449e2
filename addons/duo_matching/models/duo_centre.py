from odoo import fields, models

from odoo.addons.duo_mentoring.models.duo_language_skill import LANGUAGE_LEVELS, LEVEL_RANK

from ..matching_engine import CRITERIA, DEFAULT_WEIGHTS, MatchingConfig


def _weight_field(criterion, string, help_text):
    return fields.Float(
        string=string, default=round(DEFAULT_WEIGHTS[criterion] * 100, 2), digits=(5, 1),
        help=help_text, tracking=True,
    )


class DuoCentre(models.Model):
    """Matching settings per centre: how much each criterion weighs and the lowest score the
    matching team wants to see proposed. Every change of weights is logged on the centre
    (by hand, or from a learned suggestion the matching team accepted)."""

    _name = "duo.centre"
    _inherit = ["duo.centre", "mail.thread"]

    matching_weight_sector = _weight_field(
        "sector", "Sector weight", "Same division scores fully, same section half."
    )
    matching_weight_languages = _weight_field(
        "languages", "Languages weight", "Languages both speak, the better the higher."
    )
    matching_weight_availability = _weight_field(
        "availability", "Availability weight", "Weekly slots both are free (3 or more is full)."
    )
    matching_weight_personality = _weight_field(
        "personality", "Personality weight", "Personality tags in common."
    )
    matching_weight_interests = _weight_field(
        "interests", "Interests weight", "Interest tags in common."
    )
    matching_weight_distance = _weight_field(
        "distance", "Distance weight", "Closer homes score higher (half the score at 5 km)."
    )
    matching_weight_preferences = _weight_field(
        "preferences", "Preferences weight", "Stated preferences about the partner that are met."
    )
    matching_weight_suggestion_id = fields.Many2one(
        "duo.matching.weight.suggestion", string="Weights learned in", readonly=True,
        copy=False, tracking=True, index="btree_not_null",
        help="The learned suggestion the matching team accepted for the current weights; "
             "empty when they were set by hand.",
    )
    matching_min_score = fields.Float(
        string="Minimum matching score", default=0.3, digits=(3, 2),
        help="No duo scoring below this (0 to 1) is proposed.",
    )
    matching_workable_level = fields.Selection(
        LANGUAGE_LEVELS, string="Workable language level", default="b1", required=True,
        help="A language counts for a duo when both speak it at this level or better.",
    )

    _matching_weights_positive = models.Constraint(
        "CHECK (matching_weight_sector >= 0 AND matching_weight_languages >= 0 "
        "AND matching_weight_availability >= 0 AND matching_weight_personality >= 0 "
        "AND matching_weight_interests >= 0 AND matching_weight_distance >= 0 "
        "AND matching_weight_preferences >= 0 AND matching_weight_sector "
        "+ matching_weight_languages + matching_weight_availability "
        "+ matching_weight_personality + matching_weight_interests "
        "+ matching_weight_distance + matching_weight_preferences > 0)",
        "Matching weights cannot be negative and at least one must be positive.",
    )
    _matching_min_score_range = models.Constraint(
        "CHECK (matching_min_score >= 0 AND matching_min_score <= 1)",
        "The minimum matching score is between 0 and 1.",
    )

    def write(self, vals):
        result = super().write(vals)
        if {f"matching_weight_{name}" for name in CRITERIA} & set(vals):
            # Weights set by hand are no longer those of the suggestion they came from.
            self.filtered(
                lambda centre: centre.matching_weight_suggestion_id
                and not centre.matching_weight_suggestion_id._matches(centre)
            ).write({"matching_weight_suggestion_id": False})
        return result

    def _matching_weights(self):
        """``{criterion: weight}`` of this centre, on its own scale (percentages by default)."""
        self.ensure_one()
        return {name: self[f"matching_weight_{name}"] for name in CRITERIA}

    def _matching_config(self):
        """The engine configuration of this centre."""
        self.ensure_one()
        return MatchingConfig(
            weights=self._matching_weights(),
            workable_level=LEVEL_RANK.get(self.matching_workable_level, 3),
            min_score=self.matching_min_score,
            allow_cross_centre=self.allow_cross_centre_matching,
        )
