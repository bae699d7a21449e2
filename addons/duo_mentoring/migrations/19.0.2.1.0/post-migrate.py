"""Duos closed before the closing reasons existed only have a text: they get "Other", their
text staying as the details, so that the reports count every closed duo."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    other = env["duo.close.reason"]._other()
    if not other:
        return
    cr.execute(SQL(
        """
        UPDATE duo_pair
           SET close_reason_id = %(other)s
         WHERE close_reason_id IS NULL
           AND ((stage_code = 'rejected' AND TRIM(COALESCE(rejection_reason, '')) != '')
             OR (stage_code = 'ended' AND TRIM(COALESCE(end_reason, '')) != ''))
        """,
        other=other.id,
    ))
