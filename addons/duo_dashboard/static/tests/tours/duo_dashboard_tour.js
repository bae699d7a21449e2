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
        {
            trigger: ".o_spreadsheet_dashboard_action",
            content: "No figure shows an error (#DIV/0!, #ERROR...), even without data",
            run: () => {
                const model = dashboardModel();
                const errors = [];
                for (const sheetId of model.getters.getSheetIds()) {
                    for (const cell of model.getters.getEvaluatedCells(sheetId)) {
                        if (cell.type === "error") {
                            errors.push(`${model.getters.getSheetName(sheetId)}: ${cell.value}`);
                        }
                    }
                }
                if (errors.length) {
                    throw new Error(`Dashboard cells in error: ${errors.join(", ")}`);
                }
            },
        },
    ],
});

/** The spreadsheet model of the open dashboard, found in the web client's component tree. */
function dashboardModel() {
    const stack = [odoo.__WOWL_DEBUG__.root.__owl__];
    while (stack.length) {
        const node = stack.pop();
        if (node.component?.constructor.name === "SpreadsheetComponent") {
            return node.component.props.model;
        }
        stack.push(...Object.values(node.children || {}));
    }
    throw new Error("No spreadsheet on the page");
}
