"""A throw-away PostgreSQL server from Debian's `postgresql` package, for the study-progress tests.

initdb and postgres refuse to run as root, so as root they run as the `postgres` user the
package creates. The cluster lives in a temporary folder on a free port and is deleted on stop.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.support.server import _free_port


def required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"))  # both set by .ci/run


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def require_postgres() -> Path:
    folder = postgres_bin()
    if folder:
        return folder
    message = "PostgreSQL not found under /usr/lib/postgresql: install Debian's `postgresql` package."
    if required():
        pytest.fail(message + " The PostgreSQL test is required in CI.")
    pytest.skip(message + " The PostgreSQL concurrency test is SKIPPED on this machine.")


class PostgresServer:
    def __init__(self, folder: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="bll-postgres-"))
        self.port = _free_port()
        self.folder = folder
        self.as_owner = as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if as_owner:
            shutil.chown(self.root, "postgres")
        self.data = data = self.root / "data"
        subprocess.run(
            [*as_owner, str(folder / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
            check=True,
            capture_output=True,
        )
        self.log = open(self.root / "server.log", "w")  # closed in stop()
        self.process = subprocess.Popen(
            [
                *as_owner,
                str(folder / "postgres"),
                "-D",
                str(data),
                "-p",
                str(self.port),
                "-k",
                str(self.root),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._wait_ready(folder)

    def _wait_ready(self, folder: Path, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [str(folder / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True
            )
            if ready.returncode == 0:
                return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"PostgreSQL did not start on port {self.port}")

    def stop(self) -> None:
        """A fast shutdown through pg_ctl (as the owner: a signal to runuser need not reach postgres)."""
        subprocess.run(
            [*self.as_owner, str(self.folder / "pg_ctl"), "-D", str(self.data), "stop", "-m", "fast"],
            capture_output=True,
        )
        self.process.wait(timeout=60)
        self.log.close()
        shutil.rmtree(self.root, ignore_errors=True)
