"""Event extraction from parsed documents: triggers, roles, modality, contexts."""

from eventwire.extract.events import find_events
from eventwire.extract.mention import Mention

__all__ = ["find_events", "Mention"]
