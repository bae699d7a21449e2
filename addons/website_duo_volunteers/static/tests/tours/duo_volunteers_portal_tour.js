import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("duo_volunteers_portal_log_hours", {
    url: "/my/volunteering",
    steps: () => [
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
            run: "edit 2.5",
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
            trigger: "tr.o_duo_hour_row:contains('Tour CV workshop'):contains('To approve')",
        },
    ],
});
