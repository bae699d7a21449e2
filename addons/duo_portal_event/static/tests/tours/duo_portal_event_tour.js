import { registry } from "@web/core/registry";

/**
 * A mentee on their phone, in English, French and Dutch: the programme activities open to
 * their duo are on the duo page; they register to the CV workshop and find the guide to
 * download. `tests/test_portal_event_tour.py` sets the activities up and checks the records.
 */
const HEADINGS = {
    en: "Programme activities",
    fr: "Activités du programme",
    nl: "Programma-activiteiten",
};

for (const [lang, heading] of Object.entries(HEADINGS)) {
    registry.category("web_tour.tours").add(`duo_portal_event_register_${lang}`, {
        url: "/my/duo",
        steps: () => [
            {
                content: "The activities speak the person's language",
                trigger: `.o_duo_activities h2:contains('${heading}')`,
            },
            {
                content: "The guide is there to download",
                trigger: ".o_duo_activity a.o_duo_activity_document:contains('guide.pdf')",
            },
            {
                content: "Register to the CV workshop",
                trigger: ".o_duo_activity:contains('CV workshop Brussels') button.o_duo_activity_register",
                run: "click",
                expectUnloadPage: true,
            },
            { content: "Registered", trigger: ".o_duo_done" },
            {
                content: "The workshop says so, without a button",
                trigger: ".o_duo_activity:contains('CV workshop Brussels') .o_duo_activity_registered",
            },
            {
                content: "The language session still offers to register",
                trigger: ".o_duo_activity:contains('Language session') button.o_duo_activity_register",
            },
        ],
    });
}
