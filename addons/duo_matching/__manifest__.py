{
    "name": "DUO Matching",
    "summary": "Explainable, optimal mentor-mentee matching and the weekly matching session",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_mentoring"],
    "external_dependencies": {"python": ["numpy", "scipy", "scikit-learn"]},
    "data": [
        "security/duo_matching_security.xml",
        "security/ir.model.access.csv",
        "security/duo_matching_rules.xml",
        "views/duo_centre_views.xml",
        "views/duo_mentee_views.xml",
        "views/duo_mentor_views.xml",
        "views/duo_matching_proposal_views.xml",
        "views/duo_matching_session_views.xml",
        "views/duo_matching_candidates_views.xml",
        "views/duo_matching_fairness_report_views.xml",
        "views/duo_matching_fairness_wizard_views.xml",
        "views/duo_matching_weight_suggestion_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/duo_matching_session_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "duo_matching/static/src/fields/**/*",
        ],
        "web.assets_tests": [
            "duo_matching/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
