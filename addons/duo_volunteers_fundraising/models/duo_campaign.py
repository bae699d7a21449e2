from odoo import fields, models


class DuoCampaign(models.Model):
    _inherit = "duo.campaign"

    mission_ids = fields.One2many("duo.volunteer.mission", "campaign_id", string="Missions")
    mission_count = fields.Integer(compute="_compute_mission_count")

    def _compute_mission_count(self):
        counts = dict(self.env["duo.volunteer.mission"]._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
        ))
        for campaign in self:
            campaign.mission_count = counts.get(campaign, 0)

    def action_view_missions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "duo_volunteers.duo_volunteer_mission_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {
            "default_campaign_id": self.id,
            "default_mission_type": "campaign",
            "default_help_kind_id": self.env.ref("duo_volunteers.duo_help_kind_fundraising").id,
        }
        return action
