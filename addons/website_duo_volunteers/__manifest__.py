{
    "name": "DUO Volunteers on the Website",
    "summary": "Volunteer sign-up form on the website; missions and hours on the portal",
    "version": "19.0.1.0.0",
    "category": "Website/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_volunteers", "website_duo", "portal"],
    "data": [
        "data/mail_template_application_data.xml",
        "data/website_menu_data.xml",
        "views/website_application_templates.xml",
        "views/portal_templates.xml",
        "views/website_footer_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "website_duo_volunteers/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
