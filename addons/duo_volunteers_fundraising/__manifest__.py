{
    "name": "DUO Volunteers and Fundraising",
    "summary": "Volunteer missions for fundraising campaigns",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_volunteers", "duo_fundraising"],
    "data": [
        "security/duo_volunteers_fundraising_security.xml",
        "security/ir.model.access.csv",
        "views/duo_volunteer_mission_views.xml",
        "views/duo_campaign_views.xml",
    ],
    "demo": [
        "demo/duo_volunteer_mission_demo.xml",
    ],
    "auto_install": True,
    "installable": True,
}
