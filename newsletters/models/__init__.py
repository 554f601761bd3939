"""Models of the newsletters part of the site."""

from .pages import NewsletterIndexPage, NewsletterPage
from .sending import Delivery, Send
from .subscribers import Consent, RecommendationFollow, SignUp, Subscriber
from .topics import Topic

__all__ = [
    "Consent",
    "Delivery",
    "NewsletterIndexPage",
    "NewsletterPage",
    "RecommendationFollow",
    "Send",
    "SignUp",
    "Subscriber",
    "Topic",
]
