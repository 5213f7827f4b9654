"""Use cases that span repositories, each one transaction: what pages, routes and the CLI call."""
