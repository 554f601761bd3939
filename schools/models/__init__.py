"""Models of the schools part of the site: the register, staff accounts, pages."""

from .elearning import ELearningIndexPage, ELearningModulePage, LessonProgress, ModuleCompletion, ModuleLesson
from .pages import BriefingPage, HubFeaturedResource, SchoolsHubPage
from .register import School, StaffEmailDomain, StaffProfile
from .requests import SessionRequest, SessionRequestFormField, SessionRequestPage

__all__ = [
    "BriefingPage",
    "ELearningIndexPage",
    "ELearningModulePage",
    "HubFeaturedResource",
    "LessonProgress",
    "ModuleCompletion",
    "ModuleLesson",
    "School",
    "SchoolsHubPage",
    "SessionRequest",
    "SessionRequestFormField",
    "SessionRequestPage",
    "StaffEmailDomain",
    "StaffProfile",
]
