"""Several app servers behind haproxy on one database, as deploy/ documents it, on loopback."""

from __future__ import annotations

import datetime
import ipaddress
import os
import pwd
import secrets
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from deploy.haproxy import SERVER_COOKIE, process_lines, render, server_name
from tests.browser import AppServer
from tests.postgres import free_port

# What a Playwright context needs for the cluster's self-signed certificate.
BROWSER_OPTIONS: dict[str, Any] = {"ignore_https_errors": True}


class HaproxyMissing(RuntimeError):
    """haproxy is not installed (Debian package 'haproxy')."""


def haproxy_path() -> str:
    found = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(found).exists():
        raise HaproxyMissing("haproxy (Debian package 'haproxy') is needed")
    return found


def self_signed_certificate(pem: Path) -> None:
    """Write a certificate for 127.0.0.1 and its key into one PEM file, as haproxy wants."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    pem.write_bytes(
        certificate.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


class Cluster:
    """N app servers and haproxy in front of them; ``base`` is the address users open.

    ``base`` is https (a self-signed certificate in ``certificate``: pass BROWSER_OPTIONS to a
    Playwright context, or ``ssl_context()`` to a client); ``http_base`` only redirects to it.
    Servers are numbered from 0 in ``servers``; haproxy calls server i "app{i+1}".
    """

    def __init__(self, servers: list[AppServer], base: str, http_base: str, home: Path):
        self.servers = servers
        self.base = base
        self.http_base = http_base
        self.home = home
        self.certificate = home / "kernbrief.pem"
        self.admin_socket = home / "admin.sock"
        self.config = home / "haproxy.cfg"
        self.proxy: subprocess.Popen[bytes] | None = None

    # --- which server serves whom ---------------------------------------------------------
    def name(self, index: int) -> str:
        return server_name(index + 1)

    def served_by(self, cookies: Iterable[Mapping[str, Any]]) -> int | None:
        """The server a browser sticks to, from its cookies (Playwright's context.cookies())."""
        for cookie in cookies:
            if cookie["name"] == SERVER_COOKIE:
                names = [self.name(i) for i in range(len(self.servers))]
                return names.index(cookie["value"]) if cookie["value"] in names else None
        return None

    def pin(self, context: Any, index: int) -> None:
        """Send a Playwright context's next requests to server ``index``, as its cookie would."""
        context.add_cookies(
            [
                {
                    "name": SERVER_COOKIE,
                    "value": self.name(index),
                    "url": self.base,
                    "httpOnly": True,
                    "secure": True,
                    "sameSite": "Lax",
                }
            ]
        )

    def ssl_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts the cluster's own certificate."""
        return ssl.create_default_context(cafile=str(self.certificate))

    # --- haproxy's view -------------------------------------------------------------------
    def _stat(self, column: str) -> dict[int, str]:
        """One column of haproxy's statistics ("show stat") for each server."""
        with socket.socket(socket.AF_UNIX) as admin:
            admin.connect(str(self.admin_socket))
            admin.sendall(b"show stat -1 4 -1\n")
            answer = b""
            while chunk := admin.recv(65536):
                answer += chunk
        lines = answer.decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        names = {self.name(index): index for index in range(len(self.servers))}
        found: dict[int, str] = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("svname") in names:
                found[names[row["svname"]]] = row[column]
        return found

    def states(self) -> dict[int, str]:
        """Each server's state as haproxy sees it ("UP", "DOWN", "UP 1/2", ...)."""
        return self._stat("status")

    def requests_served(self) -> dict[int, int]:
        """How many requests and websockets haproxy has sent to each server so far."""
        return {index: int(count) for index, count in self._stat("stot").items()}

    def wait_for(self, index: int, state: str, timeout: float = 60) -> None:
        """Wait until haproxy reports server ``index`` in ``state`` ("UP" or "DOWN")."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.states().get(index) == state:
                return
            time.sleep(0.2)
        raise TimeoutError(f"{self.name(index)} is not {state}: {self.states()}")

    # --- servers going away and coming back ----------------------------------------------
    def kill(self, index: int) -> None:
        """SIGKILL server ``index``, as a crash would; haproxy finds out by itself."""
        self.servers[index].kill()

    def start(self, index: int) -> None:
        """Start server ``index`` again on its port and wait until haproxy sends it traffic."""
        self.servers[index].start()
        self.wait_for(index, "UP")

    def _start_proxy(self, log: Path, user: str | None) -> None:
        with log.open("a") as output:
            self.proxy = subprocess.Popen(
                [haproxy_path(), "-db", "-f", str(self.config)],
                stdout=output,
                stderr=subprocess.STDOUT,
                user=user,
                cwd=self.home,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proxy.poll() is not None:
                raise RuntimeError("haproxy did not start: " + log.read_text())
            try:
                if all(state == "UP" for state in self.states().values()) and _healthy(self):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("haproxy did not come up: " + log.read_text())

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.terminate()
            try:
                self.proxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proxy.kill()
                self.proxy.wait(timeout=10)
            self.proxy = None
        for server in self.servers:
            if server.process is not None:
                server.process.terminate()
        for server in self.servers:
            server.stop()


def _healthy(cluster: Cluster) -> bool:
    with urllib.request.urlopen(
        f"{cluster.base}/_stcore/health", timeout=5, context=cluster.ssl_context()
    ) as answer:
        return bool(answer.read() == b"ok")


@contextmanager
def running_cluster(
    database_url: str, log_dir: Path, servers: int = 2, **env: str
) -> Iterator[Cluster]:
    """Run ``servers`` app servers on ``database_url`` behind haproxy; stop all afterwards.

    Every server gets what deploy/kernbrief.env.example asks for: the public URL (the proxy),
    secure cookies, the proxy as the one trusted proxy, and one shared signing key (the
    environment's KERNBRIEF_SECRET_KEY, else a fresh one); ``env`` adds to or overrides it.
    haproxy runs the configuration deploy/haproxy.py renders, on free loopback ports, as an
    unprivileged user. Logs go to ``log_dir`` (server-1.log, ..., haproxy.log).
    """
    haproxy_path()
    home = Path(tempfile.mkdtemp(prefix="kernbrief-haproxy-"))
    user: str | None = None
    if os.geteuid() == 0:
        # haproxy needs no privilege on loopback ports above 1024; it gets none.
        user = "nobody"
        account = pwd.getpwnam(user)
        os.chown(home, account.pw_uid, account.pw_gid)
    home.chmod(0o755)
    http_port, https_port = free_port(), free_port()
    base = f"https://127.0.0.1:{https_port}"
    shared = {
        "KERNBRIEF_PUBLIC_URL": base,
        "KERNBRIEF_SECURE_COOKIES": "1",
        "KERNBRIEF_TRUSTED_PROXIES": "127.0.0.1",
        "KERNBRIEF_SECRET_KEY": os.environ.get("KERNBRIEF_SECRET_KEY") or secrets.token_urlsafe(48),
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_urlsafe(48),
        **env,
    }
    log_dir.mkdir(parents=True, exist_ok=True)
    app_servers = [
        AppServer(database_url, log_dir / f"server-{n}.log", **shared)
        for n in range(1, servers + 1)
    ]
    cluster = Cluster(app_servers, base, f"http://127.0.0.1:{http_port}", home)
    self_signed_certificate(cluster.certificate)
    cluster.certificate.chmod(0o644)
    cluster.config.write_text(
        render(
            [f"127.0.0.1:{server.port}" for server in app_servers],
            public_url=base,
            certificate=str(cluster.certificate),
            http_address=f"127.0.0.1:{http_port}",
            https_address=f"127.0.0.1:{https_port}",
            process=process_lines(str(cluster.admin_socket)),
        )
    )
    try:
        with ThreadPoolExecutor(max_workers=servers) as starting:
            for started in [starting.submit(server.start) for server in app_servers]:
                started.result()
        cluster._start_proxy(log_dir / "haproxy.log", user)
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(home, ignore_errors=True)
