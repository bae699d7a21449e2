import { registry } from "@web/core/registry";

/**
 * A visitor offers to volunteer from the website, in French and in Dutch. Fields are found
 * by name (labels are translated); `tests/test_website_volunteer.py` checks the record.
 */
const fill = (name, value) => ({
    trigger: `form.o_duo_application_form [name='${name}']`,
    content: `Fill ${name}`,
    run: `edit ${value}`,
});

for (const lang of ["fr", "nl"]) {
    registry.category("web_tour.tours").add(`duo_application_volunteer_tour_${lang}`, {
        url: `/${lang}/duo/apply/volunteer`,
        steps: () => [
            { trigger: "form#duo_application_volunteer", content: "The volunteer form is shown" },
            fill("name", `Marie Tour ${lang.toUpperCase()}`),
            fill("email", `marie.tour.${lang}@example.com`),
            fill("phone", lang === "fr" ? "0470 98 76 54" : "0470 45 67 89"),
            {
                trigger: "form.o_duo_application_form input[name='help_kind_ids']:first",
                content: "Offer the first kind of help",
                run: "click",
            },
            {
                trigger: "form.o_duo_application_form select[name='language_1']",
                content: "Speaks French",
                run: "selectByIndex 1",
            },
            {
                trigger: "form.o_duo_application_form select[name='language_2']",
                content: "and Dutch",
                run: "selectByIndex 2",
            },
            {
                trigger: "form.o_duo_application_form tbody tr:nth-child(2) td:nth-of-type(2) input",
                content: "Free on Tuesday afternoon",
                run: "click",
            },
            fill("motivation", "I love <b>languages</b>."),
            {
                trigger: "form.o_duo_application_form input[name='consent']",
                content: "Consent to the privacy notice",
                run: "click",
            },
            {
                trigger: "form.o_duo_application_form button[type='submit']",
                content: "Send",
                run: "click",
                expectUnloadPage: true,
            },
            { trigger: ".o_duo_application_thanks h1", content: "Thank-you page" },
        ],
    });
}
