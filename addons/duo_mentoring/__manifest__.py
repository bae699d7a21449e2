{
    "name": "DUO Mentoring",
    "summary": "Intergenerational mentoring for employment: mentors, mentees, duos, DUO cycle",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["mail", "contacts", "calendar"],
    "data": [
        "security/duo_security.xml",
        "security/ir.model.access.csv",
        "security/duo_rules.xml",
        "data/duo_centre_data.xml",
        "views/duo_centre_views.xml",
        "views/res_users_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/duo_centre_demo.xml",
    ],
    "application": True,
    "installable": True,
}
