"""Write haproxy's configuration for N Kernbrief servers from the template deploy/haproxy.cfg."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg"
# The cookie haproxy inserts to keep a browser on its server (values "app1", "app2", ...).
SERVER_COOKIE = "kernbrief_server"
# haproxy as Debian's haproxy.service runs it: logging to syslog, chrooted, as user haproxy.
SYSTEM_PROCESS = (
    "log /dev/log local0",
    "chroot /var/lib/haproxy",
    "stats socket /run/haproxy/admin.sock mode 660 level admin",
    "stats timeout 30s",
    "user haproxy",
    "group haproxy",
)


def server_name(number: int) -> str:
    """The name of the ``number``-th app server (from 1) in haproxy and in its cookie."""
    return f"app{number}"


def process_lines(admin_socket: str | None = None) -> tuple[str, ...]:
    """The global lines of an unprivileged haproxy in the foreground: log to stdout."""
    lines = ["log stdout format raw local0"]
    if admin_socket:
        lines.append(f"stats socket {admin_socket} mode 600 level admin")
    return tuple(lines)


def render(
    servers: list[str],
    *,
    public_url: str,
    certificate: str,
    http_address: str = ":80",
    https_address: str = ":443",
    process: tuple[str, ...] = SYSTEM_PROCESS,
) -> str:
    """Return the haproxy configuration for the app servers at ``servers`` ("host:port").

    ``certificate`` is one PEM file with the certificate chain and its key; ``public_url`` the
    https address users open (KERNBRIEF_PUBLIC_URL). The defaults are production's: ports 80
    and 443, and the process settings of Debian's haproxy.service.
    """
    if not servers:
        raise ValueError("at least one app server is needed")
    lines = [
        f"    server {server_name(n)} {address} cookie {server_name(n)}"
        for n, address in enumerate(servers, start=1)
    ]
    return Template(TEMPLATE.read_text()).substitute(
        process="\n".join(f"    {line}" for line in process),
        http_address=http_address,
        https_address=https_address,
        certificate=certificate,
        public_url=public_url.rstrip("/"),
        server_cookie=SERVER_COOKIE,
        servers="\n".join(lines),
    )


def main(arguments: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="haproxy.cfg for Kernbrief's app servers (see deploy/README.md)"
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--ports", help="the app servers' ports on this host, e.g. 8501-8504")
    where.add_argument(
        "--servers", help="app servers on other hosts, e.g. 10.0.0.11:8501,10.0.0.12:8501"
    )
    parser.add_argument(
        "--public-url",
        required=True,
        help="KERNBRIEF_PUBLIC_URL, e.g. https://kernbrief.example.be",
    )
    parser.add_argument(
        "--certificate",
        default="/etc/haproxy/certs/kernbrief.pem",
        help="one PEM file with the certificate chain and the private key",
    )
    chosen = parser.parse_args(arguments)
    if chosen.servers:
        servers = [address.strip() for address in chosen.servers.split(",") if address.strip()]
    else:
        first, _, last = chosen.ports.partition("-")
        servers = [f"127.0.0.1:{port}" for port in range(int(first), int(last or first) + 1)]
    sys.stdout.write(render(servers, public_url=chosen.public_url, certificate=chosen.certificate))


if __name__ == "__main__":
    main()
