import { registry } from "@web/core/registry";

/**
 * DUO > Reporting > Dashboard: the programme dashboard opens, draws its scorecards and
 * charts (their data read from the DUO reports) and its period, centre and cohort filters.
 * Any failed read logs an error in the console, which fails the tour.
 */
registry.category("web_tour.tours").add("duo_dashboard_tour", {
    steps: () => [
        {
            trigger: ".o_spreadsheet_dashboard_action .o-figure",
            content: "The dashboard draws its figures",
        },
        {
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            content: "The charts are drawn",
        },
        {
            trigger: ".o_spreadsheet_dashboard_action",
            content: "Let the data sources answer",
            run: () => new Promise((resolve) => setTimeout(resolve, 1500)),
        },
    ],
});
