from datetime import datetime, timedelta

from odoo.addons.duo_mentoring.tests.common import DuoCommon


class DuoEventCommon(DuoCommon):
    """DuoCommon with the DUO session types; mentors are trained unless told otherwise (the
    4-day training is a gate of Ready to match once this add-on is installed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_info = cls.env.ref("duo_event.event_type_duo_info_session")
        cls.type_training = cls.env.ref("duo_event.event_type_duo_training")
        cls.type_intervision = cls.env.ref("duo_event.event_type_duo_intervision")
        cls.training_modules = cls.env["duo.training.module"].search([])

    @classmethod
    def create_session(cls, event_type, begin, **vals):
        return cls.env["event.event"].create({
            "name": vals.pop("name", event_type.name),
            "event_type_id": event_type.id,
            "duo_centre_id": cls.centre_bxl.id,
            "date_begin": begin,
            "date_end": begin + timedelta(hours=3),
            **vals,
        })

    @classmethod
    def create_training_sessions(cls, start):
        """One session per training module, two a day (morning and afternoon) from `start`."""
        sessions = cls.env["event.event"]
        for index, module in enumerate(cls.training_modules):
            sessions |= cls.create_session(
                cls.type_training, start + timedelta(days=index // 2, hours=5 * (index % 2)),
                name=module.name, duo_training_module_id=module.id,
            )
        return sessions

    @classmethod
    def register(cls, event, person, **vals):
        return cls.env["event.registration"].create({
            "event_id": event.id, "partner_id": person.partner_id.id, **vals,
        })

    @classmethod
    def create_mentor(cls, stage="ready", trained=True, **vals):
        mentor = super().create_mentor(stage="interview", **vals)
        if trained:
            cls.env["duo.training.attendance"].create([
                {"mentor_id": mentor.id, "module_id": module.id, "state": "attended"}
                for module in cls.training_modules
            ])
        if stage != "interview":
            mentor.stage_id = cls._stage("duo.intake.stage", stage)
        return mentor


class DuoTrainingCommon(DuoEventCommon):
    """A mentor in training and one session per training module, from 7 January 2030."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = cls.create_mentor(stage="training", trained=False)
        cls.sessions = cls.create_training_sessions(datetime(2030, 1, 7, 8))
