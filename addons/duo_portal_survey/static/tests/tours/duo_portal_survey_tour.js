import { registry } from "@web/core/registry";

/**
 * A mentee on their phone, in English, French and Dutch: the relationship pulse waits on
 * their duo page; the button opens the questionnaire. `tests/test_portal_survey_tour.py`
 * sends it and checks the records.
 */
const HEADINGS = {
    en: "Questionnaires waiting for you",
    fr: "Questionnaires qui vous attendent",
    nl: "Vragenlijsten die op je wachten",
};

for (const [lang, heading] of Object.entries(HEADINGS)) {
    registry.category("web_tour.tours").add(`duo_portal_survey_answer_${lang}`, {
        url: "/my/duo",
        steps: () => [
            {
                content: "The questionnaires speak the person's language",
                trigger: `.o_duo_evaluations h2:contains('${heading}')`,
            },
            {
                content: "Open the questionnaire",
                trigger: ".o_duo_evaluation a.o_duo_evaluation_answer",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "The questionnaire opens, ready to start",
                trigger: ".o_survey_form",
            },
        ],
    });
}
