from . import duo_volunteer_mission
from . import duo_campaign
