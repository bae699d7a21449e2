{
    "name": "DUO Portal and Evaluations",
    "summary": "Bridge: mentors and mentees find the DUO questionnaires waiting for them on "
               "the portal, with a link to answer",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_portal", "duo_survey"],
    "data": [
        "views/portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "duo_portal_survey/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
