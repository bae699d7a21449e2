from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    duo_campaign_id = fields.Many2one(
        "duo.campaign", string="Fundraising campaign", index="btree_not_null"
    )
    duo_fundraising_kind = fields.Selection(
        [("major_donor", "Major donor"), ("grant", "Grant application")],
        string="Fundraising kind",
    )
    duo_grant_deadline = fields.Date(
        string="Application deadline", help="Deadline of the grant application."
    )

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        """Fundraising opportunities move through the fundraising stages only. Those come
        after Odoo's shared sales stages in sequence, so that sales teams (and Odoo's own
        predictive scoring) keep the stages they know first."""
        team = self.env.ref("duo_fundraising.crm_team_fundraising", raise_if_not_found=False)
        teams = ({team_id} | set(self.team_id.ids)) - {False}
        if team and teams == {team.id}:
            domain = [*(domain or []), ("team_ids", "in", team.ids)]
        return super()._stage_find(team_id=team_id, domain=domain, order=order, limit=limit)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """In the fundraising pipeline, show only the fundraising stages (and any stage that
        holds an opportunity), not the sales stages shared by every team."""
        result = super()._read_group_stage_ids(stages, domain)
        if self.env.context.get("duo_fundraising_pipeline"):
            team = self.env.ref("duo_fundraising.crm_team_fundraising", raise_if_not_found=False)
            if team:
                result = result.filtered(lambda stage: team in stage.team_ids or stage in stages)
        return result
