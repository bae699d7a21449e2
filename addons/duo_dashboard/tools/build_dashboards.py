#!/usr/bin/env python3
"""Write the DUO dashboards' spreadsheet files (data/files/*_dashboard.json).

The dashboards are Odoo spreadsheets (o-spreadsheet JSON). They are generated rather than
edited by hand so that every figure, its pivot and its labels stay in one readable place:
run ``python3 addons/duo_dashboard/tools/build_dashboards.py`` after changing this file, then
export the translations (the ``_t("...")`` labels are extracted from the JSON files).

Each pivot reads a report model of the DUO add-ons with the user's own rights (record rules
apply), and each global filter (period, centre, cohort) says which field it filters in each
pivot and chart. Targets are read from ``duo.dashboard.target`` records, never typed here.
"""

import json
from pathlib import Path

FILES = Path(__file__).resolve().parent.parent / "data" / "files"
VERSION = "18.4.14"
LOCALE = {"name": "English (US)", "code": "en_US", "thousandsSeparator": ",",
          "decimalSeparator": ".", "dateFormat": "mm/dd/yyyy", "timeFormat": "hh:mm:ss",
          "formulaArgSeparator": ",", "weekStart": 1}
STYLES = {
    "1": {"textColor": "#01666b", "fontSize": 16, "bold": True},
    "2": {"textColor": "#434343", "bold": True, "fontSize": 11},
    "3": {"bold": True, "fillColor": "#f2f2f2"},
}
FORMATS = {"1": "0%", "2": "0.0", "3": "#,##0", "4": "#,##0 [$€]"}
BORDERS = {"1": {"bottom": {"style": "thin", "color": "#CCCCCC"}}}

# Global filters: ids are stable (saved filter values refer to them).
PERIOD = "d0a1e7c2-7a11-4c43-9a1b-5e0d00000001"
CENTRE = "d0a1e7c2-7a11-4c43-9a1b-5e0d00000002"
COHORT = "d0a1e7c2-7a11-4c43-9a1b-5e0d00000003"


def t(text):
    """A translatable label (extracted by Odoo's spreadsheet term extractor)."""
    return f'=_t("{text}")'


def matching(date=None, centre="centre_id", cohort=None):
    """Which field each global filter filters in one pivot or chart (none: not filtered)."""
    result = {}
    if date:
        result[PERIOD] = {"chain": date, "type": "date", "offset": 0}
    if centre:
        result[CENTRE] = {"chain": centre, "type": "many2one"}
    if cohort:
        result[COHORT] = {"chain": cohort, "type": "char"}
    return result


def pivot(pid, name, model, measures, rows=(), domain=(), fields_matching=None):
    return {
        "type": "ODOO", "id": pid, "formulaId": pid, "name": name, "model": model,
        "domain": [list(term) if isinstance(term, tuple) else term for term in domain],
        "context": {},
        "measures": [{"id": f"{field}:{agg}" if agg else field, "fieldName": field,
                      **({"aggregator": agg} if agg else {})} for field, agg in measures],
        "rows": [{"fieldName": row} for row in rows], "columns": [],
        "sortedColumn": None, "fieldMatching": fields_matching or {},
    }


def odoo_chart(fid, kind, title, model, group_by, measure, x, y, w, h, domain=(),
               fields_matching=None, stacked=False, legend="top"):
    data = {
        "title": {"text": title}, "background": "#FFFFFF", "legendPosition": legend,
        "metaData": {"groupBy": list(group_by), "measure": measure, "order": None,
                     "resModel": model, "mode": kind, "cumulatedStart": False},
        "searchParams": {"comparison": None, "context": {},
                         "domain": [list(term) for term in domain],
                         "groupBy": list(group_by), "orderBy": []},
        "type": f"odoo_{kind}", "dataSets": [], "fieldMatching": fields_matching or {},
    }
    if kind != "pie":
        data.update(verticalAxisPosition="left", stacked=stacked)
    if kind == "line":
        data.update(fillArea=True, cumulatedStart=False)
    return figure(fid, data, x, y, w, h)


def scorecard(fid, title, key, x, y, background="#EFF6FF"):
    return figure(fid, {"type": "scorecard", "title": {"text": title, "bold": True,
                                                       "color": "#434343"},
                        "background": background, "keyValue": key, "humanize": False,
                        "baselineMode": "difference", "baselineColorUp": "#00A04A",
                        "baselineColorDown": "#DC6965"}, x, y, 190, 100)


