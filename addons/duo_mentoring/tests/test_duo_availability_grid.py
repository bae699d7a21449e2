from odoo.tests import HttpCase, tagged

from .common import create_test_users


@tagged("post_install", "-at_install")
class TestDuoAvailabilityGrid(HttpCase):
    """The mentee and mentor forms show the weekly availability as a week grid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.coordinator,) = create_test_users(
            cls.env, ("grid_coord", "Grid Coordinator", "duo_mentoring.group_duo_user"))
        centre = cls.env.ref("duo_mentoring.duo_centre_brussels")
        centre.user_ids |= cls.coordinator
        cls.mentee = cls.env["duo.mentee"].create({
            "name": "Grid Mentee Samira",
            "email": "grid.mentee.samira@example.com",
            "centre_id": centre.id,
            "slot_ids": [(6, 0, cls._slots("monday_morning", "wednesday_afternoon").ids)],
        })

    @classmethod
    def _slots(cls, *names):
        return cls.env["duo.availability.slot"].union(
            *(cls.env.ref(f"duo_mentoring.duo_slot_{name}") for name in names))

    def test_forms_use_the_grid(self):
        for model in ("duo.mentee", "duo.mentor"):
            with self.subTest(model=model):
                arch = self.env[model].get_views([(False, "form")])["views"]["form"]["arch"]
                self.assertIn('name="slot_ids" widget="duo_availability_grid"', arch)

    def _run_grid_tour(self, lang):
        """The coordinator, working in `lang`, ticks the mentee's week."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["duo_mentoring"], [lang])
        self.coordinator.lang = lang
        self.start_tour(
            f"/odoo/action-duo_mentoring.duo_mentee_action/{self.mentee.id}",
            f"duo_availability_grid_tour_{lang}", login="grid_coord")
        self.assertEqual(
            self.mentee.slot_ids,
            self._slots("tuesday_evening", "wednesday_afternoon", "saturday_morning"))

    def test_tick_a_week_in_the_grid(self):
        self._run_grid_tour("en_US")

    def test_tick_a_week_in_the_grid_in_french(self):
        self._run_grid_tour("fr_BE")

    def test_tick_a_week_in_the_grid_in_dutch(self):
        self._run_grid_tour("nl_BE")

    def test_grid_unit_tests(self):
        """The widget's hoot tests (rendering, batched changes, read-only ticks)."""
        self.browser_js(
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            "&filter=%40duo_mentoring%2Favailability_grid_field",
            "", "", login="admin", timeout=900,
            success_signal="[HOOT] Test suite succeeded",
            # As web's own suite: any console error that is not from the test runner fails.
            error_checker=lambda message: "[HOOT]" not in message,
        )
