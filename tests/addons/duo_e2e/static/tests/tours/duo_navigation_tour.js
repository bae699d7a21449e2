import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * A DUO manager opens the DUO app and reaches the matching sessions and the centres.
 * Run by `tests/test_navigation.py`.
 */
// What each language shows (the add-ons' own translations: the matching sessions' action,
// the seeded Brussels centre): the tour runs in English, French and Dutch.
const LABELS = {
    en_US: { matchingSessions: "Matching Sessions", brussels: "Brussels" },
    fr_BE: { matchingSessions: "Sessions de matching", brussels: "Bruxelles" },
    nl_BE: { matchingSessions: "Matchingsessies", brussels: "Brussel" },
};

const navigationSteps = (t) => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the DUO app",
            trigger: '.o_app[data-menu-xmlid="duo_mentoring.duo_root_menu"]',
            run: "click",
        },
        {
            trigger: '.o_main_navbar button[data-menu-xmlid="duo_mentoring.duo_pair_root_menu"]',
            content: "Open the Duos menu",
            run: "click",
        },
        {
            content: "Open the matching sessions",
            trigger: '.dropdown-item[data-menu-xmlid="duo_matching.duo_matching_session_menu"]',
            run: "click",
        },
        {
            content: "The matching sessions list is shown",
            trigger: `.o_breadcrumb:contains("${t.matchingSessions}")`,
        },
        {
            content: "Open the configuration menu",
            trigger: '.o_main_navbar button[data-menu-xmlid="duo_mentoring.duo_config_menu"]',
            run: "click",
        },
        {
            content: "Open the centres",
            trigger: '.dropdown-item[data-menu-xmlid="duo_mentoring.duo_centre_menu"]',
            run: "click",
        },
        {
            // The whole cell: Dutch "Brussel" is also part of the English "Brussels".
            content: "The seeded Brussels centre is listed",
            trigger: `.o_list_view .o_data_cell:text("${t.brussels}")`,
        },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_e2e_navigation_tour_${lang}`, {
        url: "/odoo",
        steps: () => navigationSteps(t),
    });
}
