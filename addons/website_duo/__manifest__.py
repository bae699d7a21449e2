{
    "name": "DUO Website",
    "summary": "Public DUO pages: mentee and mentor applications, thank-you page with the next "
               "information sessions",
    "version": "19.0.1.0.0",
    "category": "Website/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_event", "website_event"],
    "data": [
        "security/ir.model.access.csv",
        "data/event_type_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_application_data.xml",
        "data/website_menu_data.xml",
        "views/website_application_templates.xml",
        "views/website_layout_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "website_duo/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
