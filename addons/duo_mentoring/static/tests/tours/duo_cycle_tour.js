import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * The DUO cycle through the UI: a mentee and a mentor who came to an information session
 * move to their personal interview, then to "Ready to match" (the mentee with the header
 * button, the mentor with the statusbar); a coordinator proposes a duo, books the first
 * meeting and cannot record an answer before it took place.
 * The records are prepared by `tests/test_duo_tour.py`.
 */
// The stage names each language shows (the data's own translations): the tours run in
// English, French and Dutch.
const LABELS = {
    en_US: {
        info: "Information session", interview: "Personal interview", ready: "Ready to match",
        proposed: "Proposed", firstMeeting: "First meeting", approved: "Approved by both",
        agreement: "Agreement signed", mentoring: "Mentoring", brussels: "Brussels",
    },
    fr_BE: {
        info: "Séance d'information", interview: "Entretien individuel", ready: "Prêt pour un duo",
        proposed: "Proposé", firstMeeting: "Première rencontre", approved: "Approuvé par les deux",
        agreement: "Convention signée", mentoring: "Mentorat", brussels: "Bruxelles",
    },
    nl_BE: {
        info: "Infosessie", interview: "Persoonlijk gesprek", ready: "Klaar voor een duo",
        proposed: "Voorgesteld", firstMeeting: "Eerste ontmoeting",
        approved: "Goedgekeurd door beiden", agreement: "Overeenkomst ondertekend",
        mentoring: "Mentoraat", brussels: "Brussel",
    },
};

const cycleSteps = (t) => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="duo_mentoring.duo_root_menu"]',
            content: "Open the DUO app",
            run: "click",
        },
        // The mentee: header button "Ready to match".
        {
            trigger: '.o_menu_sections [data-menu-xmlid="duo_mentoring.duo_mentee_menu"]',
            content: "Open the mentees",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Mentee Amina')",
            content: "Open the mentee who came to the information session",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.info}")`,
        },
        {
            trigger: `.o_statusbar_status button.o_arrow_button:contains("${t.interview}")`,
            content: "She had her personal interview",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.interview}")`,
        },
        {
            trigger: ".o_form_view button[name='action_mark_ready']",
            content: "The interview, the consent and the eligibility are recorded: mark ready",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.ready}")`,
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_mark_ready']))",
        },
        // The mentor: statusbar.
        {
            trigger: '.o_menu_sections [data-menu-xmlid="duo_mentoring.duo_mentor_menu"]',
            content: "Open the mentors",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Mentor Marc')",
            content: "Open the mentor who attended the whole training",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.info}")`,
        },
        {
            trigger: `.o_statusbar_status button.o_arrow_button:contains("${t.interview}")`,
            content: "He had his personal interview",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.interview}")`,
        },
        {
            trigger: `.o_statusbar_status button.o_arrow_button:contains("${t.ready}")`,
            content: "Move the mentor to Ready to match",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.ready}")`,
        },
        {
            trigger: ".o_form_saved",
        },
        // The duo.
        {
            trigger: '.o_main_navbar button[data-menu-xmlid="duo_mentoring.duo_pair_root_menu"]',
            content: "Open the Duos menu",
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="duo_mentoring.duo_pair_menu"]',
            content: "Open the duos",
            run: "click",
        },
        {
            trigger: ".o_kanban_view .o-kanban-button-new",
            content: "Propose a new duo",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='mentee_id'] input",
            content: "Choose the mentee",
            run: "edit Tour Mentee Amina",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Mentee Amina')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='mentor_id'] input",
            content: "Choose the mentor",
            run: "edit Tour Mentor Marc",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Mentor Marc')",
            run: "click",
        },
        {
            trigger: `.o_field_widget[name='centre_id'] input:value(${t.brussels})`,
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the duo",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.proposed}")`,
        },
        {
            trigger: ".o_form_view button[name='action_schedule_first_meeting']",
            content: "Book the first meeting",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='partner_ids']:contains('Tour Mentor Marc')",
            content: "The first meeting invites the mentee, the mentor and the coordinator",
        },
        {
            trigger: ".o_breadcrumb a:contains('Tour Mentee Amina')",
            content: "Back to the duo",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.firstMeeting}")`,
        },
        {
            trigger: ".o_form_view button[name='action_accept_mentee']",
            content: "Too early: the first meeting has not taken place yet",
            run: "click",
        },
        {
            trigger: ".modal:contains('Tour Mentee Amina &')",
            content: "The answers wait for the first meeting",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.firstMeeting}")`,
        },
];

/**
 * After the first meeting (moved to the past by the test): both say yes, the agreement is
 * signed at the second meeting and the mentoring starts.
 */
const answersSteps = (t) => [
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.firstMeeting}")`,
        },
        {
            trigger: ".o_form_view button[name='action_accept_mentee']",
            content: "The mentee says yes",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_accept_mentor']",
            content: "The mentor says yes",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.approved}")`,
        },
        ...[
            "agreement_mentee_accepted",
            "agreement_mentor_accepted",
            "conduct_mentee_accepted",
            "conduct_mentor_accepted",
        ].map((field) => ({
            trigger: `.o_field_widget[name='${field}'] input`,
            content: "Both accept the agreement and the code of conduct",
            run: "click",
        })),
        {
            trigger: ".o_form_view button[name='action_sign_agreement']",
            content: "Sign the agreement",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.agreement}")`,
        },
        {
            trigger: ".o_form_view button[name='action_start_mentoring']",
            content: "Start the six months of mentoring",
            run: "click",
        },
        {
            trigger: `.o_statusbar_status .o_arrow_button_current:contains("${t.mentoring}")`,
        },
];

for (const [lang, t] of Object.entries(LABELS)) {
    registry.category("web_tour.tours").add(`duo_mentoring_cycle_tour_${lang}`, {
        url: "/odoo",
        steps: () => cycleSteps(t),
    });
    registry.category("web_tour.tours").add(`duo_mentoring_answers_tour_${lang}`, {
        steps: () => answersSteps(t),
    });
}
