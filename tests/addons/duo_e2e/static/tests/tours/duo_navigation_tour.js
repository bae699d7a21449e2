import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("duo_e2e_navigation_tour", {
    url: "/odoo",
    steps: () => [
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
            trigger: ".o_breadcrumb:contains('Matching Sessions')",
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
            content: "The seeded Brussels centre is listed",
            trigger: ".o_list_view .o_data_cell:contains('Brussels')",
        },
    ],
});
