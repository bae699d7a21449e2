{
    "name": "DUO Sessions and Evaluations",
    "summary": "Bridge: the training evaluation goes out when a mentor completes the training",
    "version": "19.0.1.0.0",
    "category": "Services/DUO",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo_event", "duo_survey"],
    "data": [
        "report/duo_evaluation_report_views.xml",
        "report/duo_evaluation_score_report_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
