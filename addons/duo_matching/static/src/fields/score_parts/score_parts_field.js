import { Component } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * A proposal's score as its per-criterion parts: one segment per criterion in a small bar
 * (its width the criterion's points out of the maximal score of 1), each named in a tooltip
 * and, for screen readers, in a visually hidden list. Reads a Json field holding
 * `[{code, label, points}]`, labels already translated by the server.
 */
export class ScorePartsField extends Component {
    static template = "duo_matching.ScorePartsField";
    static props = { ...standardFieldProps };

    get parts() {
        return (this.props.record.data[this.props.name] || []).filter((part) => part.points > 0);
    }

    segmentStyle(part) {
        return `width: ${Math.min(100, Math.max(0, part.points * 100)).toFixed(1)}%;`;
    }

    title(part) {
        return `${part.label} ${part.points.toFixed(2)}`;
    }
}

export const scorePartsField = {
    component: ScorePartsField,
    displayName: _t("Score parts"),
    supportedTypes: ["json"],
};

registry.category("fields").add("duo_score_parts", scorePartsField);
