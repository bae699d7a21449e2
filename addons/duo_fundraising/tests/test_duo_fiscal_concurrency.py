from datetime import date

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import national_number

YEAR = 2041
RETRIED = (errors.SerializationFailure, errors.LockNotAvailable, errors.DeadlockDetected)


@tagged("at_install", "-post_install")
class TestDuoTaxReceiptNumbering(TransactionCase):
    """Two fundraisers issue receipts of the same income year at the same moment, each in
    their own database transaction: they get consecutive numbers, no gap, no duplicate."""

    def test_two_users_issuing_at_once_get_consecutive_numbers(self):
        dbname = self.env.cr.dbname
        # Committed fixtures: the competing transactions must see them.
        with db_connect(dbname).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True,
                                                     "mail_create_nolog": True})
            fiscal_year = env["duo.fiscal.year"].create({"year": YEAR, "reduction_rate": 30})
            belgium = env.ref("base.be")
            donors = env["res.partner"].create([{
                "name": name, "street": "Rue Haute 1", "zip": "1000", "city": "Bruxelles",
                "country_id": belgium.id, "duo_national_registry_number": number,
            } for name, number in (("Anna Concurrent", national_number(850730, 33)),
                                   ("Bert Concurrent", national_number(900115, 123)),
                                   ("Cleo Concurrent", national_number(771203, 45)))])
            env["duo.gift"].create([{"partner_id": donor.id, "amount": 50,
                                     "date": date(YEAR, 3, 1), "state": "received"}
                                    for donor in donors])
            drafts = env["duo.fiscal.certificate"]._prepare_for_year(YEAR)
            ids = {"year": fiscal_year.id, "partners": donors.ids,
                   "drafts": {d.partner_id.id: d.id for d in drafts}}
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._drop_committed, dbname, ids)
        anna, bert, cleo = (ids["drafts"][pid] for pid in ids["partners"])

        def issue(cr, receipt_ids):
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            env["duo.fiscal.certificate"].browse(receipt_ids).action_issue()
            env.flush_all()

        def attempt(cr, receipt_ids, outcome):
            """One request of the second user; Odoo retries a request refused this way."""
            try:
                issue(cr, receipt_ids)
            except RETRIED as error:
                outcome.append(type(error).__name__)
                cr.rollback()
                api.Environment(cr, SUPERUSER_ID, {}).transaction.reset()
                return False
            return True

        # The race, made deterministic (a test runs in one thread): both users' transactions
        # are open at the same time.
        first_cr = db_connect(dbname).cursor()
        second_cr = db_connect(dbname).cursor()
        refused = []
        with mute_logger("odoo.sql_db"):  # the refused statements are logged: expected here
            try:
                # The first user issues Anna's and Cleo's receipts; not committed yet.
                issue(first_cr, [anna, cleo])
                # The second user issues Bert's meanwhile: they wait on the year's counter
                # (cut short here by a lock timeout, as a second thread would just wait).
                second_cr.execute("SELECT 1")
                second_cr.execute("SET LOCAL lock_timeout = '300ms'")
                self.assertFalse(attempt(second_cr, [bert], refused))
                # Their request comes back while the first transaction is still open...
                second_cr.execute("SELECT 1")
                # ...which commits now: the second transaction started before, it cannot
                # take the counter as it saw it and is refused, then retried.
                first_cr.commit()  # pylint: disable=invalid-commit
                self.assertFalse(attempt(second_cr, [bert], refused))
                self.assertTrue(attempt(second_cr, [bert], refused))
                second_cr.commit()  # pylint: disable=invalid-commit
            finally:
                first_cr.close()
                second_cr.close()
        self.assertEqual(refused, ["LockNotAvailable", "SerializationFailure"])
        with db_connect(dbname).cursor() as cr:
            cr.execute("SELECT partner_id, number FROM duo_fiscal_certificate "
                       "WHERE id = ANY(%s) ORDER BY number", [list(ids["drafts"].values())])
            numbers = dict(cr.fetchall())
            cr.execute("SELECT next_number FROM duo_fiscal_year WHERE id = %s", [ids["year"]])
            next_number = cr.fetchone()[0]
        anna_p, bert_p, cleo_p = ids["partners"]
        self.assertEqual(numbers, {anna_p: 1, cleo_p: 2, bert_p: 3})
        self.assertEqual(next_number, 4)

    @staticmethod
    def _drop_committed(dbname, ids):
        with db_connect(dbname).cursor() as cr:
            receipts = list(ids["drafts"].values())
            cr.execute("DELETE FROM duo_gift WHERE partner_id = ANY(%s)", [ids["partners"]])
            cr.execute("DELETE FROM duo_fiscal_certificate WHERE id = ANY(%s)", [receipts])
            cr.execute("DELETE FROM duo_fiscal_year WHERE id = %s", [ids["year"]])
            # Contacts may be referenced by mail data: archive rather than delete.
            cr.execute("UPDATE res_partner SET active = false WHERE id = ANY(%s)",
                       [ids["partners"]])
