from datetime import date, timedelta

from odoo.tests import tagged

from odoo.addons.duo_mentoring.tests.common import DuoCommon


@tagged("post_install", "-at_install")
class TestSensitiveDataStaysRestricted(DuoCommon):
    """A field computed from a restricted field (special-category data, a donor's registry
    number...) must be restricted to the same groups, or redacted by design and listed in
    its model's `_duo_redacted_fields`."""

    def _is_duo_restricted(self, field):
        """Restricted by DUO to some of its groups (Odoo's own technical restrictions, such as
        activities for employees, are not personal data)."""
        return any(group.split(".")[0].startswith("duo")
                   for group in (field.groups or "").split(",") if group)

    def _restricted_sources(self, field):
        """Restricted fields that `field` is computed from, following its dependency paths
        through relations."""
        found = []
        for path in self.registry.field_depends.get(field, ()):
            model_name = field.model_name
            for part in path.split("."):
                source = self.env[model_name]._fields.get(part)
                if source is None:
                    break
                if source is not field and self._is_duo_restricted(source):
                    found.append(source)
                model_name = source.comodel_name or model_name
        return found

    def test_every_field_computed_from_restricted_data_is_restricted_or_redacted(self):
        leaks = []
        for model_name, model in self.env.registry.items():
            redacted = set(getattr(model, "_duo_redacted_fields", ()))
            for name, field in model._fields.items():
                ours = model_name.startswith("duo.") or (field._module or "").startswith("duo")
                if not ours or not (field.compute or field.related) or name in redacted:
                    continue
                for source in self._restricted_sources(field):
                    own = set((field.groups or "").split(","))
                    allowed = set(source.groups.split(","))
                    if not field.groups or not own <= allowed:
                        leaks.append(f"{model_name}.{name} <- {source}")
        self.maxDiff = None
        self.assertEqual(leaks, [])

    def test_the_eligibility_explanation_is_redacted_without_the_sensitive_group(self):
        self.centre_bxl.mentee_requires_permit = True
        expired = date.today() - timedelta(days=30)
        mentee = self.create_mentee(stage="interview", residence_valid_until=expired)
        as_coordinator = mentee.with_user(self.user_coordinator_bxl)
        self.assertFalse(as_coordinator.is_eligible)
        self.assertNotIn(str(expired), as_coordinator.eligibility_issues)
        self.assertIn("has expired", as_coordinator.eligibility_issues)
        sensitive = self.user_manager  # managers have the sensitive group
        self.assertIn(str(expired), mentee.with_user(sensitive).eligibility_issues)
