{
    "name": "DUO",
    "summary": "The whole DUO product: mentoring cycle, sessions and training, evaluations, "
               "website forms, matching, volunteers and fundraising, dashboards",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    # Installing this add-on installs every DUO add-on; the bridges between two of them
    # (duo_event_survey, duo_volunteers_fundraising, duo_portal_event, duo_portal_survey)
    # follow by auto_install.
    "depends": [
        "duo_mentoring",
        "duo_event",
        "duo_survey",
        "website_duo",
        "duo_matching",
        "duo_volunteers",
        "website_duo_volunteers",
        "duo_fundraising",
        "duo_portal",
        "duo_dashboard",
    ],
    # The organisation's identity (company, languages, website) for the demo database that
    # `make run` serves; a real database keeps its own.
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_lang_demo.xml",
        "demo/res_users_demo.xml",
        "demo/website_demo.xml",
    ],
    "application": True,
    "installable": True,
}
