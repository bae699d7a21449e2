"""Existing certificates get what an issued tax receipt keeps (the donor's identity, the
first amount, the year's rate) and each of their years gets its settings, with a counter
that continues after their highest number."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

RATE_UNTIL_2024 = 45.0
RATE_FROM_2025 = 30.0


def migrate(cr, version):
    # National numbers are kept as their 11 digits now (typed with dots and dashes before).
    for table, column in (("res_partner", "duo_national_registry_number"),
                          ("duo_fiscal_certificate", "national_registry_number")):
        cr.execute(SQL(
            "UPDATE %s SET %s = regexp_replace(%s, '[^0-9]', '', 'g') WHERE %s ~ '[^0-9]'",
            SQL.identifier(table), SQL.identifier(column), SQL.identifier(column),
            SQL.identifier(column)))
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True,
                                             "mail_notrack": True, "active_test": False})
    Certificate = env["duo.fiscal.certificate"]
    FiscalYear = env["duo.fiscal.year"]
    receipts = Certificate.search([])
    for (year, company), group in receipts.grouped(lambda r: (r.year, r.company_id)).items():
        fiscal_year = FiscalYear.search([("year", "=", year), ("company_id", "=", company.id)])
        if not fiscal_year:
            fiscal_year = FiscalYear.create({
                "year": year, "company_id": company.id,
                "reduction_rate": RATE_UNTIL_2024 if year <= 2024 else RATE_FROM_2025,
                "file_format": "belcotax_xml" if year <= 2024 else False,
            })
        top = max(group.mapped("number") or [0])
        if fiscal_year.next_number <= top:
            # The counter is written by SQL only (see _take_numbers).
            cr.execute(SQL("UPDATE duo_fiscal_year SET next_number = %s WHERE id = %s",
                           top + 1, fiscal_year.id))
        for receipt in group:
            # Through the ORM's low level: an issued receipt's amount and donor are frozen.
            vals = {"original_amount": receipt.amount,
                    "reduction_rate": fiscal_year.reduction_rate,
                    **receipt.partner_id._duo_receipt_identity()}
            vals.pop("national_registry_number")  # copied when it was issued already
            receipt._write(vals)
    receipts._compute_name()
    env.flush_all()
    sequence = env.ref("duo_fundraising.ir_sequence_duo_fiscal_certificate",
                       raise_if_not_found=False)
    if sequence:
        sequence.unlink()
