from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.duo_mentoring.tests.common import DuoCommon


class DuoPortalCommon(DuoCommon):
    """Two duos of the Brussels centre, each proposed (so both people got their portal
    login), with the first meeting held yesterday: the portal users of one must never reach
    the other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.user_coordinator_bxl.lang = "en_US"
        cls.pair = cls.create_portal_pair("amina", "marc")
        cls.pair_other = cls.create_portal_pair("yasmine", "paul")
        cls.user_mentee = cls.portal_user(cls.pair.mentee_id)
        cls.user_mentor = cls.portal_user(cls.pair.mentor_id)
        cls.user_mentee_other = cls.portal_user(cls.pair_other.mentee_id)

    @classmethod
    def create_portal_pair(cls, mentee, mentor, contact_lang="fr_FR"):
        pair = cls.create_pair(
            cls.create_mentee(name=f"Mentee {mentee.title()}", email=f"{mentee}@example.com",
                              contact_lang=contact_lang, phone="+32 470 11 22 33"),
            cls.create_mentor(name=f"Mentor {mentor.title()}", email=f"{mentor}@example.com",
                              contact_lang=contact_lang),
            user_id=cls.user_coordinator_bxl.id,
        )
        pair.action_propose()
        pair._schedule_first_meeting(fields.Datetime.now() + relativedelta(days=1))
        cls.hold_first_meeting(pair)
        return pair

    @classmethod
    def portal_user(cls, person):
        user = person.partner_id.user_ids
        # Tests log in with the login as password.
        user.password = user.login
        return user

    @classmethod
    def start_mentoring(cls, pair):
        """Both said yes; staff sign the agreement (the default goals come with it) and
        start the six months."""
        pair._record_answer("mentee", "accepted")
        pair._record_answer("mentor", "accepted")
        pair.write(cls.AGREEMENT_ACCEPTED)
        pair.action_sign_agreement()
        pair.action_start_mentoring()


def page_queries(case, url):
    """(queries, text) of ``url`` opened hot by the HttpCase ``case``'s browser session: a
    first visit warms the caches, the second is counted. Comparing two counts (few records,
    many records) proves a page flat without pinning an absolute number."""
    case.url_open(url)
    start = case.cr.sql_log_count
    text = case.url_open(url).text
    return case.cr.sql_log_count - start, text
