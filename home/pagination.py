"""One page of a long list, for the public pages that list many things."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def page_of(items, per_page, number):
    """The page ``number`` (from the query string) of ``items``, and whether it had to fall back.

    A number that is not a page (``?page=x``, ``?page=99``) gives the first page and
    ``True``, so the view can say so instead of failing.
    """
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(number or 1), False
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1), True
