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
