# labels: integration
"""cmake --install lays out a standard tree, and the installed programs work from it.

Installs the build into a temporary DESTDIR, then runs the installed swb: --version, and an
invoke of the installed example, proving that runtimes and examples are found relative to the
install, not the source tree. Checks the desktop file, the AppStream metadata (with the
validators when they are installed), the icons and the man page.
"""
import os
import shutil
import subprocess
import tempfile
import unittest

BINARY_DIR = os.environ["SWB_BINARY_DIR"]
APP_ID = "io.github.serverlessworkbench.Workbench"


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="swb-install-")
        env = dict(os.environ, DESTDIR=cls.tmp)
        subprocess.run(["cmake", "--install", BINARY_DIR, "--prefix", "/usr"],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        cls.prefix = os.path.join(cls.tmp, "usr")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.prefix, *parts)

    def swb(self, *args, cwd=None):
        env = dict(os.environ, SWB_NO_KEYCHAIN="1", HOME=self.tmp)
        return subprocess.run([self.path("bin", "swb"), *args], capture_output=True, text=True,
                              timeout=120, cwd=cwd, env=env)

    def test_layout(self):
        for rel in ["bin/swb", "bin/serverless-workbench",
                    f"share/applications/{APP_ID}.desktop",
                    f"share/metainfo/{APP_ID}.metainfo.xml",
                    f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
                    f"share/icons/hicolor/48x48/apps/{APP_ID}.png",
                    f"share/icons/hicolor/256x256/apps/{APP_ID}.png",
                    "share/man/man1/swb.1",
                    "share/serverless-workbench/examples/hello-python/workbench.json",
                    "share/serverless-workbench/examples/hello-node/workbench.json"]:
            self.assertTrue(os.path.exists(self.path(*rel.split("/"))), rel)
        self.assertFalse(os.path.exists(
            self.path("share", "serverless-workbench", "examples", "hello-python", ".swb")))
        # Every example workspace of the source tree is installed, its database seeds with it.
        examples = os.path.join(os.environ["SWB_SOURCE_DIR"], "examples")
        for name in sorted(os.listdir(examples)):
            source = os.path.join(examples, name)
            if not os.path.exists(os.path.join(source, "workbench.json")):
                continue
            for folder, _, files in os.walk(source):
                if ".swb" in folder.split(os.sep) or "__pycache__" in folder.split(os.sep):
                    continue
                for f in files:
                    rel = os.path.relpath(os.path.join(folder, f), examples)
                    self.assertTrue(os.path.exists(
                        self.path("share", "serverless-workbench", "examples", rel)), rel)
        with open(self.path("share", "man", "man1", "swb.1"), encoding="utf-8") as f:
            page = f.read()
        for command in ["deploy", "invoke", "cost", "simulate"]:
            self.assertIn(f".SS {command}", page)

    def test_version_and_invoke_from_the_install(self):
        version = self.swb("--version")
        self.assertEqual(version.returncode, 0, version.stderr)
        self.assertIn("0.", version.stdout)
        if shutil.which("python3") is None:
            self.skipTest("python3 is needed to run the example")
        # A copy of the installed example, as a user would make one (the install is read-only).
        work = os.path.join(self.tmp, "work")
        shutil.copytree(self.path("share", "serverless-workbench", "examples", "hello-python"), work)
        run = self.swb("invoke", "hello", "--workspace", work, "--json")
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertIn("Hello", run.stdout)

    def test_desktop_and_metainfo_validate(self):
        desktop = self.path("share", "applications", f"{APP_ID}.desktop")
        with open(desktop, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(f"Icon={APP_ID}", text)
        self.assertIn("Exec=serverless-workbench", text)
        if shutil.which("desktop-file-validate"):
            check = subprocess.run(["desktop-file-validate", desktop], capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        if shutil.which("appstreamcli"):
            check = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain",
                                    self.path("share", "metainfo", f"{APP_ID}.metainfo.xml")],
                                   capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)

    def test_a_desktop_menu_lists_it_under_development(self):
        """What a freedesktop menu (GNOME, KDE, Xfce, LXQt) does with the install's share/: find
        the desktop files in XDG_DATA_DIRS/applications, drop hidden ones and those whose program
        is missing, file each under its main category, and show its localized name, comment and
        icon from the hicolor theme."""
        entries = {}
        for data_dir in [self.path("share")]:  # XDG_DATA_DIRS of a system with only this install
            folder = os.path.join(data_dir, "applications")
            for name in os.listdir(folder):
                if name.endswith(".desktop"):
                    entries[name[:-len(".desktop")]] = read_desktop_entry(os.path.join(folder, name))
        self.assertIn(APP_ID, entries)
        entry = entries[APP_ID]
        self.assertEqual(entry["Type"], "Application")
        self.assertNotIn(entry.get("NoDisplay", "false"), ["true"])
        self.assertNotIn(entry.get("Hidden", "false"), ["true"])
        categories = [c for c in entry["Categories"].split(";") if c]
        self.assertIn("Development", categories)  # a registered main category: the menu's folder
        program = entry["Exec"].split()[0]
        self.assertTrue(os.access(self.path("bin", program), os.X_OK), program)
        for size in ["scalable", "48x48", "256x256"]:
            found = [ext for ext in ["svg", "png"] if os.path.exists(self.path(
                "share", "icons", "hicolor", size, "apps", f"{entry['Icon']}.{ext}"))]
            self.assertTrue(found, f"no {size} icon named {entry['Icon']}")
        # The menu of a German or Chinese desktop shows the translated comment.
        self.assertIn("Serverless-Funktionen", entry["GenericName[de]"])
        self.assertIn("bereitstellen", entry["Comment[de]"])
        self.assertIn("无服务器函数", entry["Comment[zh_CN]"])
        self.assertIn("冷启动", entry["Keywords[zh_CN]"])


def read_desktop_entry(path):
    """The [Desktop Entry] group's keys (Name[de] kept as its own key)."""
    values = {}
    group = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                group = line[1:-1]
                continue
            if group == "Desktop Entry" and "=" in line:
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip()
    return values


if __name__ == "__main__":
    unittest.main()
