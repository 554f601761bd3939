"""The collection that holds professional-only files.

The rule: every file attached to a professional-only resource lives in the
"Professional-only resources" collection (or a collection inside it), and no
file of a public resource does. The schools app's `before_serve_document` hook
refuses that collection's files to anyone but approved staff, even by direct
/documents/ URL; the resource page form enforces the rule when editors save.
"""

from wagtail.models import Collection

PROFESSIONAL_COLLECTION_NAME = "Professional-only resources"


def professional_collection(create=True):
    """The professional-only collection (created under the root collection when missing)."""
    collection = Collection.objects.filter(name=PROFESSIONAL_COLLECTION_NAME).order_by("depth").first()
    if collection is None and create:
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")  # a flushed test database
        collection = root.add_child(name=PROFESSIONAL_COLLECTION_NAME)
    return collection


def is_professional_collection(collection):
    """True for the professional-only collection and any collection inside it."""
    professional = professional_collection(create=False)
    if professional is None or collection is None:
        return False
    return collection.path.startswith(professional.path)
