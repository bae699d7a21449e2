from . import test_duo_mission_campaign
