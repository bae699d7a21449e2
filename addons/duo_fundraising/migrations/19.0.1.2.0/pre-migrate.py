"""Tax receipts become numeric: the order number is the digits after the year in the old
'2025/00001' names, and every existing certificate was issued."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(SQL("SELECT 1 FROM information_schema.tables WHERE table_name = %s",
                   "duo_fiscal_certificate"))
    if not cr.fetchone():
        return
    # One receipt per donor and year now only among live receipts (a cancelled one stays),
    # and names are no longer the number: the partial indexes replace both constraints.
    for name in ("duo_fiscal_certificate_name_uniq", "duo_fiscal_certificate_partner_year_uniq"):
        cr.execute(SQL("ALTER TABLE duo_fiscal_certificate DROP CONSTRAINT IF EXISTS %s",
                       SQL.identifier(name)))
    cr.execute(SQL("""
        ALTER TABLE duo_fiscal_certificate
            ADD COLUMN IF NOT EXISTS number integer,
            ADD COLUMN IF NOT EXISTS state varchar
    """))
    cr.execute(SQL(r"""
        UPDATE duo_fiscal_certificate
           SET number = substring(name from '(\d+)\s*$')::integer,
               state = 'issued'
         WHERE number IS NULL
    """))
