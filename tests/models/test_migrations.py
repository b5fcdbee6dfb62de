"""The migrations describe the models exactly: a model change without its migration fails here.

``tortoise makemigrations`` runs on a copy of the package (so nothing is written into the
tree) and must find nothing to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import debrief

PACKAGE = Path(debrief.__file__).parent


def test_makemigrations_finds_no_change(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "debrief", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "DEBRIEF_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(tmp_path)}
    env.pop("DEBRIEF_DATABASE_URL", None)
    tortoise = Path(sys.executable).with_name("tortoise")
    result = subprocess.run(
        [str(tortoise), "-c", "debrief.db.TORTOISE_ORM", "makemigrations"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    created = sorted(p.name for p in (tmp_path / "debrief/models/migrations").glob("*_auto_*.py"))
    assert "No changes detected" in result.stdout and not created, (
        f"models and migrations differ: write the migration ({created}): {result.stdout}"
    )
