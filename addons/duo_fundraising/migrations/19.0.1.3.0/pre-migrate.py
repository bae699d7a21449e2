"""The national-number request email moves from the contact to its own request record (the
link no longer sits in the contact's chatter): let the data file update the template, which
was loaded with noupdate."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(SQL(
        "UPDATE ir_model_data SET noupdate = FALSE WHERE module = %s AND name = %s",
        "duo_fundraising", "mail_template_national_number_request"))
