import { registry } from "@web/core/registry";

/**
 * A mentee and a mentor on their phone, in French and in Dutch: each says yes after the first
 * meeting, reads the agreement and signs it by drawing in the portal's signature widget, logs
 * meetings, the mentee updates a goal and tells the coordinator they are
 * unsure; the coordinator sees it in the back office. Steps find elements by class; the
 * headings checked prove the page speaks the person's language.
 * `tests/test_portal_tour.py` sets the duo up and checks the records.
 */
const TEXTS = {
    fr: {
        nextStep: "Prochaine étape",
        byPartner: "Encodée par votre partenaire de duo",
        agreement: "La convention et le code de conduite",
    },
    nl: {
        nextStep: "Volgende stap",
        byPartner: "Genoteerd door je duopartner",
        agreement: "De overeenkomst en de gedragscode",
    },
};

for (const lang of ["fr", "nl"]) {
    const text = TEXTS[lang];

    registry.category("web_tour.tours").add(`duo_portal_answer_${lang}`, {
        url: "/my/duo",
        steps: () => [
            {
                content: "The duo page speaks the person's language",
                trigger: `.o_duo_next_step h2:contains('${text.nextStep}')`,
            },
            {
                content: "Yes, continue with this duo",
                trigger: "button.o_duo_answer_yes",
                run: "click",
                expectUnloadPage: true,
            },
            { content: "The answer is recorded", trigger: ".o_duo_done" },
            {
                content: "No answer buttons any more",
                trigger: ".o_duo_next_step:not(:has(.o_duo_answer_yes))",
            },
        ],
    });

    registry.category("web_tour.tours").add(`duo_portal_sign_${lang}`, {
        url: "/my/duo",
        steps: () => [
            {
                content: "The agreement to read, in the person's language",
                trigger: `.o_duo_agreement h2:contains('${text.agreement}')`,
            },
            {
                content: "The agreement and the code of conduct are on the page",
                trigger: ".o_duo_agreement iframe.o_duo_agreement_text",
            },
            {
                content: "The name is filled in",
                trigger: ".o_duo_sign .o_web_sign_name_input:value(Tour)",
            },
            {
                content: "Nothing drawn yet: the button waits",
                trigger: ".o_duo_sign .o_portal_sign_submit:disabled",
            },
            {
                content: "Draw the signature with the finger",
                trigger: ".o_duo_sign canvas.o_web_sign_signature",
                async run(helpers) {
                    await helpers.drag_and_drop(".o_duo_sign canvas.o_web_sign_signature", {
                        position: { top: 60, left: 180 },
                        relative: true,
                    });
                },
            },
            {
                content: "Something is drawn",
                trigger: ".o_duo_sign canvas.o_web_sign_signature",
                run: "canvasNotEmpty",
            },
            {
                content: "Sign",
                trigger: ".o_duo_sign .o_portal_sign_submit:enabled",
                run: "click",
                expectUnloadPage: true,
            },
            { content: "The signature is recorded", trigger: ".o_duo_done" },
            {
                content: "No signature form any more",
                trigger: ".o_duo_agreement:not(:has(.o_duo_sign))",
            },
        ],
    });

    registry.category("web_tour.tours").add(`duo_portal_meeting_${lang}`, {
        url: "/my/duo",
        steps: () => [
            {
                content: "Open the meeting form",
                trigger: "a.o_duo_log_meeting",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "An hour and a half",
                trigger: "form.o_duo_meeting_form select[name=duration]",
                run: "select 1.5",
            },
            {
                content: "By video",
                trigger: "form.o_duo_meeting_form label.o_duo_mode_video",
                run: "click",
            },
            {
                content: "What we worked on",
                trigger: "form.o_duo_meeting_form input[name=topics]",
                run: `edit Tour CV ${lang}`,
            },
            {
                content: "It went well",
                trigger: "form.o_duo_meeting_form label.o_duo_rating_3",
                run: "click",
            },
            {
                content: "A note for the partner",
                trigger: "form.o_duo_meeting_form textarea[name=notes]",
                run: "edit Next time: cover letter",
            },
            {
                content: "Save",
                trigger: "button.o_duo_submit_meeting",
                run: "click",
                expectUnloadPage: true,
            },
            { content: "Saved", trigger: ".o_duo_done" },
            {
                content: "The meeting is listed",
                trigger: `.o_duo_meeting:contains('Tour CV ${lang}')`,
            },
        ],
    });

    registry.category("web_tour.tours").add(`duo_portal_plan_${lang}`, {
        url: "/my/duo",
        steps: () => [
            {
                content: "The partner's meeting is there",
                trigger: `.o_duo_meeting:contains('${text.byPartner}')`,
            },
            {
                content: "Start working on the first goal",
                trigger: ".o_duo_goal:first button.o_duo_goal_start",
                run: "click",
                expectUnloadPage: true,
            },
            { content: "Plan updated", trigger: ".o_duo_done" },
            {
                content: "The first goal is reached",
                trigger: ".o_duo_goal:first button.o_duo_goal_done",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Reached goals lose their buttons",
                trigger: ".o_duo_goal:first:not(:has(button))",
            },
            {
                content: "I am unsure about this duo",
                trigger: "a.o_duo_unsure_button",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Say why",
                trigger: "form.o_duo_concern_form textarea[name=reason]",
                run: "edit We do not find time to meet",
            },
            {
                content: "Alert the coordinator",
                trigger: "button.o_duo_concern_send",
                run: "click",
                expectUnloadPage: true,
            },
            { content: "The coordinator is alerted", trigger: ".o_duo_done" },
        ],
    });

    registry.category("web_tour.tours").add(`duo_portal_backoffice_${lang}`, {
        steps: () => [
            {
                content: "The concern waits in the duo's activities",
                trigger: ".o-mail-Activity:contains('Tour Mentee')",
            },
            {
                content: "Open the meetings",
                trigger: ".o_notebook a.nav-link[name=meetings]",
                run: "click",
            },
            {
                content: "Both meetings logged on the portal are there",
                trigger: `.o_field_widget[name=meeting_ids] .o_data_row:contains('Tour CV ${lang}'):eq(1)`,
            },
        ],
    });
}
