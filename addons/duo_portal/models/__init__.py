from . import duo_goal, duo_meeting, duo_pair, duo_person_mixin
