import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("duo_fundraising_gift_campaign", {
    url: "/odoo/action-duo_fundraising.duo_campaign_action",
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
