import { registry } from "@web/core/registry";

/**
 * A visitor applies as a mentee, then as a mentor, in French and in Dutch, from the website.
 * Fields are found by name (the labels are translated). `tests/test_website_forms.py`
 * checks the records the forms created.
 */
const fill = (name, value) => ({
    trigger: `form.o_duo_application_form [name='${name}']`,
    content: `Fill ${name}`,
    run: `edit ${value}`,
});

const pdfUpload = {
    trigger: "form.o_duo_application_form input[name='cv']",
    content: "Attach a CV",
    run() {
        const transfer = new DataTransfer();
        // A well-formed one-page PDF (with its cross-reference table): the form parses CVs.
        const pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R  >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000059 00000 n \n0000000116 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n187\n%%EOF\n";
        transfer.items.add(new File([pdf], "cv-tour.pdf", { type: "application/pdf" }));
        this.anchor.files = transfer.files;
    },
};

const profileSteps = (job) => [
    {
        trigger: "form.o_duo_application_form input[name='birthdate']",
        content: "Birth date",
        run() {
            this.anchor.value = job.birthdate;
            this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
        },
    },
    {
        trigger: "form.o_duo_application_form select[name='commune_id']",
        content: "Choose the first commune (1000)",
        run: "selectByIndex 1",
    },
    {
        trigger: "form.o_duo_application_form input[name='sector_ids']:first",
        content: "Choose a sector",
        run: "click",
    },
    {
        trigger: "form.o_duo_application_form select[name='language_1']",
        content: "First language: French",
        run: "selectByIndex 1",
    },
    {
        trigger: "form.o_duo_application_form select[name='level_1']",
        content: "Level",
        run: "select c1",
    },
    {
        trigger: "form.o_duo_application_form tbody tr:nth-child(1) td:nth-of-type(1) input",
        content: "Free on Monday morning",
        run: "click",
    },
    {
        trigger: "form.o_duo_application_form tbody tr:nth-child(3) td:nth-of-type(3) input",
        content: "Free on Wednesday evening",
        run: "click",
    },
    pdfUpload,
];

const submitSteps = [
    {
        trigger: "form.o_duo_application_form input[name='consent']",
        content: "Consent to the privacy notice",
        run: "click",
    },
    {
        trigger: "form.o_duo_application_form button[type='submit']",
        content: "Send the application",
        run: "click",
        expectUnloadPage: true,
    },
    {
        trigger: ".o_duo_application_thanks h1",
        content: "The thank-you page shows the next steps",
    },
    {
        trigger: ".o_duo_application_thanks .o_duo_application_sessions",
    },
];

for (const lang of ["fr", "nl"]) {
    registry.category("web_tour.tours").add(`duo_application_mentee_tour_${lang}`, {
        url: `/${lang}/duo/apply/mentee`,
        steps: () => [
            { trigger: "form#duo_application_mentee", content: "The mentee form is shown" },
            fill("name", `Amina Tour ${lang.toUpperCase()}`),
            fill("email", `amina.tour.${lang}@example.com`),
            fill("phone", lang === "fr" ? "0470 12 34 56" : "0470 65 43 21"),
            fill("job_goal", "Accountant"),
            ...profileSteps({ birthdate: "2000-05-04" }),
            ...submitSteps,
        ],
    });
    registry.category("web_tour.tours").add(`duo_application_mentor_tour_${lang}`, {
        url: `/${lang}/duo/apply/mentor`,
        steps: () => [
            { trigger: "form#duo_application_mentor", content: "The mentor form is shown" },
            fill("name", `Marc Tour ${lang.toUpperCase()}`),
            fill("email", `marc.tour.${lang}@example.com`),
            fill("phone", lang === "fr" ? "+32 2 511 12 34" : "+32 2 765 43 21"),
            fill("job_title", "Chief accountant"),
            fill("experience_years", "35"),
            fill("career_summary", "Thirty-five years in audit and accounting."),
            fill("motivation", "Passing on what I learnt."),
            {
                trigger: "form.o_duo_application_form select[name='capacity']",
                content: "Two young people at a time",
                run: "select 2",
            },
            ...profileSteps({ birthdate: "1960-02-03" }),
            ...submitSteps,
        ],
    });
}
