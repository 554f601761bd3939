"""The interface translations: complete, well-formed, compiled, and covering every string the code marks."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.locale_files import LOCALE_DIR, compile_po, po_files, problems

ROOT = Path(__file__).resolve().parents[2]
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What `make messages` reads: the project's own code and templates.
SOURCES = ["config", "home", "progress", "newsletters", "resources", "schools", "templates", "manage.py"]


def test_every_configured_language_has_a_po_file():
    assert OTHER_LANGUAGES, "the demo ships more than one language"
    for code in OTHER_LANGUAGES:
        assert (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").exists(), code


@pytest.mark.parametrize("path", po_files(), ids=lambda path: path.parts[-3])
def test_po_file_has_a_translation_for_every_entry(path):
    """No empty or fuzzy msgstr, and the same placeholders as the English (a broken one would crash a page)."""
    assert problems(path) == []


@pytest.mark.parametrize("path", po_files(), ids=lambda path: path.parts[-3])
def test_po_file_declares_its_language_and_plural_forms(path):
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == path.parts[-3]
    assert "nplurals=" in po.metadata["Plural-Forms"]
    assert not po.metadata_is_fuzzy


def test_po_files_compile_with_polib(tmp_path):
    """What `make compilemessages` does on a machine without gettext."""
    for path in po_files():
        copy = tmp_path / path.parts[-3] / "django.po"
        copy.parent.mkdir()
        shutil.copy(path, copy)
        assert compile_po(copy, force=True)
        catalogue = polib.mofile(str(copy.with_suffix(".mo")))
        assert len(catalogue) == len(polib.pofile(str(path)).translated_entries())


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="makemessages needs gettext's xgettext")
def test_every_marked_string_is_in_the_po_files(tmp_path):
    """Run `make messages` on a copy of the code: nothing new may appear untranslated."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        elif source.exists():
            shutil.copy(source, tmp_path / name)
    shutil.copytree(LOCALE_DIR, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    subprocess.run(  # noqa: S603 - our own interpreter running our own manage.py
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-obsolete",
            "--ignore=tests",
            *[f"--locale={code}" for code in OTHER_LANGUAGES],
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)},
    )
    untranslated = {}
    for code in OTHER_LANGUAGES:
        fresh = polib.pofile(str(tmp_path / "locale" / code / "LC_MESSAGES" / "django.po"))
        committed = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
        assert {entry.msgid for entry in fresh} == {entry.msgid for entry in committed if not entry.obsolete} | {
            entry.msgid for entry in fresh if not entry.translated()
        }, "the committed .po file has entries the code no longer uses: run make messages"
        untranslated[code] = [entry.msgid for entry in fresh if not entry.translated()]
    assert untranslated == {code: [] for code in OTHER_LANGUAGES}, "run make messages and translate these"
