import json
from datetime import timedelta

from odoo import fields
from odoo.fields import Domain

from odoo.addons.duo_mentoring.tests.common import DuoCommon

PROGRAMME = "duo_dashboard.spreadsheet_dashboard_duo_programme"


def dashboard_pivots(env, xmlid=PROGRAMME):
    """The pivots of a shipped dashboard, as its JSON file defines them."""
    data = json.loads(env.ref(xmlid).sudo().spreadsheet_data)
    return data["pivots"], {f["id"]: f for f in data["globalFilters"]}


def read_pivots(env, xmlid=PROGRAMME, centre=None, period=None):
    """What the spreadsheet asks the server for: one grouped read per pivot, with the pivot's
    domain and the global filters' (centre, period as (from, to)) on the fields each pivot
    names. Returns {pivot name: [groups]}."""
    pivots, filters = dashboard_pivots(env, xmlid)
    result = {}
    for pivot in pivots.values():
        domain = Domain(pivot["domain"])
        for filter_id, match in pivot["fieldMatching"].items():
            kind = filters[filter_id]["type"]
            if kind == "relation" and centre:
                domain &= Domain(match["chain"], "in", centre.ids)
            elif kind == "date" and period:
                domain &= (Domain(match["chain"], ">=", period[0])
                           & Domain(match["chain"], "<=", period[1]))
        result[pivot["name"]] = env[pivot["model"]].formatted_read_group(
            list(domain), [row["fieldName"] for row in pivot["rows"]],
            [measure["id"] for measure in pivot["measures"]],
        )
    return result


class DuoDashboardCommon(DuoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.cr.execute("SELECT current_date")
        cls.today = cls.env.cr.fetchone()[0]
        cls.centre = cls.env["duo.centre"].create({"name": "Dashboard centre", "code": "DSH"})
        cls.user_coordinator_dsh = cls.env["res.users"].create({
            "name": "Coordinator Dashboard", "login": "coord_dsh",
            "group_ids": [(6, 0, cls.env.ref("duo_mentoring.group_duo_user").ids)],
        })
        cls.centre.user_ids = [(4, cls.user_coordinator_dsh.id)]

    @classmethod
    def days_ago(cls, days):
        return cls.today - timedelta(days=days)

    @classmethod
    def person_in(cls, role, stage, days_in_stage, ready_days=None):
        factory = cls.create_mentee if role == "mentee" else cls.create_mentor
        person = factory(stage=stage, centre_id=cls.centre.id)
        now = fields.Datetime.now()
        vals = {"date_stage": now - timedelta(days=days_in_stage)}
        if ready_days is not None:
            vals["date_ready"] = now - timedelta(days=ready_days)
        person.write(vals)
        return person

    @classmethod
    def duo(cls, stage, start_ago=None, end_ago=None, created_ago=0, meetings=(), **vals):
        pair = cls.create_pair(
            mentee=cls.create_mentee(centre_id=cls.centre.id),
            mentor=vals.pop("mentor", None) or cls.create_mentor(centre_id=cls.centre.id),
            user_id=cls.user_coordinator_dsh.id,
        )
        values = {"stage_id": cls._stage("duo.pair.stage", stage).id, **vals}
        if start_ago is not None:
            values["start_date"] = cls.days_ago(start_ago)
        if end_ago is not None:
            values["end_date"] = cls.days_ago(end_ago)
        pair.with_context(duo_force_stage=True).write(values)
        cls.env["duo.meeting"].create([
            {"pair_id": pair.id, "date": cls.days_ago(days)} for days in meetings])
        cls.env.flush_all()
        cls.env.cr.execute("UPDATE duo_pair SET create_date = now() - make_interval(days => %s)"
                           " WHERE id = %s", [created_ago, pair.id])
        pair.invalidate_recordset(["create_date"])
        return pair
