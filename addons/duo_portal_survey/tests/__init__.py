from . import test_portal_survey, test_portal_survey_http, test_portal_survey_tour
