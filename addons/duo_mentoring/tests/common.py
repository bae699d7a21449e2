from odoo.tests import TransactionCase, new_test_user


class DuoCommon(TransactionCase):
    """Two centres and one user per role, shared by the DUO test classes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre_bxl = cls.env.ref("duo_mentoring.duo_centre_brussels")
        cls.centre_lgg = cls.env.ref("duo_mentoring.duo_centre_liege")
        cls.user_coordinator_bxl = new_test_user(
            cls.env, login="coord_bxl", name="Coordinator Brussels",
            groups="duo_mentoring.group_duo_user",
        )
        cls.user_coordinator_lgg = new_test_user(
            cls.env, login="coord_lgg", name="Coordinator Liège",
            groups="duo_mentoring.group_duo_user",
        )
        cls.user_manager = new_test_user(
            cls.env, login="duo_manager", name="DUO Manager",
            groups="duo_mentoring.group_duo_manager",
        )
        cls.user_plain = new_test_user(
            cls.env, login="plain_user", name="Plain Employee", groups="base.group_user",
        )
        cls.centre_bxl.user_ids = [(4, cls.user_coordinator_bxl.id)]
        cls.centre_lgg.user_ids = [(4, cls.user_coordinator_lgg.id)]
