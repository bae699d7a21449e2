from datetime import date

from odoo.tests import TransactionCase

from odoo.addons.duo_mentoring.tests.common import create_test_users


class DuoFundraisingCommon(TransactionCase):
    """A fundraising manager, a salesperson without fundraising rights, a plain employee and a
    portal user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_create_nolog=True))
        (
            cls.user_fundraiser,
            cls.user_salesman,
            cls.user_plain,
            cls.user_portal,
        ) = create_test_users(
            cls.env,
            ("fundraiser", "Fundraising Manager",
             "duo_fundraising.group_duo_fundraising_manager", "funds@example.com"),
            ("fund_salesman", "Salesperson", "sales_team.group_sale_salesman"),
            ("fund_plain", "Plain Employee", "base.group_user"),
            ("fund_portal", "Portal Donor", "base.group_portal"),
        )


def national_number(birth, serial):
    """A valid Belgian national number for someone born before 2000 (``birth`` as YYMMDD)."""
    base = int(f"{birth}{serial:03d}")
    return f"{base:09d}{97 - base % 97:02d}"


class DuoTaxReceiptCommon(DuoFundraisingCommon):
    """An organisation set up for tax receipts, income year 2030 at 30 % in Belcotax XML, and
    donors with a Belgian address."""

    YEAR = 2030

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write({
            "name": "DUO asbl",
            "duo_receipt_company_number": "0412.345.614",
            "duo_receipt_street": "Rue de la Loi 1",
            "duo_receipt_zip": "1000",
            "duo_receipt_city": "Bruxelles",
            "duo_receipt_contact_name": "Marie Dubois",
            "duo_receipt_phone": "+32 2 123 45 67",
            "duo_receipt_email": "dons@duo.example.com",
            "duo_receipt_approval": "AR 2029/123",
        })
        cls.fiscal_year = cls.env["duo.fiscal.year"].create({
            "year": cls.YEAR, "reduction_rate": 30, "file_format": "belcotax_xml",
        })
        cls.belgium = cls.env.ref("base.be")
        cls.anne = cls._donor("Anne Wouters", national_number(850730, 33))
        cls.bart = cls._donor("Bart Claes", national_number(900115, 123))
        cls.chloe = cls._donor("Chloé Lambert", national_number(771203, 45))
        cls.dirk = cls._donor("Dirk Peeters", national_number(681122, 7))

    @classmethod
    def _donor(cls, name, number=False, **vals):
        return cls.env["res.partner"].create({
            "name": name, "duo_national_registry_number": number, "street": "Rue Haute 10",
            "zip": "1000", "city": "Bruxelles", "country_id": cls.belgium.id,
            "email": f"{name.split()[0].lower()}@example.com", **vals,
        })

    def _gift(self, partner, amount, day=None, gift_type="one_off", state="received", **vals):
        return self.env["duo.gift"].create({
            "partner_id": partner.id, "amount": amount, "date": day or date(self.YEAR, 5, 1),
            "gift_type": gift_type, "state": state, **vals,
        })

    def _issue(self, year=None):
        receipts = self.env["duo.fiscal.certificate"].with_user(self.user_fundraiser) \
            ._prepare_for_year(year or self.YEAR)
        receipts.action_issue()
        return receipts
