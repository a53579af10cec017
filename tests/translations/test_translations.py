# labels: unit
"""The committed translations (translations/*.ts) are complete and faithful to the code.

Fails when an entry is unfinished, vanished or obsolete; when a translation drops or adds a
placeholder (%1..%99, %n) or an accelerator; or when lupdate, run on today's sources, finds a
string (context + source) that the .ts files do not have yet: run
`cmake --build BUILD --target update_translations` and translate the new entries.
"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

SOURCE_DIR = Path(os.environ.get("SWB_SOURCE_DIR", Path(__file__).resolve().parents[2]))
TS_DIR = SOURCE_DIR / "translations"
# The folders whose strings the window and swb show (translations/CMakeLists.txt lists the same).
SOURCE_FOLDERS = ["app/cli", "app/gui", "runner/ui", "editor", "providers/ui"]
LANGUAGES = ["de", "zh_CN"]
LUPDATE = shutil.which("lupdate", path="/usr/lib/qt6/bin") or shutil.which("lupdate6") \
    or shutil.which("lupdate")

PLACEHOLDER = re.compile(r"%(?:n|L?\d{1,2})")


def ts_path(language):
    return TS_DIR / f"serverless-workbench_{language}.ts"


def messages(path):
    """(context, source, message element) for every message in a .ts file."""
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message


def translations_of(message):
    t = message.find("translation")
    forms = t.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [t.text or ""]


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def has_accelerator(text):
    return re.search(r"&(?!&)\S", text.replace("&&", "")) is not None


class TranslationFiles(unittest.TestCase):
    def test_every_language_has_a_ts_file(self):
        for language in LANGUAGES:
            self.assertTrue(ts_path(language).is_file(), ts_path(language))

    def test_no_entry_is_unfinished_vanished_or_obsolete(self):
        for language in LANGUAGES:
            bad = []
            for context, source, message in messages(ts_path(language)):
                kind = message.find("translation").get("type")
                if kind in ("unfinished", "vanished", "obsolete"):
                    bad.append(f"{context}: {source!r} ({kind})")
                elif not all(translations_of(message)):
                    bad.append(f"{context}: {source!r} (empty translation)")
            self.assertEqual(bad, [], f"{language}: {len(bad)} entries to translate")

    def test_translations_keep_placeholders_and_accelerators(self):
        for language in LANGUAGES:
            bad = []
            for context, source, message in messages(ts_path(language)):
                numerus = message.get("numerus") == "yes"
                forms = translations_of(message)
                expected_forms = 2 if language == "de" else 1
                if numerus and len(forms) != expected_forms:
                    bad.append(f"{context}: {source!r}: {len(forms)} plural forms")
                want = placeholders(source)
                for form in forms:
                    if placeholders(form) != want:
                        bad.append(f"{context}: {source!r} -> {form!r}: placeholders "
                                   f"{placeholders(form)} instead of {want}")
                    if has_accelerator(source) != has_accelerator(form):
                        bad.append(f"{context}: {source!r} -> {form!r}: accelerator")
            self.assertEqual(bad, [], language)


class EnglishPlurals(unittest.TestCase):
    """serverless-workbench_en.ts holds only the plural forms of English ("%n line(s)")."""

    def test_every_plural_of_the_other_languages_has_english_forms(self):
        english = {(c, s): m for c, s, m in messages(ts_path("en"))}
        for context, source, message in messages(ts_path("de")):
            if message.get("numerus") != "yes":
                continue
            self.assertIn((context, source), english, "run the update_translations target")
        bad = []
        for (context, source), message in english.items():
            forms = translations_of(message)
            if message.get("numerus") != "yes" or message.find("translation").get("type"):
                bad.append(f"{context}: {source!r}: not a finished plural")
            elif len(forms) != 2 or not all(forms):
                bad.append(f"{context}: {source!r}: needs a singular and a plural form")
            elif any(placeholders(f) != placeholders(source) for f in forms):
                bad.append(f"{context}: {source!r}: placeholders changed")
        self.assertEqual(bad, [])


@unittest.skipIf(LUPDATE is None, "lupdate is not installed (qt6-l10n-tools)")
class SourcesAgainstTsFiles(unittest.TestCase):
    def test_every_string_in_the_code_is_in_the_ts_files(self):
        for language in LANGUAGES:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts_path(language).name
                shutil.copy(ts_path(language), copy)
                run = subprocess.run(
                    [LUPDATE, "-locations", "none", "-no-obsolete",
                     *[str(SOURCE_DIR / f) for f in SOURCE_FOLDERS], "-ts", str(copy)],
                    capture_output=True, text=True, check=False)
                self.assertEqual(run.returncode, 0, run.stderr)
                committed = {(c, s) for c, s, _ in messages(ts_path(language))}
                current = {(c, s) for c, s, _ in messages(copy)}
                new = sorted(current - committed)
                gone = sorted(committed - current)
                self.assertEqual(new, [], f"{language}: strings in the code missing from the "
                                 "translations; run the update_translations target")
                self.assertEqual(gone, [], f"{language}: entries no longer in the code")


if __name__ == "__main__":
    unittest.main()
