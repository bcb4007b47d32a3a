"""Familientisch: the Familien-Navigator (offers), events, partners and protocols of a city's
family network, as Wagtail apps that any Wagtail site can install (README, "Add Familientisch
to an existing Wagtail site")."""
