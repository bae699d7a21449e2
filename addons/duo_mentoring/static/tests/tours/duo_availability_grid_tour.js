import { registry } from "@web/core/registry";

const grid = ".o_form_view .o_field_widget[name='slot_ids'] table.o_duo_availability_grid";

/**
 * A coordinator fills a mentee's week in the availability grid (7 days × 3 parts of the day),
 * ticking cells by their accessible names, and saves. The mentee is prepared, and the saved
 * slots checked, by `tests/test_duo_availability_grid.py`.
 */
// The day and the cells' names each language shows (the slots' selection labels, translated
// by the server): the tour runs in English, French and Dutch.
const LABELS = {
    en_US: {
        monday: "Monday", mondayMorning: "Monday morning", tuesdayEvening: "Tuesday evening",
        saturdayMorning: "Saturday morning", sundayEvening: "Sunday evening",
    },
    fr_BE: {
        monday: "Lundi", mondayMorning: "Lundi matin", tuesdayEvening: "Mardi soir",
        saturdayMorning: "Samedi matin", sundayEvening: "Dimanche soir",
    },
    nl_BE: {
        monday: "Maandag", mondayMorning: "Maandag voormiddag", tuesdayEvening: "Dinsdag avond",
        saturdayMorning: "Zaterdag voormiddag", sundayEvening: "Zondag avond",
    },
};

const gridSteps = (t) => [
        {
            trigger: `${grid} tbody:has(> tr:nth-child(7)):not(:has(> tr:nth-child(8)))`,
            content: "One row per day of the week",
        },
        {
            trigger:
                `${grid} thead tr:has(> th[scope='col']:nth-child(4))` +
                ":not(:has(> :nth-child(5)))",
            content: "One column per part of the day, after the days' column",
        },
        {
            trigger: grid,
            content: "Every day has a checkbox per part of the day",
            run() {
                const rows = this.anchor.querySelectorAll(":scope > tbody > tr");
                const checkboxes = [...rows].map(
                    (row) => row.querySelectorAll(":scope > td input[type='checkbox']").length
                );
                if (checkboxes.length !== 7 || checkboxes.some((count) => count !== 3)) {
                    throw new Error(`Expected 7 days of 3 checkboxes, got [${checkboxes}]`);
                }
            },
        },
        {
            trigger: `${grid} tr[data-weekday='0'] th:contains("${t.monday}")`,
            content: "The rows start on Monday",
        },
        {
            trigger: `${grid} input[aria-label="${t.mondayMorning}"]:checked`,
            content: "The slots she already gave are ticked",
        },
        {
            trigger: `${grid} input[aria-label="${t.tuesdayEvening}"]:not(:checked)`,
            content: "Tick Tuesday evening",
            run: "click",
        },
        {
            trigger: `${grid} input[aria-label="${t.saturdayMorning}"]:not(:checked)`,
            content: "Tick Saturday morning",
            run: "click",
        },
        {
            trigger: `${grid} input[aria-label="${t.sundayEvening}"]:not(:checked)`,
            content: "Tick Sunday evening",
            run: "click",
        },
        {
            trigger: `${grid} input[aria-label="${t.sundayEvening}"]:checked`,
            content: "She is not free on Sunday evening after all: untick it",
            run: "click",
        },
        {
            trigger: `${grid} input[aria-label="${t.mondayMorning}"]:checked`,
            content: "Nor on Monday morning any more",
            run: "click",
        },
        {
            trigger: `${grid} input[aria-label="${t.mondayMorning}"]:not(:checked)`,
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the mentee",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            trigger: `${grid} input[aria-label="${t.tuesdayEvening}"]:checked`,
            content: "The saved grid shows the new week",
        },
        {
            trigger: `${grid} input[aria-label="${t.saturdayMorning}"]:checked`,
        },
        {
            trigger: `${grid} input[aria-label="${t.sundayEvening}"]:not(:checked)`,
        },
        {
            trigger: `${grid} input[aria-label="${t.mondayMorning}"]:not(:checked)`,
        },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_availability_grid_tour_${lang}`, {
        steps: () => gridSteps(t),
    });
}
