"""Compile and check the interface translations in locale/<language>/LC_MESSAGES/django.po.

The .po files are in the repository; the .mo files Django reads are built from
them by `make compilemessages` (which `make run` and `make test` depend on).
polib does the compiling: it is pure Python and already installed for
wagtail-localize, so a fresh machine needs no gettext tools.

    python -m home.locale_files                  compile every stale .mo file
    python -m home.locale_files --check          also fail on empty or broken translations
    python -m home.locale_files locale/ur/LC_MESSAGES/django.po ...   compile these
"""

import re
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sdif]|\{[a-z_]*\}")


def po_files(locale_dir=LOCALE_DIR):
    return sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))


def compile_po(po_path, force=False):
    """Write the .mo file next to the .po file when it is missing or older. Returns True if written."""
    po_path = Path(po_path)
    mo_path = po_path.with_suffix(".mo")
    if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        return False
    polib.pofile(str(po_path), check_for_duplicates=True).save_as_mofile(str(mo_path))
    return True


def compile_all(locale_dir=LOCALE_DIR, force=False):
    return [path for path in po_files(locale_dir) if compile_po(path, force=force)]


def problems(po_path):
    """What is wrong with a .po file: untranslated or fuzzy entries, and placeholders that do not match."""
    found = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        label = f"{po_path}: {entry.msgid!r}"
        if "fuzzy" in entry.flags:
            found.append(f"{label} is marked fuzzy")
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not all(text.strip() for text in translations):
            found.append(f"{label} has no translation")
            continue
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        expected_plural = sorted(PLACEHOLDER.findall(entry.msgid_plural)) if entry.msgid_plural else expected
        for text in translations:
            got = sorted(PLACEHOLDER.findall(text))
            # A plural form may leave out the count (e.g. "one service"), never add or rename a placeholder.
            if not set(got) <= set(expected) | set(expected_plural) or (not entry.msgid_plural and got != expected):
                found.append(f"{label} has placeholders {got}, expected {expected}")
    return found


def main(argv):
    check = "--check" in argv
    paths = [arg for arg in argv if not arg.startswith("--")]
    targets = [Path(path) for path in paths] or po_files()
    failures = [problem for path in targets for problem in problems(path)] if check else []
    for problem in failures:
        print(problem, file=sys.stderr)
    if failures:
        return 1
    for path in targets:
        if compile_po(path, force=bool(paths)):
            print(f"compiled {path.with_suffix('.mo')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
