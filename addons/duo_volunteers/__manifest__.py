{
    "name": "DUO Volunteers and Donors",
    "summary": "Volunteers, missions and hours; donors, campaigns and gifts",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_mentoring"],
    "data": [
        "security/duo_volunteers_security.xml",
        "security/ir.model.access.csv",
        "data/duo_help_kind_data.xml",
        "views/duo_help_kind_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
