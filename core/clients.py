"""The client address of a request: the direct peer, or what a trusted proxy says it forwarded."""

from __future__ import annotations

import re
from collections.abc import Iterable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

Network = IPv4Network | IPv6Network
Address = IPv4Address | IPv6Address
UNKNOWN = "unknown"
# Streamlit reports a browser on the same machine as "no address" (st.context.ip_address).
LOOPBACK = "127.0.0.1"


def parse_networks(text: str) -> tuple[Network, ...]:
    """Read KERNBRIEF_TRUSTED_PROXIES: addresses or CIDR blocks, separated by commas or spaces.

    Raises ValueError for anything that is not an address or a block, so that a typo stops
    the app instead of silently trusting nobody (or everybody).
    """
    return tuple(
        ip_network(part, strict=False) for part in re.split(r"[,\s]+", text.strip()) if part
    )


def _parse(text: str | None) -> Address | None:
    """An address as a proxy writes it: bare, ``[v6]:port`` or ``v4:port``; else None."""
    value = (text or "").strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        found = ip_address(value)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket is the same client.
    if isinstance(found, IPv6Address) and found.ipv4_mapped is not None:
        return found.ipv4_mapped
    return found


def _trusted(address: Address, trusted: tuple[Network, ...]) -> bool:
    return any(address.version == network.version and address in network for network in trusted)


def client_address(
    peer: str | None, forwarded_for: Iterable[str], trusted: tuple[Network, ...]
) -> str:
    """Return the address to count failures under and to write in the audit log.

    The ``X-Forwarded-For`` header is anyone's to write, so it is read only when the direct
    peer is one of the ``trusted`` proxies; then the right-most hop that is not itself a
    trusted proxy is the client (hops further left were written by the client and may be
    made up). Nothing trusted, the default: the peer, whatever the header says.
    """
    address = _parse(peer)
    if address is None:
        return (peer or "").strip() or UNKNOWN
    if not _trusted(address, trusted):
        return str(address)
    hops = [hop for header in forwarded_for for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        forwarded = _parse(hop)
        if forwarded is None:
            # Not an address our proxy would write: keep the last address it vouched for.
            return str(address)
        address = forwarded
        if not _trusted(address, trusted):
            return str(address)
    return str(address)
