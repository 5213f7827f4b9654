"""Deployment: the haproxy configuration renderer and the systemd unit (see README.md)."""
