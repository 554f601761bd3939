from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from wagtail.signals import published

        from config.frontend_cache import purge_pages_when_changed
        from newsletters import signals
        from newsletters.models import Topic

        purge_pages_when_changed(Topic, signals.pages_showing_topic)
        # The sender is checked inside the handler, so this works before (or without) the progress app's models.
        published.connect(signals.progress_update_published, dispatch_uid="newsletters.progress_update_published")
        try:
            from anymail.signals import tracking
        except ImportError:  # django-anymail is optional
            return
        tracking.connect(signals.email_tracking_event, dispatch_uid="newsletters.email_tracking_event")
