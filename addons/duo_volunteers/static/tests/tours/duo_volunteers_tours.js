import { registry } from "@web/core/registry";

/**
 * A volunteer coordinator approves the hours a volunteer logged on the portal. The hours
 * are prepared by `tests/test_duo_volunteers_tours.py`.
 */
// What each language shows (the add-on's own translations): the tour runs in English,
// French and Dutch.
const LABELS = {
    en_US: { approved: "Approved" },
    fr_BE: { approved: "Approuvé" },
    nl_BE: { approved: "Goedgekeurd" },
};

const approveSteps = (t) => [
        {
            content: "Open the hours logged on the portal",
            trigger: ".o_data_row:contains('Tour CV workshop') td[name=volunteer_id]",
            run: "click",
        },
        {
            content: "Approve them",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            content: "They are approved",
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.approved}")`,
        },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_volunteers_approve_hours_${lang}`, {
        url: "/odoo/action-duo_volunteers.duo_volunteer_hour_action_to_approve",
        steps: () => approveSteps(t),
    });
}