def bar_chart(fid, title, labels, datasets, x, y, w, h):
    return figure(fid, {
        "type": "bar", "title": {"text": title}, "background": "#FFFFFF",
        "dataSets": [{"dataRange": rng} for rng in datasets], "dataSetsHaveTitle": True,
        "labelRange": labels, "legendPosition": "top", "stacked": False, "aggregated": False,
        "showValues": True, "humanize": False,
    }, x, y, w, h)


def figure(fid, data, x, y, w, h):
    return {"id": fid, "tag": "chart", "col": 0, "row": 0, "offset": {"x": x, "y": y},
            "width": w, "height": h, "data": data}


def sheet(sid, name, cells, figures=(), styles=None, formats=None, borders=None,
          cols=None, rows=None, col_number=14, row_number=120):
    return {
        "id": sid, "name": name, "colNumber": col_number, "rowNumber": row_number,
        "rows": rows or {}, "cols": cols or {}, "merges": [], "cells": cells,
        "styles": styles or {}, "formats": formats or {}, "borders": borders or {},
        "conditionalFormats": [], "dataValidationRules": [], "figures": list(figures),
        "tables": [], "areGridLinesVisible": False, "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []}, "comments": {},
    }


def spreadsheet(sheets, pivots, filters):
    return {
        "version": VERSION, "sheets": sheets, "styles": STYLES, "formats": FORMATS,
        "borders": BORDERS, "revisionId": "START_REVISION", "uniqueFigureIds": True,
        "settings": {"locale": LOCALE}, "pivots": {p["id"]: p for p in pivots},
        "pivotNextId": len(pivots) + 1, "customTableStyles": {}, "globalFilters": filters,
        "lists": {}, "listNextId": 1, "chartOdooMenusReferences": {},
    }


def period_filter():
    return {"id": PERIOD, "type": "date", "label": "Period"}


def centre_filter():
    return {"id": CENTRE, "type": "relation", "label": "Centre", "modelName": "duo.centre",
            "domainOfAllowedValues": [], "includeChildren": False}


