import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * The weekly matching session through the UI: open this week's session, run the engine,
 * read its two proposals and accept them. The records come from
 * `tests/test_duo_matching_tour.py`.
 */
registry.category("web_tour.tours").add("duo_matching_session_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="duo_mentoring.duo_root_menu"]',
            content: "Open the DUO app",
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="duo_matching.duo_matching_session_menu"]',
            content: "Open the matching sessions",
            run: "click",
        },
        {
            trigger: ".o_data_row td.o_data_cell[name='name']:contains('TOURM')",
            content: "Open this week's session of the centre",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Draft')",
        },
        {
            trigger: ".o_form_view button[name='action_run']",
            content: "Run the engine",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Proposed')",
        },
        {
            trigger: ".o_field_widget[name='proposal_ids'] .o_data_row:nth-child(2):contains('Tour Mentor')",
            content: "Two duos are proposed, with their explanation",
        },
        {
            trigger: ".o_field_widget[name='proposal_ids'] .o_data_row:contains('Shared slots')",
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
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Decided')",
        },
        {
            trigger: ".o_form_view button[name='action_view_pairs']:contains('2')",
        },
    ],
});
