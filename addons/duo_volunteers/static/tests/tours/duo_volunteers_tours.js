import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("duo_volunteers_portal_log_hours", {
    url: "/my/volunteering",
    steps: () => [
        {
            content: "The volunteer sees their mission",
            trigger: "tr.o_duo_mission_row:contains('Tour listening')",
        },
        {
            content: "Open the form to log hours",
            trigger: "a.o_duo_log_hours",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Enter the hours",
            trigger: "form.o_duo_hours_form input[name=hours]",
            run: "edit 2.5",
        },
        {
            content: "Describe the work",
            trigger: "form.o_duo_hours_form input[name=description]",
            run: "edit Tour CV workshop",
        },
        {
            content: "Send for approval",
            trigger: "button.o_duo_submit_hours",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on the volunteering page, with a confirmation",
            trigger: ".o_duo_hours_logged",
        },
        {
            content: "The hours are listed, waiting for approval",
            trigger: "tr.o_duo_hour_row:contains('Tour CV workshop'):contains('To approve')",
        },
    ],
});

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

registry.category("web_tour.tours").add("duo_volunteers_gift_campaign", {
    url: "/odoo/action-duo_volunteers.duo_campaign_action",
    steps: () => [
        {
            content: "Open the campaign",
            trigger: ".o_kanban_record:contains('Tour campaign')",
            run: "click",
        },
        {
            content: "Nothing raised yet",
            trigger: ".o_field_widget[name=raised_amount]:contains('0.00')",
        },
        {
            content: "Open its gifts",
            trigger: "button[name=action_view_gifts]",
            run: "click",
        },
        {
            content: "Record a new gift",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the donor",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Donor",
        },
        {
            trigger: ".o-autocomplete--dropdown-item > a:contains('Tour Donor')",
            run: "click",
        },
        {
            content: "Enter the amount",
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 250",
        },
        {
            content: "Mark the gift as received",
            trigger: ".o_form_view button[name=action_receive]",
            run: "click",
        },
        {
            content: "The gift is received",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Received')",
        },
        {
            content: "Back to the campaign",
            trigger: ".breadcrumb-item a:contains('Tour campaign')",
            run: "click",
        },
        {
            content: "The campaign's progress moved",
            trigger: ".o_field_widget[name=raised_amount]:contains('250.00')",
        },
        {
            trigger: ".o_field_widget[name=progress]:contains('25')",
        },
    ],
});