# ---------------------------------------------------------------------------------------------
# The programme dashboard
# ---------------------------------------------------------------------------------------------
def programme():
    flows = matching(date="date", cohort=False)
    now = matching(cohort=False)
    duos_dated = matching(date="date", cohort="cohort")
    duos_now = matching(cohort="cohort")
    targets = {}
    pivots = [
        pivot("1", "Applicants by intake stage", "duo.intake.report",
              [("person_count", "sum"), ("days_in_stage", "avg"), ("max_days_in_stage", "max")],
              rows=["stage_id"], fields_matching=flows),
        pivot("2", "Ready to match, waiting for a duo", "duo.intake.report",
              [("ready_count", "sum"), ("days_ready", "avg"), ("max_days_ready", "max")],
              rows=["role"], domain=[("stage_code", "=", "ready")], fields_matching=now),
        pivot("3", "Matching sessions held", "duo.matching.session.report",
              [("session_count", "sum"), ("candidate_mentee_count", "sum"),
               ("candidate_mentor_count", "sum"), ("proposal_count", "sum"),
               ("pair_count", "sum")], fields_matching=flows),
        pivot("4", "Open duos by stage", "duo.pair.report", [("pair_count", "sum")],
              rows=["stage_id"], domain=[("is_open", "=", True)], fields_matching=duos_now),
        pivot("5", "Open duos at risk", "duo.pair.report",
              [("pair_count", "sum"), ("at_risk_count", "sum"), ("no_meeting_count", "sum"),
               ("concern_count", "sum"), ("pulse_worry_count", "sum"),
               ("meetings_per_month", "avg")],
              domain=[("is_open", "=", True)], fields_matching=duos_now),
        pivot("6", "Outcomes of the finished duos", "duo.pair.report",
              [("finished_count", "sum"), ("positive_end_rate", "avg"),
               ("positive_3m_rate", "avg"), ("positive_6m_rate", "avg"),
               ("positive_12m_at_rate", "avg"), ("positive_12m_rate", "avg"),
               ("job_12m_rate", "avg"), ("stable_job_rate", "avg"),
               ("mentor_return_rate", "avg")], fields_matching=duos_dated),
        pivot("7", "Outcomes by cohort", "duo.pair.report",
              [("finished_count", "sum"), ("positive_12m_rate", "avg"), ("job_12m_rate", "avg"),
               ("stable_job_rate", "avg"), ("mentor_return_rate", "avg")],
              rows=["cohort"], domain=[("finished_count", "=", 1)], fields_matching=duos_dated),
        pivot("8", "Published targets", "duo.dashboard.target", [("target", "max")],
              rows=["measure"], fields_matching=targets),
        pivot("9", "Closing reasons", "duo.pair.report", [("pair_count", "sum")],
              rows=["close_reason_id"], domain=[("close_reason_id", "!=", False)],
              fields_matching=duos_dated),
    ]
    data = {
        "A1": t("Figure"), "B1": t("Value"),
        "A2": t("Applicants in the intake"), "B2": '=PIVOT.VALUE(1,"person_count:sum")',
        "A3": t("Ready to match"), "B3": '=PIVOT.VALUE(2,"ready_count:sum")',
        "A4": t("Days waiting for a duo (average)"), "B4": '=PIVOT.VALUE(2,"days_ready:avg")',
        "A5": t("Longest wait for a duo (days)"), "B5": '=PIVOT.VALUE(2,"max_days_ready:max")',
        "A6": t("Matching sessions held"), "B6": '=PIVOT.VALUE(3,"session_count:sum")',
        "A7": t("Mentees ready at the sessions"),
        "B7": '=PIVOT.VALUE(3,"candidate_mentee_count:sum")',
        "A8": t("Duos created by the sessions"), "B8": '=PIVOT.VALUE(3,"pair_count:sum")',
        # No session yet: a dash, not a division by zero (an empty pivot value is text).
        "A9": t("Match rate"), "B9": '=IFERROR(B8/B7,"–")',
        "A10": t("Open duos"), "B10": '=PIVOT.VALUE(5,"pair_count:sum")',
        "A11": t("Duos at risk"), "B11": '=PIVOT.VALUE(5,"at_risk_count:sum")',
        "A12": t("No recent meeting"), "B12": '=PIVOT.VALUE(5,"no_meeting_count:sum")',
        "A13": t("Concern raised"), "B13": '=PIVOT.VALUE(5,"concern_count:sum")',
        "A14": t("Worrying pulse answer"), "B14": '=PIVOT.VALUE(5,"pulse_worry_count:sum")',
        "A15": t("Meetings per duo per month"),
        "B15": '=PIVOT.VALUE(5,"meetings_per_month:avg")',
        "A16": t("Finished duos"), "B16": '=PIVOT.VALUE(6,"finished_count:sum")',
        "A18": t("Outcome"), "B18": t("Result"), "C18": t("Target"),
        "A24": t("After the duo"), "B24": t("Job, internship or training"),
    }
    for row, (label, measure) in enumerate([
        ("Job, internship or training within 12 months", "positive_12m_rate"),
        ("Job within 12 months", "job_12m_rate"),
        ("Stable job within 12 months", "stable_job_rate"),
        ("Mentors who start a new duo", "mentor_return_rate"),
    ], start=19):
        data[f"A{row}"] = t(label)
        data[f"B{row}"] = f'=IFERROR(PIVOT.VALUE(6,"{measure}:avg")/100,"")'
        data[f"C{row}"] = f'=IFERROR(PIVOT.VALUE(8,"target:max","measure","{measure}")/100,"")'
    for row, (label, measure) in enumerate([
        ("At the end", "positive_end_rate"), ("At 3 months", "positive_3m_rate"),
        ("At 6 months", "positive_6m_rate"), ("At 12 months", "positive_12m_at_rate"),
    ], start=25):
        data[f"A{row}"] = t(label)
        data[f"B{row}"] = f'=IFERROR(PIVOT.VALUE(6,"{measure}:avg")/100,"")'
    data_sheet = sheet(
        "duo-programme-data", "Data", data, col_number=6, row_number=40,
        cols={"0": {"size": 320}, "1": {"size": 140}, "2": {"size": 140}},
        styles={"A1:C1": 3, "A18:C18": 3, "A24:B24": 3},
        formats={"B4": 2, "B9": 1, "B15": 2, "B19:C22": 1, "B25:B28": 1},
    )
    chart_w, left, right = 590, 0, 610
    figures = [
        # Scorecard titles short enough for 190 px in French and Dutch too.
        scorecard("duo-sc-intake", "In the intake", "Data!B2", 0, 40),
        scorecard("duo-sc-ready", "Ready to match", "Data!B3", 202, 40),
        scorecard("duo-sc-match", "Match rate", "Data!B9", 404, 40),
        scorecard("duo-sc-open", "Open duos", "Data!B10", 606, 40),
        scorecard("duo-sc-risk", "Duos at risk", "Data!B11", 808, 40, background="#FEF2F2"),
        scorecard("duo-sc-meetings", "Meetings a month", "Data!B15", 1010, 40),
        odoo_chart("duo-ch-intake", "bar", "Applicants by intake stage", "duo.intake.report",
                   ["stage_id", "role"], "person_count", left, 170, chart_w, 300,
                   fields_matching=flows, stacked=True),
        odoo_chart("duo-ch-open", "pie", "Open duos by stage", "duo.pair.report",
                   ["stage_id"], "pair_count", right, 170, chart_w, 300,
                   domain=[["is_open", "=", True]], fields_matching=duos_now),
        odoo_chart("duo-ch-meetings", "line", "Meetings logged per month", "duo.meeting",
                   ["date:month"], "__count", left, 490, chart_w, 300,
                   fields_matching=matching(date="date", cohort=False), legend="none"),
        odoo_chart("duo-ch-reasons", "bar", "Why duos closed early", "duo.pair.report",
                   ["close_reason_id", "stage_id"], "pair_count", right, 490, chart_w, 300,
                   domain=[["close_reason_id", "!=", False]], fields_matching=duos_dated,
                   stacked=True),
        bar_chart("duo-ch-targets", "Outcomes against the published targets",
                  "Data!A19:A22", ["Data!B18:B22", "Data!C18:C22"], left, 810, chart_w, 300),
        odoo_chart("duo-ch-cohorts", "bar",
                   "Job, internship or training within 12 months, per cohort (%)",
                   "duo.pair.report", ["cohort"], "positive_12m_rate", right, 810, chart_w,
                   300, domain=[["finished_count", "=", 1]], fields_matching=duos_dated,
                   legend="none"),
    ]
    top = 50  # tables below the charts (rows of 23 px)
    cells = {"A1": t("DUO programme")}
    sections = [
        (top, "Applicants waiting in each intake stage", "=PIVOT(1)", 8),
        (top + 10, "Ready to match, waiting for a duo", "=PIVOT(2)", 5),
        (top + 17, "Open duos by stage", "=PIVOT(4)", 9),
        (top + 28, "Outcomes by cohort", "=PIVOT(7)", 8),
        (top + 38, "Closing reasons", "=PIVOT(9)", 9),
    ]
    styles = {"A1": 1}
    borders = {}
    def heading(row, title):
        cells[f"A{row}"] = t(title)
        styles[f"A{row}"] = 2
        borders[f"A{row}:H{row}"] = 1

    def copy_rows(first_row, sources, columns):
        """Rows of the Data sheet shown from ``first_row`` on: its column A, B, C... into
        the dashboard's ``columns`` (the label always in A)."""
        for row, source in enumerate(sources, start=first_row):
            for column, data_column in zip(("A", *columns), "ABC", strict=False):
                cells[f"{column}{row}"] = f"=Data!{data_column}{source}"

    for row, title, formula, _height in sections:
        heading(row, title)
        cells[f"A{row + 1}"] = formula
    at_risk = top + 49
    heading(at_risk, "Duos at risk")
    copy_rows(at_risk + 1, range(11, 16), ["C"])
    targets_row = at_risk + 7
    heading(targets_row, "Outcomes against the published targets")
    copy_rows(targets_row + 1, range(18, 23), ["D", "E"])
    after = targets_row + 7
    copy_rows(after, range(24, 29), ["D"])
    sessions = after + 7
    heading(sessions, "Matching sessions")
    copy_rows(sessions + 1, range(6, 10), ["C"])
    formats = {
        f"D{targets_row + 2}:E{targets_row + 5}": 1, f"D{after + 1}:D{after + 4}": 1,
        f"C{sessions + 4}": 1, f"C{at_risk + 5}": 2,
    }
    dashboard = sheet(
        "duo-programme-dashboard", "Dashboard", cells, figures, styles=styles,
        formats=formats, borders=borders, row_number=sessions + 10, col_number=12,
        cols={str(k): {"size": 100} for k in range(12)},
    )
    filters = [period_filter(), centre_filter(),
               {"id": COHORT, "type": "text", "label": "Cohort"}]
    return spreadsheet([dashboard, data_sheet], pivots, filters)


