from . import (
    test_portal_a11y,
    test_portal_access,
    test_portal_flow,
    test_portal_http,
    test_portal_sign,
    test_portal_tour,
)
