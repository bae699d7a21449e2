from odoo import Command

from odoo.addons.duo_mentoring.tests.common import DuoCommon


class MatchingCommon(DuoCommon):
    """DuoCommon plus weekly slots, sectors and a matching-team coordinator in Brussels."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matching_team = cls.env.ref("duo_matching.group_duo_matching")
        cls.user_coordinator_bxl.group_ids = [Command.link(cls.matching_team.id)]
        cls.tue_evening = cls.env.ref("duo_mentoring.duo_slot_tuesday_evening")
        cls.mon_morning = cls.env.ref("duo_mentoring.duo_slot_monday_morning")
        cls.sector_it = cls.env.ref("duo_mentoring.duo_sector_62")
        cls.sector_accounting = cls.env.ref("duo_mentoring.duo_sector_69")
        cls.commune_bxl = cls.env.ref("duo_mentoring.duo_commune_1000")

    @classmethod
    def mentee(cls, slots=None, **vals):
        vals.setdefault("slot_ids", [Command.set((slots or cls.tue_evening).ids)])
        return cls.create_mentee(**vals)

    @classmethod
    def mentor(cls, slots=None, **vals):
        vals.setdefault("slot_ids", [Command.set((slots or cls.tue_evening).ids)])
        return cls.create_mentor(**vals)

    def new_session(self, centre=None, **vals):
        return self.env["duo.matching.session"].create(
            {"centre_id": (centre or self.centre_bxl).id, **vals}
        )

    def proposal_of(self, session, mentee):
        return session.proposal_ids.filtered(lambda p: p.mentee_id == mentee)
