"""Plain pytest for the matching engine, without Odoo: the engine is imported standalone as
``matching_engine`` (``addons/duo_matching`` on ``sys.path``), never through ``odoo.addons``
(pytest.ini, beside this file, keeps pytest from importing the add-on package).

Run from the repository root:
``python3 -m pytest -q -p no:odoo -p no:cacheprovider addons/duo_matching/matching_engine/tests``
"""

import sys
from pathlib import Path

from hypothesis import settings

ADDON_DIR = Path(__file__).resolve().parents[2]
if str(ADDON_DIR) not in sys.path:
    # Appended, not prepended: the add-on's other folders (models, tests) shadow nothing.
    sys.path.append(str(ADDON_DIR))

# No example database on disk: the tests also run from read-only checkouts (docker-compose).
settings.register_profile("duo_matching_engine", database=None)
settings.load_profile("duo_matching_engine")
