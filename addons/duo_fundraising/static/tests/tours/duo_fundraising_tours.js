import { registry } from "@web/core/registry";

/**
 * A staff member records a gift on a campaign and sees the campaign's progress move.
 * The campaign and the donor are prepared by `tests/test_duo_fundraising_tours.py`.
 */
// What each language shows (the add-on's own translations and the language's number
// format): the tour runs in English, French and Dutch.
const LABELS = {
    en_US: { received: "Received", zero: "0.00", raised: "250.00" },
    fr_BE: { received: "Reçu", zero: "0,00", raised: "250,00" },
    nl_BE: { received: "Ontvangen", zero: "0,00", raised: "250,00" },
};

const giftSteps = (t) => [
        {
            content: "Open the campaign",
            trigger: ".o_kanban_record:contains('Tour campaign')",
            run: "click",
        },
        {
            content: "Nothing raised yet",
            trigger: `.o_field_widget[name=raised_amount]:contains("${t.zero}")`,
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
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.received}")`,
        },
        {
            content: "Back to the campaign",
            trigger: ".breadcrumb-item a:contains('Tour campaign')",
            run: "click",
        },
        {
            content: "The campaign's progress moved",
            trigger: `.o_field_widget[name=raised_amount]:contains("${t.raised}")`,
        },
        {
            trigger: ".o_field_widget[name=progress]:contains('25')",
        },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_fundraising_gift_campaign_${lang}`, {
        url: "/odoo/action-duo_fundraising.duo_campaign_action",
        steps: () => giftSteps(t),
    });
}

/**
 * Year-end: a fundraiser opens the income year, sees the donor without a national number,
 * prepares the receipts and issues one. Prepared by `tests/test_duo_fundraising_tours.py`.
 */
const YEAR_END_LABELS = {
    en_US: { issued: "Issued" },
    fr_BE: { issued: "Émis" },
    nl_BE: { issued: "Uitgereikt" },
};

const yearEndSteps = (t) => [
    {
        content: "Open the income year",
        trigger: ".o_data_row td[name=year]:contains('2029')",
        run: "click",
    },
    {
        content: "One donor over 40 euros has no national number",
        trigger: "button[name=action_view_missing_nn] .o_stat_value:contains('1')",
    },
    {
        content: "Prepare the receipts",
        trigger: "button[name=action_prepare_receipts]",
        run: "click",
    },
    {
        content: "Open the draft of the donor who gave their number",
        trigger: ".o_data_row td[name=partner_id]:contains('Tour Complete Donor')",
        run: "click",
    },
    {
        content: "Issue it",
        trigger: ".o_form_view button[name=action_issue]",
        run: "click",
    },
    {
        content: "The receipt is issued, with its number",
        trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.issued}")`,
    },
    {
        trigger: ".o_field_widget[name=number]:contains('1')",
    },
];

for (const [lang, t] of Object.entries(YEAR_END_LABELS)) {
    registry.category("web_tour.tours").add(`duo_fundraising_year_end_${lang}`, {
        url: "/odoo/action-duo_fundraising.duo_fiscal_year_action",
        steps: () => yearEndSteps(t),
    });
}
