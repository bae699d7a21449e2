from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestWebsiteFooter(HttpCase):
    def test_header_and_footer_are_the_organisations(self):
        company = self.env.company
        company.write({"name": "DUO Footer asbl", "city": "Bruxelles", "zip": "1000",
                       "street": "Rue du Footer 7", "email": "footer@duo.example.org",
                       "company_registry": "0456.789.133"})
        company.phone = "+32 2 555 77 88"
        html = self.url_open("/").text
        self.assertNotIn("555-555-5556", html, "Odoo's sample phone is gone from the header")
        self.assertIn("+32 2 555 77 88", html[:html.index('id="footer"')])
        footer = html[html.index('id="footer"'):]
        for expected in ("DUO Footer asbl", "Rue du Footer 7", "footer@duo.example.org",
                         "0456.789.133", 'href="/duo/apply/mentee"', 'href="/duo/apply/mentor"'):
            self.assertIn(expected, footer)
        self.assertNotIn("passionate people", footer, "Odoo's sample footer is replaced")
