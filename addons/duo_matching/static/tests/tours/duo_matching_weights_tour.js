import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * Weights learned from outcomes through the UI: learn them for a centre, read the
 * suggestion (weights, quality, last sessions), accept it, then run this week's session and
 * see it use them. The records come from `tests/test_duo_matching_weights_tour.py`.
 */
// What each language shows (the add-on's own translations).
const LABELS = {
    en_US: { toDecide: "To decide", accepted: "Accepted", proposed: "Proposed" },
    fr_BE: { toDecide: "À décider", accepted: "Accepté", proposed: "Proposé" },
    nl_BE: { toDecide: "Te beslissen", accepted: "Aanvaard", proposed: "Voorgesteld" },
};

const openDuosMenu = () => [
    stepUtils.showAppsMenuItem(),
    {
        trigger: '.o_app[data-menu-xmlid="duo_mentoring.duo_root_menu"]',
        content: "Open the DUO app",
        run: "click",
    },
    {
        trigger: '.o_main_navbar button[data-menu-xmlid="duo_mentoring.duo_pair_root_menu"]',
        content: "Open the Duos menu",
        run: "click",
    },
];

const weightsSteps = (t) => [
    ...openDuosMenu(),
    {
        trigger: '.dropdown-item[data-menu-xmlid="duo_matching.duo_matching_weight_suggestion_menu"]',
        content: "Open the learned weights",
        run: "click",
    },
    {
        trigger: ".o_list_button_add",
        content: "Learn new weights",
        run: "click",
    },
    {
        trigger: ".o_field_widget[name='centre_id'] input",
        content: "For the centre",
        run: "edit Tour learning",
    },
    {
        trigger: ".o-autocomplete--dropdown-item:contains('Tour learning centre')",
        run: "click",
    },
    {
        trigger: ".o_form_view .o_statusbar_buttons button[name='action_learn']:visible",
        content: "Learn from the centre's closed duos",
        run: "click",
    },
    {
        trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.toDecide}")`,
    },
    {
        trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(7) .o_progressbar",
        content: "Current and suggested weights, criterion by criterion, as bars",
    },
    {
        trigger: ".o_field_widget[name='duo_count']:contains('27')",
        content: "The duos the suggestion rests on",
    },
    {
        trigger: ".o_field_widget[name='auc_suggested_text']:contains('95')",
        content: "Its cross-validated quality, with an interval",
    },
    {
        trigger: ".o_notebook .nav-link[name='replays']",
        content: "What it would have changed in the last sessions",
        run: "click",
    },
    {
        trigger: ".o_field_widget[name='replay_ids'] .o_data_row:contains('TOURL last week')",
    },
    {
        trigger: ".o_form_view .o_statusbar_buttons button[name='action_accept']",
        content: "Accept the suggested weights",
        run: "click",
    },
    {
        trigger: ".modal-footer button.btn-primary",
        content: "Confirm: the centre's weights change",
        run: "click",
    },
    {
        trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.accepted}")`,
    },
    {
        trigger: ".o_form_view .o_statusbar_buttons button[name='action_revert']",
        content: "An accepted suggestion can be reverted",
    },
    ...openDuosMenu(),
    {
        trigger: '.dropdown-item[data-menu-xmlid="duo_matching.duo_matching_session_menu"]',
        content: "Open the matching sessions",
        run: "click",
    },
    {
        trigger: ".o_data_row td.o_data_cell[name='name']:contains('TOURL this week')",
        content: "Open this week's session of the centre",
        run: "click",
    },
    {
        trigger: ".o_form_view button[name='action_run']",
        content: "Run the engine",
        run: "click",
    },
    {
        trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.proposed}")`,
    },
    {
        trigger: ".o_field_widget[name='weight_suggestion_id']:contains('TOURL')",
        content: "The session ran with the weights just accepted",
    },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_matching_weights_tour_${lang}`, {
        url: "/odoo",
        steps: () => weightsSteps(t),
    });
}