# ---------------------------------------------------------------------------------------------
# Volunteers and fundraising: their own audiences (volunteer coordinators, fundraisers)
# ---------------------------------------------------------------------------------------------
def volunteers():
    hours = matching(date="date")
    pivots = [
        pivot("1", "Approved volunteer hours", "duo.volunteer.hour", [("hours", "sum")],
              domain=[("state", "=", "approved")], fields_matching=hours),
        pivot("2", "Volunteer hours by centre", "duo.volunteer.hour", [("hours", "sum")],
              rows=["centre_id"], domain=[("state", "=", "approved")], fields_matching=hours),
        pivot("3", "Volunteer hours by kind of help", "duo.volunteer.hour", [("hours", "sum")],
              rows=["help_kind_id"], domain=[("state", "=", "approved")],
              fields_matching=hours),
    ]
    cells = {
        "A1": t("DUO volunteers"),
        "A20": t("Volunteer hours by centre"), "A21": "=PIVOT(2)",
        "A32": t("Volunteer hours by kind of help"), "A33": "=PIVOT(3)",
        "N1": t("Approved hours"), "N2": '=PIVOT.VALUE(1,"hours:sum")',
    }
    figures = [
        scorecard("duo-sc-hours", "Approved volunteer hours", "Dashboard!N2", 0, 40),
        odoo_chart("duo-ch-hours", "bar", "Approved volunteer hours per month",
                   "duo.volunteer.hour", ["date:month"], "hours", 210, 40, 980, 380,
                   domain=[["state", "=", "approved"]], fields_matching=hours,
                   legend="none"),
    ]
    dashboard = sheet("duo-volunteers-dashboard", "Dashboard", cells, figures,
                      styles={"A1": 1, "A20": 2, "A32": 2}, formats={"N2": 3},
                      borders={"A20:H20": 1, "A32:H32": 1}, row_number=60,
                      cols={str(k): {"size": 100} for k in range(12)})
    return spreadsheet([dashboard], pivots, [period_filter(), centre_filter()])


