import base64
from datetime import timedelta

from odoo import fields

from odoo.addons.duo_event.tests.common import DuoEventCommon
from odoo.addons.duo_portal.tests.common import DuoPortalCommon


class DuoPortalEventCommon(DuoPortalCommon, DuoEventCommon):
    """The portal's two Brussels duos, and programme activities: a CV workshop in Brussels
    next week, a language session for every centre, mock interviews in Liège, a past
    workshop, and two guides to download (every centre's, Liège's)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Type = cls.env["event.type"]
        cls.type_cv = Type.search([("duo_kind", "=", "cv_workshop")], limit=1)
        cls.type_mock = Type.search([("duo_kind", "=", "mock_interview")], limit=1)
        cls.type_language = Type.search([("duo_kind", "=", "language_session")], limit=1)
        next_week = fields.Datetime.now() + timedelta(days=7)
        cls.activity_cv = cls.create_activity(
            "CV workshop Brussels", "cv_workshop", cls.centre_bxl,
            cls.create_session(cls.type_cv, next_week, name="CV workshop Brussels"))
        cls.activity_language = cls.create_activity(
            "Language session", "language_session", False,
            cls.create_session(cls.type_language, next_week + timedelta(days=1),
                               name="Language session", duo_centre_id=False))
        cls.activity_mock_lgg = cls.create_activity(
            "Mock interviews Liège", "mock_interview", cls.centre_lgg,
            cls.create_session(cls.type_mock, next_week, name="Mock interviews Liège",
                               duo_centre_id=cls.centre_lgg.id))
        cls.activity_past = cls.create_activity(
            "CV workshop last month", "cv_workshop", cls.centre_bxl,
            cls.create_session(cls.type_cv, next_week - timedelta(days=40),
                               name="CV workshop last month"))
        cls.activity_guide = cls.create_activity(
            "Accommodation guide for everyone", "accommodation_guide", False,
            documents=["guide.pdf"])
        cls.activity_guide_lgg = cls.create_activity(
            "Accommodation guide Liège", "accommodation_guide", cls.centre_lgg,
            documents=["guide-liege.pdf"])

    @classmethod
    def create_activity(cls, name, kind, centre, event=None, documents=()):
        attachments = cls.env["ir.attachment"].create([{
            "name": document, "raw": b"%PDF-1.4 " + document.encode(),
            "mimetype": "application/pdf", "res_model": "duo.programme.activity",
        } for document in documents])
        return cls.env["duo.programme.activity"].create({
            "name": name, "kind": kind, "centre_id": centre and centre.id,
            "event_id": event and event.id, "attachment_ids": [(6, 0, attachments.ids)],
        })

    @staticmethod
    def document_bytes(activity):
        return base64.b64decode(activity.attachment_ids[:1].datas)
