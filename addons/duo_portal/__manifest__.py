{
    "name": "DUO Portal",
    "summary": "Mentors and mentees follow their duo on the portal: first-meeting answer, "
               "the agreement signed online, weekly meetings, action plan and concerns",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_mentoring", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/duo_portal_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/portal_templates.xml",
        "views/duo_pair_views.xml",
        "views/duo_meeting_views.xml",
        "report/duo_agreement_report.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "duo_portal/static/src/scss/duo_portal.scss",
        ],
        "web.assets_tests": [
            "duo_portal/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
