{
    "name": "DUO Dashboard",
    "summary": "The programme's health on one screen: intake, matching, duos at risk, meetings, "
               "outcomes against the published targets, volunteers and fundraising, in Odoo "
               "spreadsheet dashboards",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": [
        "spreadsheet_dashboard",
        "duo_mentoring",
        "duo_survey",
        "duo_matching",
        "duo_portal",
        "duo_volunteers",
        "duo_fundraising",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/duo_dashboard_rules.xml",
        "data/duo_dashboard_target_data.xml",
        "data/dashboards.xml",
        "views/duo_dashboard_target_views.xml",
        "views/duo_pair_report_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "duo_dashboard/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
