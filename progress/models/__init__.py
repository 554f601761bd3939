"""Models of the progress tracker."""

from .actions import PriorityAction
from .pages import ProgressIndexPage, RecommendationPage
from .updates import ProgressUpdate, ProgressUpdateEvidence

__all__ = ["PriorityAction", "ProgressIndexPage", "ProgressUpdate", "ProgressUpdateEvidence", "RecommendationPage"]
