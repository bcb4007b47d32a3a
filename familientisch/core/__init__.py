"""What every app shares and no app owns: the stream blocks of page bodies, the base of the
sections' index pages, privacy of pages in every language, protection against abuse and
locked-out logins, the rule for visitors' reports, and the demo's page helpers. No models."""
