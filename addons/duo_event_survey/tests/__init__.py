from . import test_duo_training_evaluation
