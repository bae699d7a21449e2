{
    "name": "DUO Portal and Sessions",
    "summary": "Bridge: mentors and mentees see the programme activities open to their duo on "
               "the portal, register to their sessions and download their documents",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_portal", "duo_event"],
    "data": [
        "views/portal_templates.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "duo_portal_event/static/src/scss/duo_portal_event.scss",
        ],
        "web.assets_tests": [
            "duo_portal_event/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