def fundraising():
    dated = {PERIOD: {"chain": "date", "type": "date", "offset": 0}}
    pivots = [
        pivot("1", "Campaigns", "duo.campaign.report",
              [("raised_amount", "sum"), ("target_amount", "sum"), ("gift_count", "sum")],
              rows=["campaign_id"], fields_matching=dated),
    ]
    data = {"A1": t("Campaign"), "B1": t("Raised"), "C1": t("Target"), "D1": t("Progress"),
            "A12": t("All campaigns"), "B12": '=PIVOT.VALUE(1,"raised_amount:sum")',
            "C12": '=PIVOT.VALUE(1,"target_amount:sum")', "D12": "=IF(C12>0,B12/C12,0)"}
    for index in range(1, 11):
        row = index + 1
        data[f"A{row}"] = f'=PIVOT.HEADER(1,"#campaign_id",{index})'
        data[f"B{row}"] = f'=PIVOT.VALUE(1,"raised_amount:sum","#campaign_id",{index})'
        data[f"C{row}"] = f'=PIVOT.VALUE(1,"target_amount:sum","#campaign_id",{index})'
        data[f"D{row}"] = f'=IF(N(C{row})>0,B{row}/C{row},"")'
    data_sheet = sheet("duo-fundraising-data", "Data", data, col_number=6, row_number=20,
                       cols={"0": {"size": 260}, "1": {"size": 120}, "2": {"size": 120},
                             "3": {"size": 100}},
                       styles={"A1:D1": 3, "A12:D12": 3},
                       formats={"B2:C12": 4, "D2:D12": 1})
    cells = {"A1": t("DUO fundraising"), "A22": t("Campaigns"), "A23": "=PIVOT(1)"}
    figures = [
        scorecard("duo-sc-raised", "Raised", "Data!B12", 0, 40),
        scorecard("duo-sc-target", "Target", "Data!C12", 202, 40),
        scorecard("duo-sc-progress", "Progress", "Data!D12", 404, 40),
        bar_chart("duo-ch-campaigns", "Raised against the target, per campaign",
                  "Data!A2:A11", ["Data!B1:B11", "Data!C1:C11"], 0, 160, 1190, 320),
    ]
    dashboard = sheet("duo-fundraising-dashboard", "Dashboard", cells, figures,
                      styles={"A1": 1, "A22": 2}, borders={"A22:H22": 1}, row_number=50,
                      cols={str(k): {"size": 100} for k in range(12)})
    return spreadsheet([dashboard, data_sheet], pivots, [period_filter()])


def main():
    for name, builder in (("duo_programme_dashboard.json", programme),
                          ("duo_volunteers_dashboard.json", volunteers),
                          ("duo_fundraising_dashboard.json", fundraising)):
        path = FILES / name
        path.write_text(json.dumps(builder(), indent=1, ensure_ascii=False) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
