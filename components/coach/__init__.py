"""The coaches' workspace on *Begeleiding*: one module per screen."""
