from . import test_portal_event, test_portal_event_http, test_portal_event_tour
