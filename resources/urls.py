"""Non-page URLs of the resources app (pages route themselves through Wagtail)."""

urlpatterns = []
