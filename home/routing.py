"""Routing to a child page of a known type in one query.

Wagtail routes a URL one slug at a time, and for each it loads the child page
then its specific type: two queries. A listing page whose children are all of
one type (``subpage_types``) can load the child as that type at once, with any
relations its template shows. A child of another type, or none (a 404), is
left to Wagtail's routing as before.
"""

from django.apps import apps


class ChildRouteMixin:
    """Put before ``Page`` (after ``RoutablePageMixin``, whose own routes still come first)."""

    #: "app_label.ModelName" of the children, and the relations to select with them.
    child_page_model = None
    child_select_related = ()

    def route(self, request, path_components):
        if path_components and self.child_page_model:
            model = apps.get_model(self.child_page_model)
            child = (
                model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*self.child_select_related)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail does: no query for the parent
                return child.route(request, path_components[1:])
        return super().route(request, path_components)
