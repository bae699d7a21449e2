import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * The weekly matching session through the UI: open this week's session, run the engine,
 * read its two proposals and accept them. The records come from
 * `tests/test_duo_matching_tour.py`.
 */
// What each language shows (the add-on's own translations): the tour runs in English,
// French and Dutch.
const LABELS = {
    en_US: { draft: "Draft", proposed: "Proposed", decided: "Decided", slots: "Shared slots:" },
    fr_BE: { draft: "Brouillon", proposed: "Proposé", decided: "Décidée",
             slots: "Créneaux partagés :" },
    nl_BE: { draft: "Concept", proposed: "Voorgesteld", decided: "Beslist",
             slots: "Gedeelde tijdslots:" },
};

const matchingSteps = (t) => [
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
        {
            trigger: '.dropdown-item[data-menu-xmlid="duo_matching.duo_matching_session_menu"]',
            content: "Open the matching sessions",
            run: "click",
        },
        {
            trigger: ".o_data_row td.o_data_cell[name='name']:contains('TOURM')",
            content: "Open this week's session of the centre",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.draft}")`,
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
            trigger: ".o_field_widget[name='proposal_ids'] .o_data_row:nth-child(2):contains('Tour Mentor')",
            content: "Two duos are proposed, with their explanation",
        },
        {
            trigger: ".o_field_widget[name='proposal_ids'] .o_data_row:first .o_duo_score_parts .o_duo_score_part[data-criterion]",
            content: "Each score shows its parts per criterion",
        },
        {
            trigger: ".o_field_widget[name='proposal_ids'] .o_data_row:first button[name='action_open_explanation']",
            content: "Why this duo? The whole explanation opens in a dialog",
            run: "click",
        },
        {
            trigger: `.modal .o_field_widget[name='explanation']:contains("${t.slots}")`,
        },
        {
            trigger: ".modal .modal-footer button.btn-secondary",
            content: "Back to the proposals",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_form_view button[name='action_accept']",
            content: "Accept the proposals",
            run: "click",
        },
        {
            trigger: ".modal-footer button.btn-primary",
            content: "Confirm: create the duos and email both people",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.decided}")`,
        },
        {
            trigger: ".o_form_view button[name='action_view_pairs']:contains('2')",
        },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_matching_session_tour_${lang}`, {
        url: "/odoo",
        steps: () => matchingSteps(t),
    });
}
