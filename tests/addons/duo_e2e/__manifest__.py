{
    "name": "DUO end-to-end tests",
    "summary": "Cross-module and browser tests of the DUO add-ons (test-only, never deployed)",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "DUO",
    "website": "https://github.com/duo-brussels/duo",
    "license": "LGPL-3",
    "depends": ["duo", "web_tour"],
    "assets": {
        "web.assets_tests": [
            "duo_e2e/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
