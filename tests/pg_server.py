"""A private PostgreSQL server for tests and benchmarks: initdb into a temporary folder, a unix socket there
and a free loopback port, torn down afterwards. Run as the ``postgres`` system user when we are root
(initdb refuses root). Password authentication on TCP (to test a wrong password), trust on the socket.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

PASSWORD = "s3cret-pw"
USER = "translator"


def _bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class Server:
    """A running server: ``url(db)`` with the password over TCP, ``admin(sql)`` as the superuser."""

    def __init__(self, bindir: Path, folder: Path, port: int):
        self.bindir, self.folder, self.port = bindir, folder, port

    def url(self, db: str, password: str = PASSWORD) -> str:
        return f"postgresql://{USER}:{password}@127.0.0.1:{self.port}/{db}"

    def admin(self, sql: str, db: str = "postgres") -> str:
        psql = [str(self.bindir / "psql"), "-h", str(self.folder), "-p", str(self.port), "-d", db]
        done = subprocess.run(
            _as_owner([*psql, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]), capture_output=True, text=True, check=True
        )
        return done.stdout.strip()


@contextlib.contextmanager
def postgres_server() -> Iterator[Server]:
    """Start a throw-away server; raises RuntimeError when it cannot (no PostgreSQL installed, no user)."""
    bindir = _bin()
    if bindir is None or shutil.which("runuser") is None and os.geteuid() == 0:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="transflow-pg-"))
    data = folder / "data"
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        port = _free_port()
        subprocess.run(
            _as_owner([str(bindir / "initdb"), "-D", str(data), "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust"]),
            capture_output=True,
            check=True,
        )
        with open(data / "pg_hba.conf", "w") as hba:  # written as root: postgres only needs to read it
            hba.write("local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n")
        os.chmod(data / "pg_hba.conf", 0o644)
        options = f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run(
            _as_owner(
                [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"]
            ),
            capture_output=True,
            check=True,
        )
        server = Server(bindir, folder, port)
        try:
            server.admin(f"CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}' CREATEDB")
            yield server
        finally:
            subprocess.run(
                _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                capture_output=True,
            )
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"cannot start PostgreSQL: {exc.stderr!r}"[:500]) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
