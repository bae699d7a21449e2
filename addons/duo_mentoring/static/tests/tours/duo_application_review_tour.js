import { registry } from "@web/core/registry";

/**
 * A coordinator opens a website application that may be a person already known: the form
 * says it waits for review and names the possible duplicate; the coordinator marks it as
 * reviewed. Run in English, French and Dutch (no step reads a label); the records are
 * prepared by `tests/test_duo_application_review.py`.
 */
registry.category("web_tour.tours").add("duo_application_review_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .alert-info:has(button[name='action_mark_reviewed'])",
            content: "The application says it waits for review",
        },
        {
            trigger: ".o_form_view .alert-info .o_field_many2many_tags:contains('Known Applicant')",
            content: "It names the possible duplicate",
        },
        {
            trigger: ".o_form_view .alert-info button[name='action_mark_reviewed']",
            content: "Mark it as reviewed",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_mark_reviewed']))",
            content: "The review is recorded",
        },
        {
            trigger: ".o_form_view .alert-info .o_field_many2many_tags:contains('Known Applicant')",
            content: "The possible duplicate stays visible until the contacts are merged",
        },
    ],
});
