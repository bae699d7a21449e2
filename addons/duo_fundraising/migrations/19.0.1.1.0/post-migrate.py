"""The fundraising stages move after Odoo's shared sales stages (their data is noupdate)."""

from odoo import SUPERUSER_ID, api

SEQUENCES = {
    "crm_stage_fundraising_identified": 71,
    "crm_stage_fundraising_contacted": 72,
    "crm_stage_fundraising_submitted": 73,
    "crm_stage_fundraising_granted": 74,
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, sequence in SEQUENCES.items():
        stage = env.ref(f"duo_fundraising.{xmlid}", raise_if_not_found=False)
        if stage and stage.sequence < 0:
            stage.sequence = sequence
