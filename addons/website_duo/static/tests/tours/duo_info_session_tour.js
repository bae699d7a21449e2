import { registry } from "@web/core/registry";

/**
 * A visitor registers to a DUO information session from its website page. The selectors do
 * not depend on the language: the same steps run on the French and the Dutch website.
 * The session is prepared by `tests/test_duo_events_tour.py`.
 */
function registerSteps(name, email) {
    return () => [
        {
            content: "Open the registration window",
            trigger: 'button[data-bs-target="#modal_ticket_registration"]',
            run: "click",
        },
        {
            content: "One seat",
            trigger: "#modal_ticket_registration input.o_wevent_input_nb_tickets",
            run: "edit 1",
        },
        {
            content: "Go on to the attendee details",
            trigger: "#modal_ticket_registration .modal-footer button[type=submit]:enabled",
            run: "click",
        },
        {
            trigger: ".modal.modal_shown.show form[id=attendee_registration]",
        },
        {
            content: "Name",
            trigger: '#modal_attendees_registration input[name*="name"]',
            run: `edit ${name}`,
        },
        {
            content: "Email",
            trigger: '#modal_attendees_registration input[name*="email"]',
            run: `edit ${email}`,
        },
        {
            content: "Phone",
            trigger: '#modal_attendees_registration input[name*="phone"]',
            run: "edit +32499123456",
        },
        {
            content: "Confirm the registration",
            trigger:
                ".modal#modal_attendees_registration:not(.o_inactive_modal) button[type=submit].btn-primary",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The registration is confirmed",
            trigger: ".o_wereg_confirmed",
        },
    ];
}

registry.category("web_tour.tours").add("duo_info_session_tour_fr", {
    steps: registerSteps("Amina Benali", "amina.benali@example.com"),
});
registry.category("web_tour.tours").add("duo_info_session_tour_nl", {
    steps: registerSteps("Youssef Haddad", "youssef.haddad@example.com"),
});
