import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("duo_volunteers_approve_hours", {
    url: "/odoo/action-duo_volunteers.duo_volunteer_hour_action_to_approve",
    steps: () => [
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
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Approved')",
        },
    ],
});
