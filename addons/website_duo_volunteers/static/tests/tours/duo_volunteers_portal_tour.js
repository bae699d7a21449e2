import { registry } from "@web/core/registry";

/**
 * A volunteer logs hours on the portal, in their own language: the hours wait for the
 * team's approval. The volunteer and their mission are prepared by
 * `tests/test_portal_volunteering.py`.
 */
// What each language shows (the add-ons' own translations) and how a volunteer writes two
// and a half hours in it: the tour runs in English, French and Dutch.
const LABELS = {
    en_US: { hours: "2.5", toApprove: "To approve" },
    fr_BE: { hours: "2,5", toApprove: "À approuver" },
    nl_BE: { hours: "2,5", toApprove: "Goed te keuren" },
};

const logHoursSteps = (t) => [
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
            run: `edit ${t.hours}`,
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
            trigger:
                "tr.o_duo_hour_row:contains('Tour CV workshop')" +
                `:contains("${t.toApprove}")`,
        },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_volunteers_portal_log_hours_${lang}`, {
        url: "/my/volunteering",
        steps: () => logHoursSteps(t),
    });
}
