import logging
from datetime import date

from lxml import etree
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.duo_mentoring.tests.common import client_eval

_logger = logging.getLogger(__name__)

# The views the web client opens from a menu, and how it reads their records.
READ_VIEWS = ("list", "kanban", "form", "calendar")
DUO_MODULE_PREFIXES = ("duo", "website_duo")
ROOT_MENU = "duo_mentoring.duo_root_menu"


def is_duo(module):
    return module.startswith(DUO_MODULE_PREFIXES)


@tagged("post_install", "-at_install", "duo_crawl")
class TestDuoCrawl(TransactionCase):
    """Every DUO menu opens, and every DUO form saves a new record, as every DUO group: what a
    user of each role meets on their first clicks. Runs with and without demo data (`make test`
    runs it once more on the demo database)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = cls.env["ir.model.data"].search([
            ("model", "=", "res.groups"), ("module", "=like", "%duo%"),
        ])
        cls.duo_groups = cls.env["res.groups"].browse(
            groups.filtered(lambda data: is_duo(data.module)).mapped("res_id"))
        centres = cls.env["duo.centre"].search([])
        cls.users = {
            group: new_test_user(
                cls.env, login=f"crawl_{group.id}", name=f"Crawl {group.name}",
                groups=f"base.group_user,{group.get_external_id()[group.id]}",
                duo_centre_ids=[Command.set(centres.ids)],
            )
            for group in cls.duo_groups
        }

    def _duo_apps(self):
        """The DUO apps: DUO, Volunteers, Fundraising."""
        roots = self.env["ir.ui.menu"].search([("parent_id", "=", False)])
        xmlids = roots.get_external_id()
        return roots.filtered(lambda root: is_duo(xmlids[root.id].split(".")[0]))

    def test_apps_and_top_menus_fit(self):
        """Volunteers and fundraising are apps of their own; the DUO app keeps to seven
        top-level menus (French and Dutch labels fit, Configuration stays visible)."""
        self.assertEqual(set(self._duo_apps().get_external_id().values()), {
            ROOT_MENU, "duo_volunteers.duo_volunteers_root_menu",
            "duo_fundraising.duo_fundraising_root_menu",
        })
        for group, user in self.users.items():
            visible_ids = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            top = self.env.ref(ROOT_MENU).child_id & self.env["ir.ui.menu"].browse(visible_ids)
            self.assertLessEqual(len(top), 7, f"{group.name}: {top.mapped('name')}")

    def _duo_menus(self, user):
        """The DUO menus this user sees that open a window action."""
        Menu = self.env["ir.ui.menu"].with_user(user)
        roots = self._duo_apps()
        # Actions are read as the web client loads them (/web/action/load, with sudo).
        visible_ids = Menu._visible_menu_ids()
        visible = self.env["ir.ui.menu"].browse(visible_ids)
        # The web client shows a menu only under visible parents.
        return visible.filtered(
            lambda menu: any(menu.parent_path.startswith(root.parent_path) for root in roots)
            and all(int(menu_id) in visible_ids for menu_id in menu.parent_path.split("/")[:-1])
            and menu.action and menu.action._name == "ir.actions.act_window"
        )

    def _open(self, user, action):
        """What the web client does when the menu is clicked: evaluate the action's domain
        and context, load each view, read the first page of records."""
        env = self.env(user=user)
        domain = client_eval(env, action.domain) or []
        context = client_eval(env, action.context) or {}
        Model = env[action.res_model].with_context(**context)
        for view_type in action.view_mode.split(","):
            views = Model.get_views([(False, view_type)])
            if view_type in READ_VIEWS and view_type != "form":
                arch = etree.fromstring(views["views"][view_type]["arch"])
                # The fields the view shows (not those of its sub-views), as the client asks.
                names = {node.get("name") for node in arch.iter("field")
                         if not any(parent.tag == "field" for parent in node.iterancestors())}
                Model.web_search_read(domain, {name: {} for name in names}, limit=80)
        return Model

    def test_every_menu_opens_as_every_group(self):
        opened = 0
        for group, user in self.users.items():
            for menu in self._duo_menus(user):
                with self.subTest(group=group.name, menu=menu.complete_name):
                    try:
                        self._open(user, menu.action)
                    except Exception as exc:  # noqa: BLE001 - every failure is reported
                        self.fail(f"{menu.complete_name} as {group.name}: "
                                  f"{type(exc).__name__}: {exc}")
                    opened += 1
        self.assertGreater(opened, len(self.users), "every group reaches some DUO menu")

    def test_every_form_saves_a_new_record_as_every_group(self):
        saved = 0
        for group, user in self.users.items():
            for menu in self._duo_menus(user):
                action = menu.action
                Model = self.env[action.res_model].with_user(user)
                if "form" not in action.view_mode or not Model.has_access("create") \
                        or not is_duo(action.res_model.replace(".", "_")):
                    continue
                with self.subTest(group=group.name, menu=menu.complete_name):
                    context = client_eval(Model.env, action.context) or {}
                    try:
                        # A constraint violation is refused with its message; the database's
                        # own log line about it is expected here.
                        with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                            form = Form(Model.with_context(**context))
                            if not fill_required(form):
                                continue  # nothing to pick a required value from yet
                            form.save()
                    except (UserError, ValidationError, AccessError, IntegrityError) as exc:
                        # A clear, translated refusal is what users get (constraint
                        # violations come with the constraint's message): not a crash.
                        _logger.info("%s as %s refused: %s", menu.complete_name, group.name,
                                     exc)
                    except Exception as exc:  # noqa: BLE001 - every crash is reported
                        self.fail(f"New record from {menu.complete_name} as {group.name}: "
                                  f"{type(exc).__name__}: {exc}")
                    else:
                        saved += 1
        self.assertGreater(saved, 0)


def fill_required(form):
    """Give every empty, editable, required field of a Form a plausible value, as a user
    would (the first record or choice offered, today, a short text)."""
    env = form._record.env
    fillable = True
    for name, info in form._view["fields"].items():
        if info["type"] == "one2many" or form[name] \
                or not form._get_modifier(name, "required") \
                or form._get_modifier(name, "readonly") or form._get_modifier(name, "invisible"):
            continue
        if info["type"] in ("char", "text", "html"):
            form[name] = f"Crawl {name}"
        elif info["type"] in ("integer", "float", "monetary"):
            form[name] = 1
        elif info["type"] in ("date", "datetime"):
            form[name] = date.today()
        elif info["type"] == "selection" and info.get("selection"):
            form[name] = info["selection"][0][0]
        elif info["type"] in ("many2one", "many2many"):
            target = env[info["relation"]].search([], limit=1)
            if target:
                form[name] = target
            else:
                fillable = False
    # A required field the user cannot fill (read-only until a later step, or nothing to
    # choose from) leaves the form as the user would: unsaved.
    return fillable and not any(
        not form[name] and form._get_modifier(name, "required")
        and form._get_modifier(name, "readonly")
        for name, info in form._view["fields"].items() if info["type"] != "one2many"
    )
