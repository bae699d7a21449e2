{
    "name": "DUO Matching",
    "summary": "Explainable, optimal mentor-mentee matching and the weekly matching session",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_mentoring"],
    "external_dependencies": {"python": ["numpy", "scipy"]},
    "data": [
        "security/duo_matching_security.xml",
        "security/ir.model.access.csv",
        "security/duo_matching_rules.xml",
        "views/duo_matching_session_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
