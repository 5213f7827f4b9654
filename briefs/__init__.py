"""The design brief domain: models, content, checks and links, free of any UI framework."""
