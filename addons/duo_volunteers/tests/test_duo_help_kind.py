from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("at_install", "-post_install")
class TestDuoHelpKind(TransactionCase):
    def test_translation_kind_needs_language_pair(self):
        kind = self.env.ref("duo_volunteers.duo_help_kind_translation")
        self.assertTrue(kind.needs_language_pair)
        self.assertFalse(self.env.ref("duo_volunteers.duo_help_kind_logistics").needs_language_pair)

    def test_duplicate_name_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["duo.help.kind"].create({"name": "Translation"})

    def test_plain_employee_reads_but_cannot_edit(self):
        employee = new_test_user(self.env, login="employee_vol", groups="base.group_user")
        kind = self.env.ref("duo_volunteers.duo_help_kind_listening").with_user(employee)
        self.assertTrue(kind.name)
        with self.assertRaises(AccessError):
            kind.name = "Changed"
